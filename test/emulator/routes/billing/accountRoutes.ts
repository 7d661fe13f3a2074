// Billing accounts, billing profiles, invoice sections, billing subscriptions, EA departments and
// enrollment accounts (docs/azure-apis.md#billing-accounts to
// #ea-departments-and-enrollment-accounts).
import { fail, ok, pageOf } from '../../arm';
import type { EmuRequest } from '../../http';
import type { Router } from '../../router';
import type { WorldBillingAccount } from '../../world/billing/types';
import type { WorldSubscription } from '../../world/types';
import type { RouteContext } from '../context';
import { accountOf, EA_ONLY, invalidAccountName, MCA_ONLY, profileOf, sectionOf } from './lookup';
import { topSkip } from './listParams';
import { BILLING, BILLING_VERSIONS, V2019, V2020, V2024 } from './versions';
import { accountJson, billingSubscriptionJson, departmentJson, enrollmentAccountJson, expandOf, profileJson, sectionJson } from './views';

export function registerAccountRoutes(router: Router, ctx: RouteContext): void {
  const list = (req: EmuRequest, items: unknown[]) => ok(pageOf(req, topSkip(req, items), { pageSize: ctx.settings.pageSize }));
  const get = (path: string, handler: (req: EmuRequest) => ReturnType<typeof ok>, apiVersions: readonly string[] = BILLING_VERSIONS) =>
    router.add({ method: 'GET', path: `${BILLING}${path}`, apiVersions, auth: 'arm', handler });

  // No billing role in the caller's tenant: 200 with an empty list, as Azure answers
  // (docs/azure-apis.md#permissions).
  get('', (req) => list(req, ctx.world.billing.visibleAccounts(req.caller?.tid).map((a) => accountJson(a, req.apiVersion as string, expandOf(req.q)))));
  get('/{billingAccountName}', (req) => ok(accountJson(accountOf(ctx, req), req.apiVersion as string, expandOf(req.q))));

  get('/{billingAccountName}/billingProfiles', (req) => {
    const account = accountOf(ctx, req, MCA_ONLY);
    const withSections = expandOf(req.q).has('invoicesections');
    return list(req, account.profiles.map((p) => profileJson(p, req.apiVersion as string, withSections)));
  });
  get('/{billingAccountName}/billingProfiles/{billingProfileName}', (req) => {
    const account = accountOf(ctx, req, MCA_ONLY);
    return ok(profileJson(profileOf(ctx, req, account), req.apiVersion as string, expandOf(req.q).has('invoicesections')));
  });
  get('/{billingAccountName}/billingProfiles/{billingProfileName}/invoiceSections', (req) => {
    const profile = profileOf(ctx, req, accountOf(ctx, req, MCA_ONLY));
    return list(req, profile.sections.map((s) => sectionJson(s, req.apiVersion as string)));
  });
  get('/{billingAccountName}/billingProfiles/{billingProfileName}/invoiceSections/{invoiceSectionName}', (req) => {
    const profile = profileOf(ctx, req, accountOf(ctx, req, MCA_ONLY));
    return ok(sectionJson(sectionOf(ctx, req, profile), req.apiVersion as string));
  });

  // Billing subscriptions by account: MCA on every version; EA is not served on 2020-05-01 (an
  // empty list, docs/azure-apis.md#billing-subscriptions); EA and pay-as-you-go on the preview and
  // 2024-04-01 [inf].
  const subsJson = (account: WorldBillingAccount, subs: WorldSubscription[]) => subs.map((s) => billingSubscriptionJson(ctx.world, account, s));
  get('/{billingAccountName}/billingSubscriptions', (req) => {
    const account = accountOf(ctx, req);
    const served = account.agreementType === 'MicrosoftCustomerAgreement' || req.apiVersion !== V2020;
    return list(req, served ? subsJson(account, account.subscriptions) : []);
  });
  get('/{billingAccountName}/billingSubscriptions/{billingSubscriptionName}', (req) => {
    const account = accountOf(ctx, req);
    if (account.agreementType !== 'MicrosoftCustomerAgreement' && req.apiVersion === V2020) { invalidAccountName(); }
    const name = req.params.billingSubscriptionName.toLowerCase();
    const sub = account.subscriptions.find((s) => s.subscriptionId === name);
    if (!sub) { fail(404, 'NotFound', `The billing subscription '${req.params.billingSubscriptionName}' was not found in billing account '${account.name}'.`); }
    return ok(billingSubscriptionJson(ctx.world, account, sub));
  });
  get('/{billingAccountName}/billingProfiles/{billingProfileName}/billingSubscriptions', (req) => {
    const account = accountOf(ctx, req, MCA_ONLY);
    return list(req, subsJson(account, profileOf(ctx, req, account).subscriptions));
  });
  get('/{billingAccountName}/billingProfiles/{billingProfileName}/invoiceSections/{invoiceSectionName}/billingSubscriptions', (req) => {
    const account = accountOf(ctx, req, MCA_ONLY);
    const section = sectionOf(ctx, req, profileOf(ctx, req, account));
    return list(req, subsJson(account, account.subscriptions.filter((s) => s.invoiceSectionName === section.name)));
  });

  // EA departments and enrollment accounts: the preview and 2024-04-01 (2020-05-01 has no such routes).
  const EA_VERSIONS = [V2019, V2024];
  const department = (req: EmuRequest, account: WorldBillingAccount) => {
    const d = account.departments.find((x) => x.name === req.params.departmentName);
    if (!d) { fail(404, 'NotFound', `The department '${req.params.departmentName}' was not found in billing account '${account.name}'.`); }
    return d;
  };
  const enrollmentAccounts = (req: EmuRequest, account: WorldBillingAccount, departmentName?: string) =>
    account.enrollmentAccounts
      .filter((e) => !departmentName || e.departmentName === departmentName)
      .map((e) => enrollmentAccountJson(e, account.departments.find((d) => d.name === e.departmentName), req.apiVersion as string));
  get('/{billingAccountName}/departments', (req) => {
    const account = accountOf(ctx, req, EA_ONLY);
    return list(req, account.departments.map((d) => departmentJson(d, req.apiVersion as string)));
  }, EA_VERSIONS);
  get('/{billingAccountName}/departments/{departmentName}', (req) => ok(departmentJson(department(req, accountOf(ctx, req, EA_ONLY)), req.apiVersion as string)), EA_VERSIONS);
  get('/{billingAccountName}/departments/{departmentName}/enrollmentAccounts', (req) => {
    const account = accountOf(ctx, req, EA_ONLY);
    return list(req, enrollmentAccounts(req, account, department(req, account).name));
  }, EA_VERSIONS);
  get('/{billingAccountName}/enrollmentAccounts', (req) => list(req, enrollmentAccounts(req, accountOf(ctx, req, EA_ONLY))), EA_VERSIONS);
  get('/{billingAccountName}/enrollmentAccounts/{enrollmentAccountName}', (req) => {
    const account = accountOf(ctx, req, EA_ONLY);
    const found = enrollmentAccounts(req, account).find((e) => (e as { name: string }).name === req.params.enrollmentAccountName);
    if (!found) { fail(404, 'NotFound', `The enrollment account '${req.params.enrollmentAccountName}' was not found in billing account '${account.name}'.`); }
    return ok(found);
  }, EA_VERSIONS);
}
