// The Credits view's data for the emulator's USD billing profile, read through the real clients
// (balance summary, lots, a year of the ledger): the actual part is the ledger's running balance
// day by day, and the projection is checked against a simulation written here from the world's
// own lots and balance in cents (earliest expiry first, what a lot holds lost on its last day).
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { listCreditEvents } from '../../../src/billing/creditEvents';
import { getCreditBalance, listCreditLots } from '../../../src/billing/credits';
import type { BillingAccount } from '../../../src/billing/models/account';
import { addMonthsClamped, formatIsoDate, parseIsoDate } from '../../../src/insight/calendar';
import { creditsPayload } from '../../../src/views/credits/creditsPayload';
import { runwayOf } from '../../../src/views/credits/profileRunway';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { TestClient } from '../azure/clientFixture';
import { clientFor } from '../billing/support/live';

const day = (iso: string) => parseIsoDate(iso)!;

describe('views: the Credits view\'s data against the emulator', () => {
  const emu = useEmulator();
  let home: TestClient;
  let mca: BillingAccount;

  before(async () => {
    home = clientFor(emu());
    mca = (await listBillingAccounts(home.client)).accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
  });
  after(() => home.client.dispose());

  it('the ledger\'s balance up to yesterday, then the world\'s lots spent earliest expiry first, each losing what it holds on its last day', async () => {
    const profile = emu().world.billing.account(mca.name)!.profiles.find((p) => p.currency === 'USD' && p.creditPlan === 'rich')!;
    const world = emu().world.billing.credits(profile)!;
    const scope = { accountName: mca.name, profileName: profile.name, agreementType: mca.agreementType };
    const today = day(FIXED_AS_OF);
    const balance = await getCreditBalance(home.client, scope);
    assert.ok(balance.kind === 'summary');
    const lots = (await listCreditLots(home.client, scope).all()).items;
    const events = (await listCreditEvents(home.client, scope, { startDate: formatIsoDate(addMonthsClamped(today, -12)), endDate: FIXED_AS_OF }).all()).items;
    const active = world.lots.filter((l) => l.status === 'Active' && l.closedBalanceCents > 0).sort((a, b) => (a.expirationDate < b.expirationDate ? -1 : 1));
    assert.ok(active.length >= 2, 'the rich plan has two active lots');
    // The projection, simulated from the world's cents: the estimated balance is newer than the lots'
    // closed balances, so what was spent since comes off the soonest-expiring lots first.
    const sim = active.map((l) => ({ name: l.name, left: l.closedBalanceCents, last: day(l.expirationDate), lost: 0 }));
    let since = sim.reduce((a, l) => a + l.left, 0) - world.summary.estimatedBalanceCents;
    for (const l of sim) {
      const take = Math.min(l.left, Math.max(0, since));
      l.left -= take;
      since -= take;
    }
    if (since < 0) {sim.push({ name: '', left: -since, last: Infinity, lost: 0 });}
    // A spend that leaves the soonest lot with money on its last day: a fifth
    // of what it holds, spread over the days it has left.
    const soonest = sim.find((l) => l.left > 0)!;
    const spend = Math.max(1, Math.floor(soonest.left / 5 / (soonest.last - today + 1)));
    const r = runwayOf(balance.summary, lots, new Map([['USD', spend]]), today);
    assert.ok(r.kind === 'runway');
    const p = creditsPayload({ runway: r.runway, events, today, title: 't', notes: [] });

    // Actual: the world's running balance after the last event of each day, in the year before today.
    const yearAgo = formatIsoDate(addMonthsClamped(today, -12));
    const expectedActual = new Map<string, number>();
    for (const e of world.events) {if (e.transactionDate >= yearAgo && e.transactionDate < FIXED_AS_OF) {expectedActual.set(e.transactionDate, e.closedBalanceCents);}}
    assert.deepEqual(p.actual, [...expectedActual].sort().map(([d, b]) => ({ day: d, balance: b })));
    assert.ok(p.actual.length >= 5, `a year of the ledger has events: ${p.actual.length}`);

    const expected = [{ day: formatIsoDate(today - 1), balance: world.summary.estimatedBalanceCents }];
    for (let d = today; sim.some((l) => l.left > 0) && d < today + 730; d++) {
      let need = spend;
      for (const l of sim) {
        const take = Math.min(need, l.left);
        l.left -= take;
        need -= take;
      }
      for (const l of sim) {if (l.last === d) {[l.lost, l.left] = [l.left, 0];}}
      expected.push({ day: formatIsoDate(d), balance: sim.reduce((a, l) => a + l.left, 0) });
    }
    assert.deepEqual(p.projected, expected);
    assert.equal(p.balance, world.summary.estimatedBalanceCents);
    assert.equal(p.runsOut, expected[expected.length - 1].day);
    assert.equal(p.dailySpend, spend);
    // One mark per active lot on its expiry date, with what it loses there.
    assert.deepEqual(p.expiries, active.map((l) => ({ day: l.expirationDate, lot: l.name, expiresUnused: sim.find((s) => s.name === l.name)!.lost })));
    const mark = p.expiries.find((m) => m.lot === soonest.name)!;
    assert.ok(mark.expiresUnused > 0, 'the soonest lot expires with money left at this spend');
    assert.equal(p.expiresUnused, sim.reduce((a, l) => a + l.lost, 0));
    // On the soonest lot's last day the balance drops by the day's spend and what the lot still held.
    const at = p.projected.findIndex((x) => x.day === mark.day);
    assert.equal(p.projected[at - 1].balance - p.projected[at].balance, spend + mark.expiresUnused);
  });
});
