// Microsoft.Resources: `GET /tenants`, `GET /subscriptions` and `GET /subscriptions/{id}`, the
// calls the editor's sign-in (@azure/arm-resources-subscriptions, api-version 2022-12-01) makes.
// Beyond docs/azure-apis.md#tenants-and-subscriptions, shapes follow the public ARM contract as
// remembered [inf]: fields were added over the versions (tenant details in 2020-01-01,
// defaultDomain/tenantType and subscription tags in 2021-01-01). Subscriptions are those of the
// token's tenant (`tid`).
import { fail, ok, pageOf } from '../arm';
import type { EmuRequest } from '../http';
import type { Router } from '../router';
import type { WorldSubscription, WorldTenant } from '../world/types';
import type { RouteContext } from './context';

export const RESOURCES_VERSIONS = ['2016-06-01', '2020-01-01', '2021-01-01', '2022-12-01'] as const;

const atLeast = (version: string | undefined, min: string) => (version ?? '') >= min;

function tenantJson(t: WorldTenant, version: string | undefined): unknown {
  const json: Record<string, unknown> = { id: `/tenants/${t.tenantId}`, tenantId: t.tenantId };
  if (atLeast(version, '2020-01-01')) {
    Object.assign(json, { countryCode: 'US', displayName: t.displayName, domains: [t.defaultDomain], tenantCategory: 'Home' });
  }
  if (atLeast(version, '2021-01-01')) Object.assign(json, { defaultDomain: t.defaultDomain, tenantType: 'AAD' });
  return json;
}

/** Offer → the subscription policy's quotaId [inf: the usual values; Azure plan and EA Dev/Test guessed]. */
const QUOTA_IDS: Record<string, string> = {
  'MS-AZR-0003P': 'PayAsYouGo_2014-09-01',
  'MS-AZR-0023P': 'MSDNDevTest_2014-09-01',
  'MS-AZR-0044P': 'FreeTrial_2014-09-01',
  'MS-AZR-0063P': 'MSDN_2014-09-01',
  'MS-AZR-0017P': 'EnterpriseAgreement_2014-09-01',
  'MS-AZR-0148P': 'MSDNDevTest_2014-09-01',
  'MS-AZR-0017G': 'PayAsYouGo_2014-09-01',
  'MS-AZR-0148G': 'MSDNDevTest_2014-09-01',
  'MS-AZR-0145P': 'CSP_2015-05-01',
};
const SPENDING_LIMIT_ON = new Set(['MS-AZR-0044P', 'MS-AZR-0059P', 'MS-AZR-0060P', 'MS-AZR-0062P', 'MS-AZR-0063P']);

function subscriptionJson(s: WorldSubscription, version: string | undefined): unknown {
  const json: Record<string, unknown> = { id: `/subscriptions/${s.subscriptionId}`, authorizationSource: 'RoleBased' };
  if (atLeast(version, '2020-01-01')) json.managedByTenants = [];
  json.subscriptionId = s.subscriptionId;
  if (atLeast(version, '2020-01-01')) json.tenantId = s.tenantId;
  Object.assign(json, {
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: QUOTA_IDS[s.offerId] ?? 'PayAsYouGo_2014-09-01', spendingLimit: SPENDING_LIMIT_ON.has(s.offerId) ? 'On' : 'Off' },
  });
  if (atLeast(version, '2021-01-01')) json.tags = {};
  return json;
}

export function registerResourcesRoutes(router: Router, ctx: RouteContext): void {
  const mine = (req: EmuRequest) => ctx.world.subscriptions.filter((s) => s.tenantId === req.caller?.tid);
  // Every tenant of the world: the signed-in principal is a member (or guest) of each.
  router.add({ method: 'GET', path: '/tenants', apiVersions: RESOURCES_VERSIONS, auth: 'arm', handler: (req) =>
    ok(pageOf(req, ctx.world.tenants.map((t) => tenantJson(t, req.apiVersion)), { pageSize: ctx.settings.pageSize })) });
  router.add({ method: 'GET', path: '/subscriptions', apiVersions: RESOURCES_VERSIONS, auth: 'arm', handler: (req) =>
    ok(pageOf(req, mine(req).map((s) => subscriptionJson(s, req.apiVersion)), { pageSize: ctx.settings.pageSize })) });
  router.add({ method: 'GET', path: '/subscriptions/{subscriptionId}', apiVersions: RESOURCES_VERSIONS, auth: 'arm', handler: (req) => {
    const id = req.params.subscriptionId.toLowerCase();
    const sub = mine(req).find((s) => s.subscriptionId === id);
    if (!sub) fail(404, 'SubscriptionNotFound', `The subscription '${req.params.subscriptionId}' could not be found.`);
    return ok(subscriptionJson(sub, req.apiVersion));
  } });
}
