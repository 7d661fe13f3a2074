// A whole chargeback report of a billing profile against the emulator: the owners' totals add up to
// the profile's Cost Management total for the last closed month to the cent, and to the charges of
// that month's invoice, which the reconciliation then carries to the invoiced total with every step
// named (credits applied, tax) and nothing unexplained. Cost Management is asked once per planned
// query for the whole profile, counted on the emulator's stats route, and not again on a rerun. A
// billing account in two currencies gets a report per currency; a throttled run is waited out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { costScopes, queryCost } from '../../../src/billing/costQuery';
import { lastClosedPeriod } from '../../../src/insight/chargeback/billingPeriods';
import type { ChargebackRules } from '../../../src/insight/chargeback/rules';
import { ChargebackQueryCache } from '../../../src/views/chargeback/chargebackCosts';
import { chargebackReport } from '../../../src/views/chargeback/chargebackReport';
import { seenTagValues } from '../../../src/views/chargeback/seenTagValues';
import { retryWhenThrottled } from '../../../src/views/usagePanel/throttleWait';
import { startingRules } from '../../../src/insight/chargeback/startingRules';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';

const emulator = useEmulator();
const QUERY_ROUTE = 'POST /{*scope}/providers/Microsoft.CostManagement/query';

function usdProfile() {
  const emu = emulator();
  const account = emu.world.billing.visibleAccounts(emu.tenantId).find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
  const profile = account.profiles.find((p) => p.currency === 'USD' && account.subscriptions.some((s) => s.billingProfileName === p.name))!;
  return { emu, account, profile };
}

function rulesFor(accountName: string, profileName: string): ChargebackRules {
  return {
    scope: { kind: 'billingProfile', billingAccountName: accountName, billingProfileName: profileName },
    tagKeys: ['CostCenter'],
    normalization: { letterCase: 'upper', trimWhitespace: true, aliases: new Map([['cc1001', 'CC-1001'], ['cc2040', 'CC-2040'], ['cc3300', 'CC-3300']]) },
    untagged: { mode: 'proportional' },
    shared: [],
    owners: [],
  };
}

test('a billing profile report equals its Cost Management total and its invoice charges, in one query', async () => {
  const { emu, account, profile } = usdProfile();
  const { client } = testClient(emu);
  const period = lastClosedPeriod(FIXED_AS_OF.slice(0, 10));
  const cache = new ChargebackQueryCache();
  const before = emu.stats.byRoute[QUERY_ROUTE] ?? 0;
  const result = await chargebackReport(client, rulesFor(account.name, profile.name), period, { asOf: new Date(FIXED_AS_OF), cache });
  assert.equal((emu.stats.byRoute[QUERY_ROUTE] ?? 0) - before, 1, 'one tag key, no meter-category rule: one query for the whole profile');

  // Independent figures: Cost Management's own total for the profile (ungrouped), and the world's invoice.
  let exact = 0;
  for await (const row of queryCost(client, costScopes.billingProfile(account.name, profile.name), { period, granularity: 'None' })) {exact += row.cost.amount;}
  const invoice = emu.world.billing
    .invoicesOfProfile(profile)
    .find((i) => i.documentType === 'Invoice' && i.periodStart === period.from && i.periodEnd === period.to);
  assert.ok(invoice, `the emulator invoiced ${period.month}`);

  assert.equal(result.reports.length, 1, 'one currency');
  const report = result.reports[0];
  assert.equal(report.currency, 'USD');
  assert.equal(report.total, BigInt(Math.round(exact * 100)), 'the rows add up to the profile total, rounded to the cent');
  assert.equal(report.owners.reduce((a, o) => a + o.total, 0n), report.total, 'owners add up to the total');
  assert.equal(report.total, BigInt(invoice.chargesCents), 'and to the charges of the period\'s invoice');
  assert.ok(!report.owners.some((o) => o.owner === 'Unallocated'), 'untagged cost was split in proportion');

  const rec = result.reconciliations.get('USD');
  assert.ok(rec, 'the invoices were read');
  assert.equal(rec.reportTotal + rec.steps.reduce((a, s) => a + s.amount, 0n), rec.invoicedTotal, 'the steps carry the report to the invoices');
  assert.ok(!rec.steps.some((s) => s.kind === 'unexplained'), JSON.stringify(rec.steps, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  const credits = -(invoice.prepaymentAppliedCents + invoice.freeCreditAppliedCents);
  assert.equal(rec.steps.find((s) => s.kind === 'creditsApplied')?.amount ?? 0n, BigInt(credits));
  assert.equal(rec.steps.find((s) => s.kind === 'tax')?.amount ?? 0n, BigInt(invoice.taxCents));

  // Names for the drill-down come from the billing API, not from another Cost Management query.
  const subscriptions = account.subscriptions.filter((s) => s.billingProfileName === profile.name);
  assert.equal(result.names.subscriptions.size, subscriptions.length);
  assert.equal(result.names.subscriptions.get(subscriptions[0].subscriptionId.toLowerCase()), subscriptions[0].displayName);
  assert.equal(result.names.scope, profile.displayName);

  const again = emu.stats.byRoute[QUERY_ROUTE] ?? 0;
  const rerun = await chargebackReport(client, rulesFor(account.name, profile.name), period, { asOf: new Date(FIXED_AS_OF), cache });
  assert.equal(emu.stats.byRoute[QUERY_ROUTE] ?? 0, again, 'a rerun of the same period is answered from the cache');
  assert.equal(rerun.reports[0].total, report.total);
});

test('a list of subscriptions costs one query per subscription scope, whatever the number of its resources', async () => {
  const { emu, account, profile } = usdProfile();
  const { client } = testClient(emu);
  const subscriptionIds = account.subscriptions.filter((s) => s.billingProfileName === profile.name).slice(0, 2).map((s) => s.subscriptionId.toLowerCase());
  assert.equal(subscriptionIds.length, 2);
  const rules: ChargebackRules = { ...rulesFor(account.name, profile.name), scope: { kind: 'subscriptions', subscriptionIds } };
  const before = emu.stats.byRoute[QUERY_ROUTE] ?? 0;
  const result = await chargebackReport(client, rules, lastClosedPeriod(FIXED_AS_OF.slice(0, 10)), { asOf: new Date(FIXED_AS_OF) });
  assert.equal((emu.stats.byRoute[QUERY_ROUTE] ?? 0) - before, 2, 'one query per subscription scope');
  assert.ok(result.reports[0].total > 0n);
  // Subscriptions under an agreement have no invoices of their own: the period reads as not invoiced, which is said.
  const rec = result.reconciliations.get(result.reports[0].currency);
  assert.ok(rec === undefined || rec.steps.some((s) => s.kind === 'notInvoiced'));
});

test('New Chargeback Rules reads the values of a tag key on last month\'s cost with one query, and folds their spellings', async () => {
  const { emu, account, profile } = usdProfile();
  const { client } = testClient(emu);
  const scope = { kind: 'billingProfile' as const, billingAccountName: account.name, billingProfileName: profile.name };
  const period = lastClosedPeriod(FIXED_AS_OF.slice(0, 10));
  const before = emu.stats.byRoute[QUERY_ROUTE] ?? 0;
  const seen = await seenTagValues(client, scope, 'CostCenter', period);
  assert.equal((emu.stats.byRoute[QUERY_ROUTE] ?? 0) - before, 1, 'one query for the whole profile');
  // The same answer, independently: the profile's total is the sum of the values seen plus the untagged rest.
  let exact = 0;
  for await (const row of queryCost(client, costScopes.billingProfile(account.name, profile.name), { period, granularity: 'None' })) {exact += row.cost.amount;}
  assert.ok(Math.abs(seen.reduce((a, s) => a + s.amount, 0) - exact) < 0.005);
  const file = JSON.parse(startingRules(scope, 'CostCenter', seen)) as { owners: Record<string, unknown>; normalize: { aliases: Record<string, string> } };
  // The tag mess writes CC-1001 also as cc-1001, " CC-1001 " and CC1001: one owner, the others aliases.
  const owners = Object.keys(file.owners);
  assert.ok(owners.length >= 2 && owners.every((o) => /^CC-\d{4}$/.test(o)), owners.join(', '));
  assert.ok(Object.values(file.normalize.aliases).every((target) => owners.includes(target)));
  assert.ok(Object.keys(file.normalize.aliases).length >= 1, 'spellings of the mess became aliases');
});

test('a billing account billed in two currencies gets one report per currency, each equal to its Cost Management total', async () => {
  const { emu, account } = usdProfile();
  const { client } = testClient(emu);
  const period = lastClosedPeriod(FIXED_AS_OF.slice(0, 10));
  const rules: ChargebackRules = { ...rulesFor(account.name, ''), scope: { kind: 'billingAccount', billingAccountName: account.name } };
  const before = emu.stats.byRoute[QUERY_ROUTE] ?? 0;
  const result = await chargebackReport(client, rules, period, { asOf: new Date(FIXED_AS_OF) });
  assert.equal((emu.stats.byRoute[QUERY_ROUTE] ?? 0) - before, 1, 'one query for the whole account, whatever its profiles and currencies');
  const exact = new Map<string, number>();
  for await (const row of queryCost(client, costScopes.billingAccount(account.name), { period, granularity: 'None' })) {exact.set(row.cost.currency, (exact.get(row.cost.currency) ?? 0) + row.cost.amount);}
  assert.deepEqual(result.reports.map((r) => r.currency), [...exact.keys()].sort());
  assert.ok(result.reports.length >= 2, 'the account bills in more than one currency');
  for (const report of result.reports) {
    assert.equal(report.total, BigInt(Math.round(exact.get(report.currency)! * 100)), `${report.currency} total`);
    assert.equal(report.owners.reduce((a, o) => a + o.total, 0n), report.total);
    const rec = result.reconciliations.get(report.currency);
    assert.ok(rec && !rec.steps.some((s) => s.kind === 'unexplained'), `${report.currency}: every difference to the invoices is explained`);
  }
});

test('throttled beyond what the client waits for, the run is waited out and asked again, and the report is the same', async () => {
  const { emu, account, profile } = usdProfile();
  const period = lastClosedPeriod(FIXED_AS_OF.slice(0, 10));
  const expected = await chargebackReport(testClient(emu).client, rulesFor(account.name, profile.name), period, { asOf: new Date(FIXED_AS_OF) });
  // Cost Management asks for 90 s on the first query: longer than the client sits through on its own.
  emu.faults.add({ kind: 'throttle', path: '/providers/Microsoft.CostManagement/query', retryAfterSeconds: 90, times: 1 });
  const { client } = testClient(emu, { retry: { maxRetries: 0 } });
  const waits: number[] = [];
  const slept: number[] = [];
  const result = await retryWhenThrottled(() => chargebackReport(client, rulesFor(account.name, profile.name), period, { asOf: new Date(FIXED_AS_OF) }), {
    signal: new AbortController().signal,
    onWait: (seconds) => waits.push(seconds),
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
  });
  assert.deepEqual(waits, [90], 'the person is told how long Azure asked to wait');
  assert.deepEqual(slept, [90_000]);
  assert.equal(result.reports[0].total, expected.reports[0].total);
});
