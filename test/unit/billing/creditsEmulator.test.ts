// Credits through the real client against the emulator: balances per profile (USD and EUR), lots
// with expiry, the events ledger over windows the service accepts, 204 = no credits, and the
// agreement types credits do not apply to. Expectations come from the emulator's world in cents.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { listAccountCreditEvents, listCreditEvents, listCreditEventsInWindows, DateRangeError } from '../../../src/billing/creditEvents';
import { getCreditBalance, listAccountLots, listCreditLots } from '../../../src/billing/credits';
import type { BillingAccount } from '../../../src/billing/models/account';
import { addMonths, calendarDate, utcDateOf } from '../../../src/billing/models/dates';
import { fixedFromNumber, fixedToNumber } from '../../../src/insight/fixedDecimal';
import { sumByCurrency } from '../../../src/insight/moneyTotals';
import { isNotApplicable } from '../../../src/billing/notApplicable';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { TestClient } from '../azure/clientFixture';
import { clientFor } from './support/live';

const cents = (c: number, currency: string) => ({ amount: c / 100, currency });

describe('credits against the emulator', () => {
  const emu = useEmulator({ settings: { pageSize: 5 } });
  let home: TestClient;
  let mca: BillingAccount;
  const worldProfiles = () => emu().world.billing.account(mca.name)!.profiles;

  before(async () => {
    home = clientFor(emu());
    mca = (await listBillingAccounts(home.client)).accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
  });
  after(() => home.client.dispose());

  it('reads each profile\'s balance in its own currency, equal to the world\'s', async () => {
    const seen = new Set<string>();
    for (const p of worldProfiles()) {
      const credits = emu().world.billing.credits(p)!;
      const balance = await getCreditBalance(home.client, { accountName: mca.name, profileName: p.name, agreementType: mca.agreementType });
      assert.equal(balance.kind, 'summary');
      if (balance.kind !== 'summary') continue;
      assert.deepEqual(balance.summary.currentBalance, cents(credits.summary.currentBalanceCents, p.currency), p.name);
      assert.deepEqual(balance.summary.estimatedBalance, cents(credits.summary.estimatedBalanceCents, p.currency), p.name);
      seen.add(p.currency);
    }
    assert.deepEqual([...seen].sort(), ['EUR', 'USD']);
  });

  it('lists lots with expiry; open lots\' balances add up to the current balance', async () => {
    for (const p of worldProfiles()) {
      const world = emu().world.billing.credits(p)!;
      const lots = (await listCreditLots(home.client, { accountName: mca.name, profileName: p.name }).all()).items;
      assert.deepEqual(lots.map((l) => l.name).sort(), world.lots.map((l) => l.name).sort());
      for (const w of world.lots) {
        const l = lots.find((x) => x.name === w.name)!;
        assert.deepEqual(l.closedBalance, cents(w.closedBalanceCents, w.currency));
        assert.deepEqual(l.originalAmount, cents(w.originalCents, w.currency));
        assert.equal(l.expirationDate && utcDateOf(l.expirationDate), w.expirationDate);
        assert.equal(l.source, w.source);
      }
      // What a person checks on the credits node: the lots' balances make up the balance.
      assert.deepEqual(sumByCurrency(lots.map((l) => l.closedBalance)), [cents(world.summary.currentBalanceCents, p.currency)], p.name);
    }
  });

  it('reads the ledger of the last year; each closing balance follows from the one before', async () => {
    const p = worldProfiles()[0];
    const world = emu().world.billing.credits(p)!;
    const endDate = calendarDate(FIXED_AS_OF);
    const startDate = addMonths(endDate, -12);
    const events = (await listCreditEvents(home.client, { accountName: mca.name, profileName: p.name, agreementType: mca.agreementType }, { startDate, endDate }).all()).items;
    const expected = world.events.filter((e) => e.transactionDate >= startDate && e.transactionDate <= endDate);
    assert.ok(expected.length > 2);
    assert.deepEqual(events.map((e) => e.name), expected.map((e) => e.name));
    for (let i = 1; i < events.length; i++) {
      const [a, b] = [events[i - 1], events[i]];
      const next = fixedFromNumber(a.closedBalance!.amount) + fixedFromNumber(b.newCredit?.amount ?? 0) + fixedFromNumber(b.adjustments?.amount ?? 0) - fixedFromNumber(b.creditExpired?.amount ?? 0) - fixedFromNumber(b.charges?.amount ?? 0);
      assert.equal(fixedToNumber(next), b.closedBalance!.amount, `${b.name} (${b.eventType})`);
    }
  });

  it('reads a long history in yearly windows the service accepts, and refuses it in one call without asking', async () => {
    const p = worldProfiles()[0];
    const world = emu().world.billing.credits(p)!;
    const scope = { accountName: mca.name, profileName: p.name };
    const range = { startDate: '2024-01-01', endDate: FIXED_AS_OF };
    const count = home.recorder.count;
    await assert.rejects(listCreditEvents(home.client, scope, range).all(), (e) => e instanceof DateRangeError && e.problem === 'rangeTooLong');
    assert.equal(home.recorder.count, count);
    const all = (await listCreditEventsInWindows(home.client, scope, range).all()).items;
    assert.deepEqual(all.map((e) => e.name), world.events.filter((e) => e.transactionDate >= range.startDate && e.transactionDate <= range.endDate).map((e) => e.name));
  });

  it('answers "no credits" when the service answers 204', async () => {
    emu().faults.add({ kind: 'empty', path: '/credits/balanceSummary', times: 1 });
    const p = worldProfiles()[0];
    assert.deepEqual(await getCreditBalance(home.client, { accountName: mca.name, profileName: p.name }), { kind: 'noCredits' });
  });

  it('reads the commitment (MACC) lots and their ledger at account scope', async () => {
    const world = emu().world.billing.commitment(emu().world.billing.account(mca.name)!);
    const lots = (await listAccountLots(home.client, mca, { source: 'ConsumptionCommitment' }).all()).items;
    assert.ok(lots.length > 0, 'the MCA account has a commitment');
    assert.deepEqual(lots.map((l) => l.name).sort(), (world?.lots ?? []).map((l) => l.name).sort());
    for (const l of lots) {
      const w = world!.lots.find((x) => x.name === l.name)!;
      assert.deepEqual(l.usedAmount, w.usedCents === undefined ? undefined : cents(w.usedCents, w.currency));
      const events = (await listAccountCreditEvents(home.client, mca, { lotId: l.name }).all()).items;
      assert.deepEqual(events.map((e) => e.name), world!.events.filter((e) => e.lotId === l.name).map((e) => e.name));
    }
  });

  it('says credits do not apply to EA and MOSP accounts, without a request', async () => {
    const accounts = (await listBillingAccounts(home.client)).accounts;
    const count = home.recorder.count;
    for (const a of accounts.filter((x) => x.agreementType !== 'MicrosoftCustomerAgreement')) {
      await assert.rejects(getCreditBalance(home.client, { accountName: a.name, profileName: 'any', agreementType: a.agreementType }), (e) => isNotApplicable(e) && e.reason === 'creditsNeedMcaProfile');
      await assert.rejects(listCreditLots(home.client, { accountName: a.name, profileName: 'any', agreementType: a.agreementType }).all(), isNotApplicable);
    }
    await assert.rejects(listAccountLots(home.client, accounts.find((a) => a.agreementType === 'MicrosoftOnlineServicesProgram')!).all(), isNotApplicable);
    assert.equal(home.recorder.count, count);
  });
});
