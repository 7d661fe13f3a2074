// The credit runway on hand-made lots; spend is in cents, lots and balance in dollars. Lots are
// consumed earliest expiry first, and a lot's last day is the last day it pays for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIsoDate } from '../../../src/insight/calendar';
import { creditRunway, RunwayLot } from '../../../src/insight/creditRunway';

const day = (iso: string) => parseIsoDate(iso)!;
const usd = (amount: number) => ({ amount, currency: 'USD' });
const TEN_DOLLARS = 1000;

test('a lot that expires before it is spent loses the rest, and the next lot carries on', () => {
  const lots: RunwayLot[] = [
    { id: 'a', remaining: usd(100), lastDay: '2024-03-05' },
    { id: 'b', remaining: usd(200), lastDay: '2024-12-31' },
  ];
  const r = creditRunway({ lots, balance: usd(300), today: '2024-03-01', dailySpend: TEN_DOLLARS });
  // a pays 1st–5th March: 50 spent, 50 expire after the 5th. b pays from the 6th: 200 / 10 = 20
  // days, the 6th to the 25th.
  assert.deepEqual(r.lots, [
    { id: 'a', expiresUnused: usd(50) },
    { id: 'b', expiresUnused: usd(0), usedUpOn: day('2024-03-25') },
  ]);
  assert.equal(r.runsOutOn, day('2024-03-25'));
  assert.equal(r.runsOutBy, 'spending');
  assert.deepEqual(r.expiresUnused, usd(50));
});

test('a lot fully used before it expires loses nothing', () => {
  const lots: RunwayLot[] = [
    { id: 'b', remaining: usd(100), lastDay: '2024-12-31' },
    { id: 'a', remaining: usd(30), lastDay: '2024-03-10' },
  ];
  const r = creditRunway({ lots, balance: usd(130), today: '2024-03-01', dailySpend: TEN_DOLLARS });
  // a expires first, so it pays first: 30 / 10 = 3 days (1st–3rd). b: 10 days, the 4th to the 13th.
  assert.deepEqual(r.lots, [
    { id: 'b', expiresUnused: usd(0), usedUpOn: day('2024-03-13') },
    { id: 'a', expiresUnused: usd(0), usedUpOn: day('2024-03-03') },
  ]);
  assert.equal(r.runsOutOn, day('2024-03-13'));
  assert.deepEqual(r.expiresUnused, usd(0));
});

test('with no spend every lot expires in full, and credit without expiry never runs out', () => {
  const lots: RunwayLot[] = [
    { id: 'a', remaining: usd(30), lastDay: '2024-03-10' },
    { id: 'b', remaining: usd(100.25), lastDay: '2024-12-31' },
  ];
  const r = creditRunway({ lots, balance: usd(130.25), today: '2024-03-01', dailySpend: 0 });
  assert.deepEqual(r.expiresUnused, usd(130.25));
  assert.equal(r.runsOutOn, day('2024-12-31'));
  assert.equal(r.runsOutBy, 'expiry');

  const forever = creditRunway({ lots: [{ id: 'c', remaining: usd(5) }], balance: usd(5), today: '2024-03-01', dailySpend: 0 });
  assert.equal(forever.runsOutOn, undefined);
  assert.deepEqual(forever.expiresUnused, usd(0));
});

test('a spend larger than the balance runs it out today', () => {
  const r = creditRunway({ lots: [{ id: 'a', remaining: usd(25), lastDay: '2024-12-31' }], balance: usd(25), today: '2024-03-01', dailySpend: 4000 });
  assert.equal(r.runsOutOn, day('2024-03-01'));
  assert.equal(r.runsOutBy, 'spending');
  assert.deepEqual(r.lots, [{ id: 'a', expiresUnused: usd(0), usedUpOn: day('2024-03-01') }]);
});

test('spend since the last invoice comes off the earliest-expiring lot first', () => {
  const lots: RunwayLot[] = [
    { id: 'a', remaining: usd(100), lastDay: '2024-03-05' },
    { id: 'b', remaining: usd(200), lastDay: '2024-12-31' },
  ];
  // The lots hold 300 as of the invoice; the balance says 250: a has 50 left, which the 1st–5th use.
  const r = creditRunway({ lots, balance: usd(250), today: '2024-03-01', dailySpend: TEN_DOLLARS });
  assert.deepEqual(r.lots[0], { id: 'a', expiresUnused: usd(0), usedUpOn: day('2024-03-05') });
  assert.equal(r.runsOutOn, day('2024-03-25'));
});

test('a daily spend list is followed day by day, its last value carried on', () => {
  // 0, 0, then 20 a day: 50 lasts the 3rd, 4th and half of the 5th.
  const r = creditRunway({ lots: [{ id: 'a', remaining: usd(50) }], balance: usd(50), today: '2024-03-01', dailySpend: [0, 0, 2000] });
  assert.equal(r.runsOutOn, day('2024-03-05'));
});

test('a lot in another currency is refused with a message saying why', () => {
  const lots: RunwayLot[] = [
    { id: 'a', remaining: usd(100), lastDay: '2024-03-05' },
    { id: 'eur-lot', remaining: { amount: 100, currency: 'EUR' }, lastDay: '2024-12-31' },
  ];
  assert.throws(
    () => creditRunway({ lots, balance: usd(200), today: '2024-03-01', dailySpend: TEN_DOLLARS }),
    /Credit lot "eur-lot" is in EUR but the balance is in USD: amounts in different currencies cannot be added up/,
  );
});

test('a lot already past its last day counts for nothing', () => {
  const lots: RunwayLot[] = [
    { id: 'old', remaining: usd(40), lastDay: '2024-02-29' },
    { id: 'b', remaining: usd(100), lastDay: '2024-12-31' },
  ];
  const r = creditRunway({ lots, balance: usd(140), today: '2024-03-01', dailySpend: TEN_DOLLARS });
  // Only b pays: 100 / 10 = 10 days, the 1st to the 10th; nothing is projected to expire.
  assert.equal(r.runsOutOn, day('2024-03-10'));
  assert.deepEqual(r.expiresUnused, usd(0));
});
