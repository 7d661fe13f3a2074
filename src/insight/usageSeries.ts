// Usage quantity per meter per bucket, in the meter's own unit. Quantities of different meters
// (hours, GB, 10K transactions) are never added together; each meter is its own series.

import { apportion } from './apportion';
import { CostCube, DayRange, bucketLabel, bucketSpan } from './costCube';
import { Fixed, unitsToDecimalString } from './fixedDecimal';

/** Quantities are shown with up to this many decimals. */
export const QUANTITY_DECIMALS = 6;

export interface MeterUsageSeries {
  meterId: string;
  name: string;
  category: string;
  unit: string;
  /** Quantity per bucket, rounded to QUANTITY_DECIMALS so they add up to `total`. */
  values: number[];
  total: number;
  /** The same total as exact decimal text. */
  totalText: string;
}

export interface UsageByMeter {
  granularity: CostCube['granularity'];
  buckets: string[];
  meters: MeterUsageSeries[];
}

export function usageByMeter(cube: CostCube, range: DayRange): UsageByMeter {
  const { start, end } = bucketSpan(cube, range);
  const width = end - start;
  const byMeter = new Map<string, { meter: CostCube['lines'][number]['meter']; cells: Fixed[] }>();
  for (const line of cube.lines) {
    if (!line.quantity) { continue; }
    const key = `${line.meter.meterId}\n${line.meter.unit}`;
    let acc = byMeter.get(key);
    if (!acc) { byMeter.set(key, (acc = { meter: line.meter, cells: new Array<Fixed>(width).fill(0n) })); }
    for (let b = start; b < end; b++) { acc.cells[b - start] += line.quantity[b]; }
  }
  const meters = [...byMeter.values()]
    .map(({ meter, cells }) => {
      const units = apportion(cells, QUANTITY_DECIMALS);
      const total = units.reduce((s, u) => s + u, 0n);
      return {
        meterId: meter.meterId,
        name: meter.name,
        category: meter.category,
        unit: meter.unit,
        values: units.map((u) => Number(unitsToDecimalString(u, QUANTITY_DECIMALS))),
        total: Number(unitsToDecimalString(total, QUANTITY_DECIMALS)),
        totalText: unitsToDecimalString(total, QUANTITY_DECIMALS).replace(/\.?0+$/, ''),
      };
    })
    .filter((m) => m.totalText !== '0' || m.values.some((v) => v !== 0))
    .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name) || a.unit.localeCompare(b.unit));
  return { granularity: cube.granularity, buckets: Array.from({ length: width }, (_, i) => bucketLabel(cube, start + i)), meters };
}
