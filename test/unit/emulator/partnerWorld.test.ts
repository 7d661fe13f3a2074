// The CSP corner of the world: a partner's Microsoft Partner Agreement (`PCN.<alnum>`) that sold
// Woodgrove Bank a subscription on the CSP offer. The partner's directory is out of the caller's
// reach, so no tenant lists the account; Woodgrove sees the subscription through RBAC, and every
// API that refuses CSP offers refuses it (docs/azure-apis.md#billing-identifiers and
// #commerce-offers).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import { ArmPage, armFetch, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError, SubscriptionJson } from '../../support/wireShapes';

const BA = '/providers/Microsoft.Billing/billingAccounts';
/** The 2024-04-01 `billingAccountName` pattern (docs/azure-apis.md#billing-identifiers). */
const ACCOUNT_NAME = /^([0-9]+|([Pp][Cc][Nn]\.[A-Za-z0-9]+)|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_[0-9]{4}(-[0-9]{2}){2})?)$/;

describe('emulator: a CSP subscription on a partner agreement', () => {
  const emu = useEmulator({ settings: { pageSize: 5 } });

  const partner = (e: Emulator) => {
    const account = e.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftPartnerAgreement');
    assert.ok(account, 'the world has a Microsoft Partner Agreement');
    const csp = account.subscriptions.find((s) => s.offerId === 'MS-AZR-0145P');
    assert.ok(csp, 'with a subscription on the CSP offer');
    return { account, csp };
  };

  it('is a PCN.<alnum> Partner account in a directory outside the world, its subscription in the customer\'s tenant', () => {
    const e = emu();
    const { account, csp } = partner(e);
    assert.match(account.name, /^PCN\.[A-Za-z0-9]+$/);
    assert.match(account.name, ACCOUNT_NAME);
    assert.equal(account.accountType, 'Partner');
    assert.ok(!e.world.tenants.some((t) => t.tenantId === account.tenantId), 'the partner\'s tenant is not one the caller can sign in to');
    const customerTenant = e.world.tenants.find((t) => t.tenantId === csp.tenantId);
    assert.ok(customerTenant, 'the customer\'s tenant is');
    assert.equal(customerTenant.hasBillingRole, false, 'a CSP customer holds no role on its partner\'s billing account');
    assert.equal(csp.agreementType, 'MicrosoftPartnerAgreement');
    assert.equal(csp.billingAccountName, account.name);
    assert.ok(csp.customerDisplayName);
  });

  it('lists the account in no tenant and answers 404 for it everywhere', async () => {
    const e = emu();
    const { account } = partner(e);
    for (const tenant of e.world.tenants) {
      const token = e.issueToken(tenant.tenantId);
      const list = await armFetch(e, `${BA}?api-version=2024-04-01`, { token });
      assert.equal(list.status, 200);
      assert.ok(!(await jsonAs<ArmPage<{ name: string }>>(list)).value.some((a) => a.name === account.name), tenant.displayName);
      assert.equal((await armFetch(e, `${BA}/${account.name}?api-version=2024-04-01`, { token })).status, 404, tenant.displayName);
    }
  });

  it('shows the customer the subscription, and no invoices for it (a CSP partner invoices outside Azure)', async () => {
    const e = emu();
    const { account, csp } = partner(e);
    const token = e.issueToken(csp.tenantId);
    const one = await armFetch(e, `/subscriptions/${csp.subscriptionId}?api-version=2022-12-01`, { token });
    assert.equal(one.status, 200);
    assert.equal((await jsonAs<SubscriptionJson>(one)).subscriptionPolicies.quotaId, 'CSP_2015-05-01');
    const invoices = await armFetch(e, `${BA}/default/billingSubscriptions/${csp.subscriptionId}/invoices?api-version=2024-04-01`, { token });
    assert.equal(invoices.status, 200);
    assert.deepEqual((await jsonAs<ArmPage<unknown>>(invoices)).value, []);
    assert.deepEqual(e.world.billing.invoicesOfAccount(account), [], 'invoices = charges holds: there are no invoices to compare');
  });

  it('is refused by Commerce (DisallowedProvider on UsageAggregates and RateCard) and by Cost Management', async () => {
    const e = emu();
    const { csp } = partner(e);
    const token = e.issueToken(csp.tenantId);
    const base = `/subscriptions/${csp.subscriptionId}/providers/Microsoft.Commerce`;
    const rateCard = await armFetch(e, `${base}/RateCard?api-version=2016-08-31-preview&$filter=${encodeURIComponent("OfferDurableId eq 'MS-AZR-0145P' and Currency eq 'USD' and Locale eq 'en-US' and RegionInfo eq 'US'")}`, { token, redirect: 'manual' });
    assert.equal(rateCard.status, 400);
    assert.equal((await jsonAs<ArmError>(rateCard)).error.code, 'DisallowedProvider');
    const usage = await armFetch(e, `${base}/UsageAggregates?api-version=2015-06-01-preview&reportedStartTime=2026-10-01T00:00:00Z&reportedEndTime=2026-10-02T00:00:00Z`, { token });
    assert.equal(usage.status, 400);
    assert.equal((await jsonAs<ArmError>(usage)).error.code, 'DisallowedProvider');
    const body = JSON.stringify({ type: 'ActualCost', timeframe: 'MonthToDate', dataset: { granularity: 'Daily', aggregation: { totalCost: { name: 'Cost', function: 'Sum' } } } });
    const query = await armFetch(e, `/subscriptions/${csp.subscriptionId}/providers/Microsoft.CostManagement/query?api-version=2024-08-01`, { token, method: 'POST', body, headers: { 'content-type': 'application/json' } });
    assert.equal(query.status, 400);
    assert.match((await jsonAs<ArmError>(query)).error.message, /Cost management data is unavailable/);
  });

  it('still has usage and costs in the world (Partner Center would bill them), so its resources are real', () => {
    const e = emu();
    const { csp } = partner(e);
    assert.ok(e.world.usage.costBetween(csp.subscriptionId, '2026-10-01', '2026-10-31') > 0);
  });
});
