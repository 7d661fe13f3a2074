// Consumption credits on the emulator: balance summary, lots and the events ledger of MCA billing
// profiles, the account's commitment (MACC), with the ledger's invariants checked by their own
// arithmetic (in cents, from the API's numbers only).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArmPage, armFetch, armListAll, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmResource, WireAmount } from '../../support/emulator';
import type { ArmError, BalanceSummaryProperties, BillingAccount, BillingProfile, CreditEvent, Invoice, Lot, LotProperties } from '../../support/wireShapes';

/** A commitment (MACC) lot, which carries what it has used. */
type CommitmentLot = ArmResource<LotProperties & { OrganizationType: string; usedAmount: WireAmount }>;

const BA = '/providers/Microsoft.Billing/billingAccounts';
const C = 'providers/Microsoft.Consumption';
const cents = (amount: { value: number }) => Math.round(amount.value * 100);

describe('emulator: Consumption credits, lots and events', () => {
  const emu = useEmulator({ settings: { pageSize: 3 } });

  const all = <T>(path: string) => armListAll<T>(emu(), path);
  const summaryAt = async (path: string) => jsonAs<ArmResource<BalanceSummaryProperties>>(await armFetch(emu(), path));
  async function profiles(): Promise<Array<{ path: string; currency: string; name: string; account: string }>> {
    const accounts = await all<BillingAccount>(`${BA}?api-version=2024-04-01`);
    const mca = accounts.find((a) => a.properties.agreementType === 'MicrosoftCustomerAgreement');
    assert.ok(mca, 'the MCA account');
    const list = await all<BillingProfile>(`${BA}/${mca.name}/billingProfiles?api-version=2024-04-01`);
    return list.map((p) => ({ path: `${BA}/${mca.name}/billingProfiles/${p.name}`, currency: p.properties.currency, name: p.properties.displayName, account: mca.name }));
  }
  /** Every event of a profile, asked for a year at a time (the emulator's limit per call). */
  async function ledger(profilePath: string, version = '2024-08-01'): Promise<CreditEvent[]> {
    const years = [['2024-11-01', '2025-10-31'], ['2025-11-01', '2026-10-31'], ['2026-11-01', '2027-10-31']];
    const events: CreditEvent[] = [];
    for (const [start, end] of years) { events.push(...(await all<CreditEvent>(`${profilePath}/${C}/events?api-version=${version}&startDate=${start}&endDate=${end}`))); }
    return events;
  }

  it('makes lot balances add up to the current balance of the summary, in each profile', async () => {
    for (const p of await profiles()) {
      const summary = await summaryAt(`${p.path}/${C}/credits/balanceSummary?api-version=2024-08-01`);
      const lots = await all<Lot>(`${p.path}/${C}/lots?api-version=2024-08-01`);
      assert.ok(lots.length >= 2, p.name);
      const sum = lots.reduce((s, l) => s + cents(l.properties.closedBalance), 0);
      assert.equal(sum, cents(summary.properties.balanceSummary.currentBalance), p.name);
      assert.ok(lots.every((l) => l.properties.closedBalance.currency === p.currency));
      const s = summary.properties;
      // estimated = current + pending adjustments − credit expired since − pending eligible charges
      assert.equal(cents(s.balanceSummary.estimatedBalance), cents(s.balanceSummary.currentBalance) + cents(s.pendingCreditAdjustments) - cents(s.expiredCredit) - cents(s.pendingEligibleCharges), p.name);
    }
  });

  it('shows lots that are active, expired and used up', async () => {
    const rich = (await profiles()).find((p) => p.currency === 'USD');
    assert.ok(rich);
    const lots = await all<Lot>(`${rich.path}/${C}/lots?api-version=2024-08-01`);
    const status = (s: string) => lots.filter((l) => l.properties.status === s);
    assert.equal(status('Active').length, 2);
    assert.equal(status('Expired').length, 1);
    assert.equal(status('Complete').length, 1);
    assert.ok(status('Active').every((l) => cents(l.properties.closedBalance) > 0));
    assert.ok([...status('Expired'), ...status('Complete')].every((l) => cents(l.properties.closedBalance) === 0));
    const active = await all<Lot>(`${rich.path}/${C}/lots?api-version=2024-08-01&$filter=${encodeURIComponent("status eq 'ACTIVE' and source eq 'purchasedcredit'")}`);
    assert.deepEqual(active.map((l) => l.name), status('Active').filter((l) => l.properties.source === 'PurchasedCredit').map((l) => l.name));
  });

  it("follows each event's closed balance from the one before, across the whole ledger", async () => {
    for (const p of await profiles()) {
      const events = await ledger(p.path);
      assert.ok(events.length >= 6, `${p.name}: ${events.length} events`);
      let previous = 0;
      for (const e of events) {
        const x = e.properties;
        const expected = previous + cents(x.newCredit) + cents(x.adjustments) - cents(x.creditExpired) - cents(x.charges);
        assert.equal(cents(x.closedBalance), expected, `${p.name} ${x.transactionDate} ${x.eventType}`);
        previous = expected;
      }
      // The last event's balance is the summary's estimate; new credit in equals the lots' original amounts.
      const summary = await summaryAt(`${p.path}/${C}/credits/balanceSummary?api-version=2024-08-01`);
      assert.equal(previous, cents(summary.properties.balanceSummary.estimatedBalance), p.name);
      const lots = await all<Lot>(`${p.path}/${C}/lots?api-version=2024-08-01`);
      const credited = events.reduce((s, e) => s + cents(e.properties.newCredit), 0);
      assert.equal(credited, lots.reduce((s, l) => s + cents(l.properties.originalAmount), 0), p.name);
    }
  });

  it('settles invoice charges with credit: each settlement equals the credit shown on its invoice', async () => {
    const rich = (await profiles()).find((p) => p.currency === 'USD');
    assert.ok(rich);
    const invoices = await all<Invoice>(`${rich.path}/invoices?api-version=2024-04-01`);
    const settled = (await ledger(rich.path)).filter((e) => e.properties.eventType === 'SettledCharges');
    assert.ok(settled.length >= 8);
    for (const e of settled) {
      const inv = invoices.find((i) => i.name === e.properties.invoiceNumber);
      assert.ok(inv, `invoice ${e.properties.invoiceNumber}`);
      assert.equal(cents(e.properties.charges), cents(inv.properties.azurePrepaymentApplied) + cents(inv.properties.freeAzureCreditApplied));
      assert.equal(e.properties.transactionDate, inv.properties.invoiceDate);
    }
  });

  it('answers 204 with no body for a profile without credits', async () => {
    const e = emu();
    const fabrikam = e.world.tenants.find((t) => t.hasBillingRole && t.tenantId !== e.tenantId);
    assert.ok(fabrikam);
    const token = e.issueToken(fabrikam.tenantId);
    const account = (await jsonAs<ArmPage<BillingAccount>>(await armFetch(e, `${BA}?api-version=2024-04-01`, { token }))).value[0];
    const profile = (await jsonAs<ArmPage<BillingProfile>>(await armFetch(e, `${BA}/${account.name}/billingProfiles?api-version=2024-04-01`, { token }))).value[0];
    const res = await armFetch(e, `${BA}/${account.name}/billingProfiles/${profile.name}/${C}/credits/balanceSummary?api-version=2024-08-01`, { token });
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
  });

  it('adds fields over the api-versions', async () => {
    const [p] = await profiles();
    const old = await summaryAt(`${p.path}/${C}/credits/balanceSummary?api-version=2019-10-01`);
    assert.equal(old.properties.creditCurrency, undefined);
    assert.equal(old.properties.isEstimatedBalance, undefined);
    const current = await summaryAt(`${p.path}/${C}/credits/balanceSummary?api-version=2024-08-01`);
    assert.equal(current.properties.creditCurrency, p.currency);
    assert.equal(current.properties.isEstimatedBalance, true);
    const oldLot = (await all<Lot>(`${p.path}/${C}/lots?api-version=2019-10-01`))[0];
    assert.equal(oldLot.properties.status, undefined);
    assert.equal((await all<Lot>(`${p.path}/${C}/lots?api-version=2021-10-01`))[0].properties.status !== undefined, true);
  });

  it('requires startDate and endDate on profile events and refuses bad ranges with a clear 400', async () => {
    const [p] = await profiles();
    const cases: Array<[string, RegExp]> = [
      ['endDate=2026-10-31', /'startDate' is required/],
      ['startDate=2026-01-01', /'endDate' is required/],
      ['startDate=2026-13-01&endDate=2026-12-31', /'2026-13-01' of 'startDate' is not a valid date/],
      ['startDate=01-01-2026&endDate=2026-12-31', /not a valid date/],
      ['startDate=2026-06-01&endDate=2026-05-31', /earlier than/],
      ['startDate=2025-01-01&endDate=2026-01-02', /longer than 12 months/],
    ];
    for (const [query, message] of cases) {
      const res = await armFetch(emu(), `${p.path}/${C}/events?api-version=2024-08-01&${query}`);
      assert.equal(res.status, 400, query);
      assert.match((await jsonAs<ArmError>(res)).error.message, message, query);
    }
    // Exactly one year is allowed.
    assert.equal((await armFetch(emu(), `${p.path}/${C}/events?api-version=2024-08-01&startDate=2025-11-15&endDate=2026-11-15`)).status, 200);
    // A second `?` in a hand-built URL is refused before anything else
    // (docs/azure-apis.md#request-urls).
    assert.equal((await armFetch(emu(), `${p.path}/${C}/events?api-version=2024-08-01?startDate=2026-01-01&endDate=2026-02-01`)).status, 400);
  });

  it('lists the commitment at account scope with $filter, and refuses ne / or', async () => {
    const [p] = await profiles();
    const scope = `${BA}/${p.account}/${C}`;
    const filter = encodeURIComponent("status eq 'active' AND source eq 'consumptioncommitment'");
    const lots = await all<CommitmentLot>(`${scope}/lots?api-version=2024-08-01&$filter=${filter}`);
    assert.equal(lots.length, 1);
    const macc = lots[0].properties;
    assert.equal(macc.source, 'ConsumptionCommitment');
    assert.equal(macc.OrganizationType, 'Primary');
    assert.equal(cents(macc.originalAmount) - cents(macc.usedAmount), cents(macc.closedBalance));
    const events = await all<CreditEvent>(`${scope}/events?api-version=2024-08-01&$filter=${encodeURIComponent(`lotid eq '${lots[0].name}' and lotsource eq 'ConsumptionCommitment'`)}`);
    assert.equal(events[0].properties.eventType, 'NewCredit');
    assert.equal(cents(events[0].properties.newCredit), cents(macc.originalAmount));
    // What the commitment has used is the sum of the charges counted against it.
    const used = events.filter((e) => e.properties.eventType === 'SettledCharges').reduce((s, e) => s + cents(e.properties.charges), 0);
    assert.equal(used, cents(macc.usedAmount));
    assert.deepEqual(await all<CreditEvent>(`${scope}/events?api-version=2024-08-01&$filter=${encodeURIComponent("lotid eq 'G0000'")}`), []);
    for (const bad of ["status ne 'active'", "status eq 'active' or source eq 'x'", "colour eq 'blue'"]) {
      const res = await armFetch(emu(), `${scope}/lots?api-version=2024-08-01&$filter=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 400, bad);
    }
  });

  it('answers 404 for profiles and accounts the caller cannot see', async () => {
    const e = emu();
    const [p] = await profiles();
    const woodgrove = e.world.tenants.find((t) => !t.hasBillingRole);
    assert.ok(woodgrove);
    const res = await armFetch(e, `${p.path}/${C}/lots?api-version=2024-08-01`, { token: e.issueToken(woodgrove.tenantId) });
    assert.equal(res.status, 404);
    assert.equal((await armFetch(e, `${BA}/${p.account}/billingProfiles/NOPE-NOPE-NOP-NOP/${C}/lots?api-version=2024-08-01`)).status, 404);
  });
});
