// The burn-down series from a runway worked out by hand: the projection falls by the daily spend,
// drops by what a lot loses on its last day, and ends on the day the runway says the credits
// run out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CreditLot } from '../../../src/billing/models/credit';
import { parseIsoDate } from '../../../src/insight/calendar';
import { burnDown } from '../../../src/views/credits/burnDown';
import { runwayOf } from '../../../src/views/credits/profileRunway';

const day = (iso: string) => parseIsoDate(iso)!;
const usd = (amount: number) => ({ amount, currency: 'USD' });
const lot = (name: string, left: number, expires: string): CreditLot => ({ id: name, name, status: 'Active', closedBalance: usd(left), expirationDate: new Date(`${expires}T00:00:00Z`) });

describe('views: credit burn-down', () => {
  it('falls $10 a day, loses $50 when the first lot expires, and reaches zero on the runway\'s day', () => {
    const today = day('2026-12-01');
    const r = runwayOf({ estimatedBalance: usd(150) }, [lot('soon', 100, '2026-12-05'), lot('late', 50, '2027-06-30')], new Map([['USD', 1000]]), today);
    assert.ok(r.kind === 'runway');
    const b = burnDown(r.runway, today, [{ day: day('2026-11-01'), balance: 20_000 }, { day: today, balance: 1 }]);
    assert.deepEqual(b.actual, [{ day: day('2026-11-01'), balance: 20_000 }], 'history up to yesterday only');
    // 1–5 Dec: $10 a day from "soon" → $100 left on the 5th after spending, then "soon" loses its
    // remaining $50: $50 left. "late" then pays $10 a day: the 6th to the 10th.
    const on = (iso: string) => b.projected.find((p) => p.day === day(iso))?.balance;
    assert.equal(b.projected[0].balance, 15_000);
    assert.equal(on('2026-12-04'), 11_000);
    assert.equal(on('2026-12-05'), 5_000);
    assert.equal(on('2026-12-09'), 1_000);
    assert.equal(on('2026-12-10'), 0);
    assert.equal(b.projected[b.projected.length - 1].day, r.runway.runsOutOn);
    assert.deepEqual(b.expiries, [
      { day: day('2026-12-05'), lotId: 'soon', expiresUnused: 5_000 },
      { day: day('2027-06-30'), lotId: 'late', expiresUnused: 0 },
    ]);
  });
});
