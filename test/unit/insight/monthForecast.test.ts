// The month-end forecast on hand-made series whose true totals are worked out in the comments.
// March 2024 has 31 days and starts on a Friday: its weekends are the 2nd, 3rd, 9th, 10th, 16th,
// 17th, 23rd, 24th, 30th and 31st (10 days), leaving 21 weekdays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayFromParts, parseIsoDate } from '../../../src/insight/calendar';
import { forecastBill } from '../../../src/insight/forecast';
import { DailyAmount, forecastMonth, PastPeriod } from '../../../src/insight/monthForecast';
import { backtestMonths, summariseBacktest } from '../../../src/insight/monthForecast/backtest';

const day = (iso: string) => parseIsoDate(iso)!;
const march = (d: number) => dayFromParts(2024, 3, d);

/** Days `from`..`to` of a month, costed by `cost(day of month, day number)`. */
function series(year: number, month: number, from: number, to: number, cost: (d: number, n: number) => number): DailyAmount[] {
  const out: DailyAmount[] = [];
  for (let d = from; d <= to; d++) { out.push({ day: dayFromParts(year, month, d), amount: cost(d, dayFromParts(year, month, d)) }); }
  return out;
}

const isWeekend = (n: number) => [0, 6].includes((((n + 4) % 7) + 7) % 7);

/** What the old run-rate says with the same complete days. */
function runRate(days: DailyAmount[], completeThrough: number): number {
  const totals = days.map((d) => d.amount);
  return forecastBill({ dailyTotals: totals, firstDay: march(1), periodEnd: march(31), asOf: completeThrough })!.forecast;
}

test('a flat series is forecast exactly, with no spread to show', () => {
  const days = series(2024, 3, 1, 10, () => 1000);
  const f = forecastMonth({ periodStart: '2024-03-01', periodEnd: '2024-03-31', today: '2024-03-11', days });
  // 10 complete days of 1000, 21 more of 1000: 31 000.
  assert.equal(f.total, 31000);
  assert.deepEqual([f.oneOff, f.actualToDate, f.projected], [0, 10000, 21000]);
  assert.equal(f.daysProjected, 21);
  assert.equal(f.step, undefined);
  // Ten days cannot back-test a 21-day horizon: the residuals' spread (0 here) gives the range.
  assert.equal(f.range.method, 'dailyResiduals');
  assert.deepEqual([f.low, f.high], [31000, 31000]);
});

test('a weekly cycle (weekends at 40%) learnt from two months of history is carried to the end', () => {
  const cost = (_: number, n: number) => (isWeekend(n) ? 4000 : 10000);
  const history: PastPeriod[] = [
    { start: day('2024-01-01'), end: day('2024-01-31'), days: series(2024, 1, 1, 31, cost) },
    { start: day('2024-02-01'), end: day('2024-02-29'), days: series(2024, 2, 1, 29, cost) },
  ];
  const days = series(2024, 3, 1, 10, cost);
  const f = forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(11), days, history });
  // Truth: 21 weekdays × 10 000 + 10 weekend days × 4 000 = 250 000.
  // So far (1st–10th): 6 weekdays and 4 weekend days = 76 000; the run-rate carries the
  // average on: 76 000 / 10 × 31 = 235 600, too low, as the rest of March has fewer weekends.
  assert.equal(runRate(days, march(10)), 235600);
  assert.equal(f.actualToDate, 76000);
  assert.equal(f.total, 250000);
  // A week costs 58 000, 8 285.71 a day: weekdays 10 000 / 8 285.71 = 35/29, weekends 14/29.
  assert.ok(Math.abs(f.weekdayFactors[1] - 35 / 29) < 1e-9);
  assert.ok(Math.abs(f.weekdayFactors[6] - 14 / 29) < 1e-9);
  // History long enough to back-test 21-day horizons; the cycle is exact, so no spread.
  assert.equal(f.range.method, 'backtest');
  assert.deepEqual([f.low, f.high], [250000, 250000]);
});

test('a step up on day 20 is forecast from the new level', () => {
  const days = series(2024, 3, 1, 24, (d) => (d < 20 ? 1000 : 2000));
  const f = forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(25), days });
  // Truth: 19 days × 1 000 + 12 days (20th–31st) × 2 000 = 43 000.
  // Run-rate: 29 000 so far / 24 × 7 days left = 8 458.33 → 37 458, too low.
  assert.equal(runRate(days, march(24)), 37458);
  assert.equal(f.total, 43000);
  assert.deepEqual(f.step, { fromDay: march(20), before: 1000, after: 2000 });
  assert.equal(f.trendPerDay, 0);
});

test('a growing series is carried on along its trend', () => {
  const days = series(2024, 3, 1, 20, (d) => 1000 + 10 * (d - 1));
  const f = forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(21), days });
  // Truth: 31 × 1 000 + 10 × (0 + 1 + … + 30) = 31 000 + 4 650 = 35 650.
  assert.equal(f.total, 35650);
  assert.ok(Math.abs(f.trendPerDay - 10) < 1e-9);
  assert.equal(f.step, undefined);
});

test('a one-off on the first day is counted once and not carried forward', () => {
  // A 50 000 reservation on the 1st, on top of 1 000 of usage a day.
  const days = series(2024, 3, 1, 10, (d) => (d === 1 ? 51000 : 1000));
  const f = forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(11), days });
  // Truth: 50 000 once + 31 × 1 000 = 81 000.
  assert.equal(f.total, 81000);
  assert.deepEqual([f.oneOff, f.actualToDate, f.projected], [50000, 10000, 21000]);
  assert.equal(f.dailyLevel, 1000);
});

test('on the costly-first-day case the run-rate overshoots and the model does not', () => {
  const days = series(2024, 3, 1, 10, (d) => (d === 1 ? 51000 : 1000));
  const f = forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(11), days });
  // Run-rate: 60 000 over 10 days = 6 000 a day, × 31 = 186 000: more than twice the truth (81 000).
  assert.equal(runRate(days, march(10)), 186000);
  assert.equal(f.total, 81000);
  assert.ok(f.low <= 81000 && 81000 <= f.high);
});

test('a trailing partial day does not drag the level down, and is projected at least at what it reports', () => {
  // Days 1–10 are complete at 1 000; the 11th has reported 300 so far.
  const days = [...series(2024, 3, 1, 10, () => 1000), { day: '2024-03-11', amount: 300 }];
  const f = forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(12), completeThrough: march(10), days });
  // Truth: 31 × 1 000 = 31 000; the 11th is projected at max(1 000, 300).
  assert.equal(f.total, 31000);
  assert.deepEqual([f.actualToDate, f.projected, f.daysProjected], [10000, 21000, 21]);
  // Counting the 11th as complete, the run-rate says 10 300 / 11 × 31 = 29 027, too low.
  assert.equal(runRate(days, march(11)), 29027);
});

test('a partial day that already reports more than the model is kept', () => {
  const days = [...series(2024, 3, 1, 10, () => 1000), { day: '2024-03-11', amount: 1500 }];
  const f = forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(12), completeThrough: march(10), days });
  // 10 000 + 1 500 (the 11th) + 20 × 1 000 = 31 500.
  assert.equal(f.total, 31500);
});

test('before any complete day the forecast rests on history alone', () => {
  const history: PastPeriod[] = [{ start: day('2024-02-01'), end: day('2024-02-29'), days: series(2024, 2, 1, 29, () => 700) }];
  const f = forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(1), days: [], history });
  // 31 × 700 = 21 700.
  assert.equal(f.total, 21700);
  assert.equal(f.actualToDate, 0);
});

test('amounts must be whole minor units', () => {
  assert.throws(() => forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(5), days: [{ day: march(1), amount: 1.5 }] }), /minor units/);
});

test('the backtest forecasts each month at days 5–25 and scores both forecasts', () => {
  // Two months: February 2024 flat at 1 000 a day, March with a 50 000 one-off on the 1st.
  const months: PastPeriod[] = [
    { start: day('2024-02-01'), end: day('2024-02-29'), days: series(2024, 2, 1, 29, () => 1000) },
    { start: march(1), end: march(31), days: series(2024, 3, 1, 31, (d) => (d === 1 ? 51000 : 1000)) },
  ];
  const rows = summariseBacktest(backtestMonths(months));
  assert.deepEqual(rows.map((r) => r.day), [5, 10, 15, 20, 25]);
  // February is flat: both forecasts are exact. March (81 000): the model is exact, the run-rate
  // at day 5 says 55 000 / 5 × 31 = 341 000, 321% too high; February's 0% pools with it: 160.5%.
  const at5 = rows[0];
  assert.equal(at5.months, 2);
  assert.equal(at5.modelMape, 0);
  assert.ok(Math.abs(at5.runRateMape - (100 * (341000 - 81000)) / 81000 / 2) < 1e-9);
  assert.equal(at5.inRange, 1);
});

test('ten days without history shrink the weekday pattern almost to nothing', () => {
  const days = series(2024, 3, 1, 10, (_, n) => (isWeekend(n) ? 4000 : 10000));
  const f = forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(11), days });
  // Only three whole weeks clear of the 1st are centred on a day (Tue 5th, Wed 6th, Thu 7th), each
  // at 10 000 / (58 000 / 7) = 35/29. After averaging to 1, Tue–Thu are 245/221 and the rest 203/221;
  // one observation of four gives a quarter of the deviation: Tue–Thu 1 + 24/221 / 4 ≈ 1.02715, the
  // others 1; averaged to 1 again: Tue–Thu ≈ 1.01533, Saturday ≈ 0.98849.
  const tueToThu = 1 + 24 / 221 / 4;
  const mean = (4 + 3 * tueToThu) / 7;
  assert.ok(Math.abs(f.weekdayFactors[6] - 1 / mean) < 1e-9);
  assert.ok(Math.abs(f.weekdayFactors[2] - tueToThu / mean) < 1e-9);
});

test('a cost spike that is over is paid once, not carried forward, and not read as a trend', () => {
  // 1 000 a day, but the 8th–10th cost 10 000 each (a runaway job); days 1–20 are complete.
  const days = series(2024, 3, 1, 20, (d) => (d >= 8 && d <= 10 ? 10000 : 1000));
  const f = forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(21), days });
  // Truth, if nothing else happens: 31 × 1 000 + 3 × 9 000 = 58 000.
  // Run-rate: 47 000 so far / 20 × 31 = 72 850, as if a spike came every week.
  assert.equal(runRate(days, march(20)), 72850);
  assert.equal(f.total, 58000);
  assert.deepEqual([f.dailyLevel, f.trendPerDay, f.step], [1000, 0, undefined]);
  // Left in, the spike in the first half of the window would have made a falling trend.
});

test('a rise still going on at the last complete day is taken as a step, not as a spike', () => {
  // 1 000 a day, then 3 000 from the 18th through the 20th, the last complete day.
  const days = series(2024, 3, 1, 20, (d) => (d >= 18 ? 3000 : 1000));
  const f = forecastMonth({ periodStart: march(1), periodEnd: march(31), today: march(21), days });
  // Nothing says yet that it will end: 17 × 1 000 + 3 × 3 000 + 11 × 3 000 = 59 000.
  assert.equal(f.total, 59000);
  assert.deepEqual(f.step, { fromDay: march(18), before: 1000, after: 3000 });
});
