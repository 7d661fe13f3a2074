// Usage reduced once, before any pricing: the quantity of each meter in each calendar month, with
// the month's days kept apart. Azure applies a meter's tiers to the month's cumulative quantity, so
// a month's cost under a price list whose rate does not change inside the month is
// cumulativeCost(rate, the month's quantity); only a month in which a rate changes is walked day by
// day. N alternatives then cost N lookups per meter and month, not N passes over the usage rows
// (docs/what-if.md).

import { DayNumber, monthKey } from '../calendar';
import { CostCube, CubeLine, DayRange, bucketDay } from '../costCube';
import type { MeterInfo } from '../dimensions';
import { Fixed } from '../fixedDecimal';

export interface MeterMonth {
  /** The month's quantity inside the period priced. */
  total: Fixed;
  /**
   * Quantity earlier in the same month but before the period (a period that starts mid-month): not
   * priced, but it moves the month-to-date quantity on which tiers are applied.
   */
  before: Fixed;
  /** Quantity per usage day (`before` days included), in day order of arrival. */
  days: Map<DayNumber, Fixed>;
  /** The earliest day counted in `total`; days before it are `before` days. */
  pricedFrom: DayNumber;
}

export interface MeterUsage {
  /** Lower case. */
  meterId: string;
  /** The usage's unit ("Hours", "10,000s"). */
  unit: string;
  meter: Pick<MeterInfo, 'name' | 'category' | 'subCategory' | 'region'>;
  /** ARM regions of the resources that used the meter ("eastus"). */
  locations: Set<string>;
  /** monthKey → the month's quantity. */
  months: Map<number, MeterMonth>;
}

/** Keyed by meter id (lower case) and unit: a meter reported in two units is two lines. */
export type MeterQuantities = Map<string, MeterUsage>;

export interface UsageLine {
  meter: Pick<MeterInfo, 'meterId' | 'unit'> & Partial<MeterUsage['meter']>;
  location?: string;
  day: DayNumber;
  quantity: Fixed;
  /** Counts toward month-to-date only (before the period priced). */
  before?: boolean;
}

export function meterKey(meterId: string, unit: string): string {
  return `${meterId.toLowerCase()}\n${unit}`;
}

export function addUsage(out: MeterQuantities, line: UsageLine): void {
  if (line.quantity === 0n) { return; }
  const key = meterKey(line.meter.meterId, line.meter.unit);
  let usage = out.get(key);
  if (!usage) {
    const m = line.meter;
    usage = {
      meterId: m.meterId.toLowerCase(),
      unit: m.unit,
      meter: { name: m.name ?? m.meterId, category: m.category ?? '', subCategory: m.subCategory ?? '', region: m.region ?? '' },
      locations: new Set(),
      months: new Map(),
    };
    out.set(key, usage);
  }
  if (line.location) { usage.locations.add(line.location.toLowerCase()); }
  const month = monthKey(line.day);
  let entry = usage.months.get(month);
  if (!entry) {
    entry = { total: 0n, before: 0n, days: new Map(), pricedFrom: Number.POSITIVE_INFINITY };
    usage.months.set(month, entry);
  }
  if (line.before) { entry.before += line.quantity; }
  else {
    entry.total += line.quantity;
    if (line.day < entry.pricedFrom) { entry.pricedFrom = line.day; }
  }
  entry.days.set(line.day, (entry.days.get(line.day) ?? 0n) + line.quantity);
}

export function monthlyQuantities(lines: Iterable<UsageLine>): MeterQuantities {
  const out: MeterQuantities = new Map();
  for (const line of lines) { addUsage(out, line); }
  return out;
}

/**
 * The usage panel's cube reduced: one pass over its lines and buckets, nothing fetched. `period`:
 * the days priced (the panel's shown period); earlier days of the cube only set month-to-date.
 */
export function quantitiesOfCube(cube: CostCube, period?: DayRange): MeterQuantities {
  const out: MeterQuantities = new Map();
  const add = (line: CubeLine, day: DayNumber, quantity: Fixed) => {
    if (period && day > period.last) { return; }
    addUsage(out, { meter: line.meter, location: line.resource.region, day, quantity, before: period !== undefined && day < period.first });
  };
  for (const line of cube.lines) {
    const quantity = line.quantity;
    if (!quantity) { continue; }
    let day = Number.NaN;
    let sum = 0n;
    for (let b = 0; b < cube.bucketCount; b++) {
      const q = quantity[b];
      if (q === 0n) { continue; }
      const d = bucketDay(cube, b);
      if (d !== day) {
        if (sum !== 0n) { add(line, day, sum); }
        day = d;
        sum = 0n;
      }
      sum += q;
    }
    if (sum !== 0n) { add(line, day, sum); }
  }
  return out;
}
