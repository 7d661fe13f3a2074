// Microsoft.Resources: `GET /tenants`, `GET /subscriptions` and `GET /subscriptions/{id}`, the calls
// sign-in makes (the editor's, through @azure/arm-resources-subscriptions on 2022-12-01; command-line
// tools and older SDKs on older versions). Beyond docs/azure-apis.md#tenants-and-subscriptions,
// the shapes follow the public Azure REST API specifications of Microsoft.Resources `subscriptions.json`, one folder per
// api-version: fields were added over the versions, and an older version's answer leaves them out
// (see RESOURCES_FIELDS). Subscriptions are those of the token's tenant (`tid`).
import { fail, ok, pageOf } from '../arm';
import type { EmuRequest } from '../http';
import type { Router } from '../router';
import type { WorldSubscription, WorldTenant } from '../world/types';
import type { RouteContext } from './context';

/** Every stable api-version of the public specifications that has `tenants` and `subscriptions`. */
export const RESOURCES_VERSIONS = ['2015-11-01', '2016-06-01', '2018-06-01', '2019-06-01', '2019-11-01', '2020-01-01', '2021-01-01', '2022-12-01'] as const;

/** The first api-version whose answer carries each field (the specs' models, version by version). */
export const RESOURCES_FIELDS = {
  /** Subscription `authorizationSource`, subscription policy `spendingLimit`. */
  authorizationSource: '2016-06-01',
  /** Tenant `country`, `countryCode`, `displayName`, `domains`; subscription `tenantId`. */
  tenantDetails: '2018-06-01',
  /** Tenant `tenantCategory`; subscription `managedByTenants`. */
  tenantCategory: '2019-06-01',
  /** Subscription `tags`. */
  subscriptionTags: '2019-11-01',
  /** Tenant `defaultDomain`, `tenantType`. */
  defaultDomain: '2020-01-01',
} as const;

const atLeast = (version: string | undefined, min: string) => (version ?? '') >= min;

function tenantJson(t: WorldTenant, version: string | undefined): unknown {
  const json: Record<string, unknown> = { id: `/tenants/${t.tenantId}`, tenantId: t.tenantId };
  if (atLeast(version, RESOURCES_FIELDS.tenantCategory)) { json.tenantCategory = 'Home'; }
  if (atLeast(version, RESOURCES_FIELDS.tenantDetails)) {
    Object.assign(json, { country: 'United States', countryCode: 'US', displayName: t.displayName, domains: [t.defaultDomain] });
  }
  if (atLeast(version, RESOURCES_FIELDS.defaultDomain)) { Object.assign(json, { defaultDomain: t.defaultDomain, tenantType: 'AAD' }); }
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
  const json: Record<string, unknown> = { id: `/subscriptions/${s.subscriptionId}` };
  if (atLeast(version, RESOURCES_FIELDS.authorizationSource)) { json.authorizationSource = 'RoleBased'; }
  if (atLeast(version, RESOURCES_FIELDS.tenantCategory)) { json.managedByTenants = []; }
  json.subscriptionId = s.subscriptionId;
  if (atLeast(version, RESOURCES_FIELDS.tenantDetails)) { json.tenantId = s.tenantId; }
  const policies: Record<string, unknown> = { locationPlacementId: 'Public_2014-09-01', quotaId: QUOTA_IDS[s.offerId] ?? 'PayAsYouGo_2014-09-01' };
  if (atLeast(version, RESOURCES_FIELDS.authorizationSource)) { policies.spendingLimit = SPENDING_LIMIT_ON.has(s.offerId) ? 'On' : 'Off'; }
  Object.assign(json, { displayName: s.displayName, state: s.state, subscriptionPolicies: policies });
  if (atLeast(version, RESOURCES_FIELDS.subscriptionTags)) { json.tags = {}; }
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
    if (!sub) { fail(404, 'SubscriptionNotFound', `The subscription '${req.params.subscriptionId}' could not be found.`); }
    return ok(subscriptionJson(sub, req.apiVersion));
  } });
}
