// Credit runway of a billing profile from hand-made Consumption answers: which lots count, the
// balance the runway starts from, and the answers when it cannot be projected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CreditLot } from '../../../src/billing/models/credit';
import { parseIsoDate } from '../../../src/insight/calendar';
import { runwayOf } from '../../../src/views/credits/profileRunway';

const day = (iso: string) => parseIsoDate(iso)!;
const usd = (amount: number) => ({ amount, currency: 'USD' });
const lot = (name: string, left: number, expires: string, status = 'Active'): CreditLot => ({ id: `/lots/${name}`, name, status, closedBalance: usd(left), expirationDate: new Date(`${expires}T00:00:00Z`) });

describe('views: credit runway of a profile', () => {
  it('runs the lots out earliest expiry first at the forecast spend, and names what expires unused', () => {
    const lots = [lot('late', 500, '2027-06-30'), lot('soon', 100, '2026-12-05'), lot('old', 50, '2026-01-01', 'Expired'), lot('done', 0, '2027-01-01', 'Complete')];
    // $20 a day from 1 December: "soon" pays the 1st–5th ($100, used up on the 5th), "late" pays
    // from the 6th: $500 ÷ $20 = 25 days, the 6th to the 30th of December.
    const r = runwayOf({ estimatedBalance: usd(600), currentBalance: usd(700) }, lots, new Map([['USD', 2000]]), day('2026-12-01'));
    assert.equal(r.kind, 'runway');
    if (r.kind !== 'runway') {return;}
    assert.equal(r.runway.runsOutOn, day('2026-12-30'));
    assert.equal(r.runway.runsOutBy, 'spending');
    assert.deepEqual(r.runway.balance, usd(600), 'the estimated balance, newer than the current one');
    assert.deepEqual(r.runway.lots.map((l) => [l.id, l.usedUpOn, l.expiresUnused.amount]), [
      ['soon', day('2026-12-05'), 0],
      ['late', day('2026-12-30'), 0],
    ]);
  });

  it('at a lower spend the soonest lot expires with money left on it', () => {
    // $10 a day: "soon" pays 1st–5th = $50, $50 expire unused; "late" pays $10 a day from the 6th
    // for 50 days: the 6th of December + 49 = 24 January 2027.
    const r = runwayOf({ estimatedBalance: usd(600) }, [lot('late', 500, '2027-06-30'), lot('soon', 100, '2026-12-05')], new Map([['USD', 1000]]), day('2026-12-01'));
    assert.ok(r.kind === 'runway');
    assert.equal(r.runway.runsOutOn, day('2027-01-24'));
    assert.deepEqual(r.runway.expiresUnused, usd(50));
    assert.deepEqual(r.runway.lots.find((l) => l.id === 'soon')?.expiresUnused, usd(50));
  });

  it('refuses to mix the credit\'s currency with a spend in another', () => {
    const r = runwayOf({ estimatedBalance: usd(100) }, [lot('a', 100, '2027-01-01')], new Map([['EUR', 1000]]), day('2026-12-01'));
    assert.deepEqual(r, { kind: 'otherCurrency', creditCurrency: 'USD', spendCurrency: 'EUR' });
  });

  it('says so when there is no balance or no spend to forecast', () => {
    assert.deepEqual(runwayOf({ estimatedBalance: usd(0) }, [], new Map([['USD', 1]]), day('2026-12-01')), { kind: 'noBalance' });
    assert.deepEqual(runwayOf({ currentBalance: usd(10) }, [], new Map(), day('2026-12-01')), { kind: 'noSpend' });
  });
});
