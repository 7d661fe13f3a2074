// Prices a usage cube with RateCards (docs/azure-apis.md#estimating-cost-from-usage). For each
// subscription's meter, buckets are walked in time order; the quantity of a bucket (all resources
// together) is priced as cost(month-to-date after) - cost(month-to-date before) with the rate row
// in effect that day, and the month-to-date resets when the month changes. The bucket's cost is
// then shared among the resources in proportion to their quantity. A meter that cannot be priced
// keeps its quantity and is reported; it is never priced at zero without saying so.

import { monthKey } from './calendar';
import { CostCube, CubeLine, UnpricedReason, bucketDay, zeroes } from './costCube';
import { Fixed, divRound } from './fixedDecimal';
import { RateIndex } from './rateIndex';
import { incrementalCost } from './tieredCost';
import { unitRatio } from './units';

export type RateIndexFor = (subscriptionId: string) => RateIndex | undefined;

/** Fills `cost`, `currency` and, where needed, `unpricedQuantity` on every line of a usage cube. */
export function priceUsage(cube: CostCube, rateIndexFor: RateIndexFor): CostCube {
  for (const lines of linesByMeter(cube).values()) { priceMeter(cube, lines, rateIndexFor(lines[0].subscriptionId)); }
  return cube;
}

function linesByMeter(cube: CostCube): Map<string, CubeLine[]> {
  const groups = new Map<string, CubeLine[]>();
  for (const line of cube.lines) {
    if (!line.quantity) { continue; }
    // Tiers count one meter's quantity per subscription across all its resources.
    const key = `${line.subscriptionId}\n${line.meter.meterId.toLowerCase()}\n${line.meter.unit}`;
    const list = groups.get(key);
    if (list) { list.push(line); }
    else { groups.set(key, [line]); }
  }
  return groups;
}

function priceMeter(cube: CostCube, lines: CubeLine[], rates: RateIndex | undefined): void {
  for (const line of lines) {
    line.cost = zeroes(cube.bucketCount);
    if (rates) { line.currency = rates.currency; }
  }
  let month = Number.NaN;
  let monthToDate: Fixed = 0n;
  for (let b = 0; b < cube.bucketCount; b++) {
    let total: Fixed = 0n;
    for (const line of lines) { total += line.quantity![b]; }
    if (total === 0n) { continue; }
    const day = bucketDay(cube, b);
    const key = monthKey(day);
    if (key !== month) {
      month = key;
      monthToDate = 0n;
    }
    const lookup = rates ? rates.lookup(lines[0].meter.meterId, day) : ({ kind: 'no-rate-card' } as const);
    if (lookup.kind !== 'priced') {
      markUnpriced(lines, b, lookup.kind, cube.bucketCount);
      continue;
    }
    const ratio = unitRatio(lines[0].meter.unit, lookup.schedule.unit);
    if (!ratio) {
      markUnpriced(lines, b, 'unit-mismatch', cube.bucketCount);
      continue;
    }
    const inRateUnits = divRound(total * ratio.numerator, ratio.denominator);
    const cost = incrementalCost(lookup.schedule, monthToDate, inRateUnits);
    monthToDate += inRateUnits;
    shareByQuantity(lines, b, cost, total);
  }
}

/** Splits a bucket's cost over its lines by quantity; the rounding remainder goes to the largest. */
function shareByQuantity(lines: CubeLine[], b: number, cost: Fixed, total: Fixed): void {
  if (lines.length === 1) {
    lines[0].cost![b] += cost;
    return;
  }
  let given: Fixed = 0n;
  let largest: CubeLine | undefined;
  for (const line of lines) {
    const q = line.quantity![b];
    if (q === 0n) { continue; }
    const share = divRound(cost * q, total);
    line.cost![b] += share;
    given += share;
    if (!largest || abs(q) > abs(largest.quantity![b])) { largest = line; }
  }
  if (largest) { largest.cost![b] += cost - given; }
}

function markUnpriced(lines: CubeLine[], b: number, reason: UnpricedReason, bucketCount: number): void {
  for (const line of lines) {
    const q = line.quantity![b];
    if (q === 0n) { continue; }
    line.unpricedQuantity ??= zeroes(bucketCount);
    line.unpricedQuantity[b] += q;
    line.unpricedReason ??= reason;
  }
}

function abs(value: Fixed): Fixed {
  return value < 0n ? -value : value;
}
