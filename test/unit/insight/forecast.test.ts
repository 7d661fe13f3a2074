import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIsoDate } from '../../../src/insight/calendar';
import { forecastBill } from '../../../src/insight/forecast';

const day = (iso: string) => parseIsoDate(iso)!;

test('month to date is the sum of the complete days, and the forecast carries the daily average to the end', () => {
  const f = forecastBill({ dailyTotals: [1000, 2000, 3000, 999], firstDay: day('2024-03-01'), periodEnd: day('2024-03-31'), asOf: day('2024-03-03') });
  // 6000 over 3 days = 2000 a day; 28 days left → 6000 + 56000.
  assert.deepEqual(f, { toDate: 6000, daysElapsed: 3, daysRemaining: 28, dailyRunRate: 2000, forecast: 62000 });
});

test('the forecast is rounded once, to the minor unit', () => {
  const f = forecastBill({ dailyTotals: [100, 0, 0], firstDay: day('2024-02-01'), periodEnd: day('2024-02-29'), asOf: day('2024-02-03') });
  // 100 over 3 days; 26 days left: 100 × 26 / 3 = 866.67 → 867.
  assert.equal(f!.forecast, 967);
  assert.equal(f!.dailyRunRate, 33);
});

test('on the last day the forecast is what has been spent', () => {
  const f = forecastBill({ dailyTotals: [5, 5], firstDay: day('2024-04-29'), periodEnd: day('2024-04-30'), asOf: day('2024-04-30') });
  assert.equal(f!.forecast, 10);
});

test('no complete day yet means no forecast', () => {
  assert.equal(forecastBill({ dailyTotals: [], firstDay: day('2024-03-01'), periodEnd: day('2024-03-31'), asOf: day('2024-02-29') }), undefined);
});
