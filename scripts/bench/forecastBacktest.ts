// Benchmark: how the month-end forecast (src/insight/monthForecast) compares with the run-rate
// (src/insight/forecast.ts) on the emulator's 13 months of costs. Each whole calendar month in the
// world's window is forecast as it would have been on day 5, 10, 15, 20 and 25, with the months
// before it as history; the table gives the mean absolute percentage error of both and how often
// the month's total fell inside the model's 10th–90th percentile range. A measurement, not a test.
//
// Where the costs come from: the emulator's world, built in this process with the same seed and
// "today" as the other benchmarks, read through its own daily cost function (`dailyCents`, whole
// hundredths of the subscription's currency) — the very numbers its Cost Management routes add up,
// without the HTTP round trips or the routes' throttling. Subscriptions are taken one by one and
// billing profiles as the sum of their subscriptions in one currency (never across currencies),
// forecast as the product forecasts them: from each subscription's series beside the whole's
// (src/insight/monthForecast/sumOfParts.ts).
//
// Cost Management's forecast is the emulator's stand-in (test/emulator/routes/costManagement/
// forecast.ts: every remaining day at the mean of the 28 days before), computed here through the
// same function the route uses, as of each backtest day. It scores the emulator, not Azure.
//
// The world has shapes on purpose (test/emulator/README.md, "Usage shapes"): weekday patterns,
// growth, machines created and deleted mid-month, first-of-month charges and a spike.
//
//   node out/scripts/bench/forecastBacktest.js [--scale small|large] [--seed 1]
import { addMonthsClamped, dayFromParts, daysInMonth, dateParts, formatIsoDate } from '../../src/insight/calendar';
import { PastPeriod } from '../../src/insight/monthForecast';
import { BacktestCase, backtestMonths, OtherForecast, summariseBacktest } from '../../src/insight/monthForecast/backtest';
import { baselineCents } from '../../test/emulator/routes/costManagement/forecast';
import { createWorld } from '../../test/emulator/world';
import { usageWorldOf } from '../../test/emulator/world/usage/access';
import { Scale } from '../../test/emulator/world/types';
import { AS_OF, option } from './benchSetup';

function main(): void {
  const scale = option('scale', 'small') as Scale;
  const seed = Number(option('seed', '1'));
  const world = createWorld({ seed, scale, asOf: AS_OF });
  const usage = usageWorldOf(world);
  const { firstDay, lastDay } = usage.window;

  // The whole calendar months inside the window (the first and last are partial).
  const months: Array<{ start: number; end: number }> = [];
  for (let start = addMonthsClamped(dayFromParts(dateParts(firstDay).year, dateParts(firstDay).month, 1), 1); ; start = addMonthsClamped(start, 1)) {
    const p = dateParts(start);
    const end = start + daysInMonth(p.year, p.month) - 1;
    if (end > lastDay) { break; }
    months.push({ start, end });
  }

  const periodsOf = (cost: (day: number) => number): PastPeriod[] =>
    months.map(({ start, end }) => {
      const days = [];
      for (let d = start; d <= end; d++) { days.push({ day: d, amount: cost(d) }); }
      return { start, end, days };
    });

  /** The emulator's Cost Management forecast of a month's total, as of `asOf`. */
  const costManagement = (cost: (day: number) => number): OtherForecast => (month, asOf) => {
    let known = 0;
    for (let d = month.start; d < asOf; d++) {known += cost(d);}
    return known + baselineCents(cost, asOf) * (month.end - asOf + 1);
  };
  const backtest = (cost: (day: number) => number, parts?: Array<(day: number) => number>) =>
    backtestMonths(periodsOf(cost), undefined, 12, costManagement(cost), parts?.map(periodsOf));

  const started = Date.now();
  const bySubscription: BacktestCase[] = [];
  const profiles = new Map<string, string[]>();
  for (const sub of world.subscriptions) {
    bySubscription.push(...backtest((d) => usage.dailyCents(sub.subscriptionId, d)));
    if (sub.billingProfileName) {
      const key = `${sub.billingAccountName}/${sub.billingProfileName}/${sub.currency}`;
      profiles.set(key, [...(profiles.get(key) ?? []), sub.subscriptionId]);
    }
  }
  const byProfile: BacktestCase[] = [];
  for (const ids of profiles.values()) {
    // As the product forecasts a profile: the sum of its subscriptions' forecasts (sumOfParts.ts).
    byProfile.push(...backtest((d) => ids.reduce((a, id) => a + usage.dailyCents(id, d), 0), ids.map((id) => (d: number) => usage.dailyCents(id, d))));
  }

  console.log(`Forecast backtest: ${scale} world, seed ${seed}, as of ${AS_OF}; ${months.length} whole months ${formatIsoDate(months[0].start)} … ${formatIsoDate(months[months.length - 1].end)}`);
  console.log(`${world.subscriptions.length} subscriptions, ${profiles.size} billing profiles (per currency); ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const [label, cases] of [['subscriptions', bySubscription], ['billing profiles', byProfile]] as const) {
    console.log(`\n${label}: forecast made with the days through day N complete; one row per month of each, months with a zero total left out (a Markdown table)`);
    console.log('  | day | months | run-rate MAPE | model MAPE | Cost Management MAPE | model vs run-rate | actual within model range |');
    console.log('  | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of summariseBacktest(cases)) {
      const pct = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(2)} %`);
      // How much smaller the model's error is than the run-rate's, relative to the run-rate's.
      const change = 100 * (1 - r.modelMape / r.runRateMape);
      const better = change >= 0 ? `${change.toFixed(0)} % lower` : `${(-change).toFixed(0)} % higher`;
      console.log(`  | ${r.day} | ${r.months} | ${pct(r.runRateMape)} | ${pct(r.modelMape)} | ${pct(r.otherMape)} | ${better} | ${pct(100 * r.inRange)} |`);
    }
  }
}
main();
