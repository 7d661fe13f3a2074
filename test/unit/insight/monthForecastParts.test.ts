// A scope that adds up others (a billing profile and its subscriptions): hand-made parts whose
// own forecasts are known, and the whole's forecast as the mean of their sum and the whole's own
// projection (src/insight/monthForecast/sumOfParts.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayFromParts } from '../../../src/insight/calendar';
import { DailyAmount, forecastMonth } from '../../../src/insight/monthForecast';
import { forecastSum } from '../../../src/insight/monthForecast/sumOfParts';

const march = (d: number) => dayFromParts(2024, 3, d);
const days = (cost: (d: number) => number, to = 20): DailyAmount[] => Array.from({ length: to }, (_, i) => ({ day: march(i + 1), amount: cost(i + 1) }));

test('a step in a small part is carried on by the part, even when the whole blurs it', () => {
  // A: 10 000 a day. B: 100 a day, then 1 000 from the 18th through the 20th, still going on.
  const a = days(() => 10000);
  const b = days((d) => (d >= 18 ? 1000 : 100));
  const whole = days((d) => 10000 + (d >= 18 ? 1000 : 100));
  const input = { periodStart: march(1), periodEnd: march(31), today: march(21), days: whole };
  // By hand: A carries 10 000 on for the 11 days left (110 000); B's step is 10 × its level, so
  // the new level 1 000 is carried on (11 000): 121 000 from the parts.
  assert.equal(forecastMonth({ ...input, days: a }).projected, 110000);
  assert.equal(forecastMonth({ ...input, days: b }).projected, 11000);
  const own = forecastMonth(input);
  const f = forecastSum(input, [{ days: a }, { days: b }]);
  assert.equal(f.projected, Math.round((121000 + own.projected) / 2), 'the mean of the parts\' sum and the whole\'s projection');
  // The days so far are the whole's: 20 × 10 000 + 17 × 100 + 3 × 1 000.
  assert.equal(f.total, 204700 + f.projected);
  assert.ok(f.low <= f.total && f.total <= f.high);
});

test('without parts it is the whole\'s own forecast', () => {
  const input = { periodStart: march(1), periodEnd: march(31), today: march(21), days: days((d) => 1000 + 10 * d) };
  assert.deepEqual(forecastSum(input, []), forecastMonth(input));
});
