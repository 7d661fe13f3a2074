// The meters an estimate could not price, with the quantity left out, so the panel can say
// "this estimate excludes 730 Hours of meter X (not in the rate card)" instead of showing a
// silently low number.

import { CostCube, DayRange, UnpricedReason, bucketSpan } from './costCube';
import { Fixed, fixedToString } from './fixedDecimal';

export interface UnpricedMeter {
  subscriptionId: string;
  meterId: string;
  meterName: string;
  meterCategory: string;
  unit: string;
  reason: UnpricedReason;
  /** Exact decimal text of the quantity left unpriced in the range. */
  quantity: string;
}

export function unpricedMeters(cube: CostCube, range: DayRange): UnpricedMeter[] {
  const { start, end } = bucketSpan(cube, range);
  const byKey = new Map<string, { meter: UnpricedMeter; quantity: Fixed }>();
  for (const line of cube.lines) {
    if (!line.unpricedQuantity || !line.unpricedReason) { continue; }
    let quantity: Fixed = 0n;
    for (let b = start; b < end; b++) { quantity += line.unpricedQuantity[b]; }
    if (quantity === 0n) { continue; }
    const key = `${line.subscriptionId}\n${line.meter.meterId}\n${line.meter.unit}\n${line.unpricedReason}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        meter: {
          subscriptionId: line.subscriptionId,
          meterId: line.meter.meterId,
          meterName: line.meter.name,
          meterCategory: line.meter.category,
          unit: line.meter.unit,
          reason: line.unpricedReason,
          quantity: '0',
        },
        quantity: 0n,
      };
      byKey.set(key, entry);
    }
    entry.quantity += quantity;
  }
  return [...byKey.values()]
    .map(({ meter, quantity }) => ({ ...meter, quantity: fixedToString(quantity) }))
    .sort((a, b) => a.meterName.localeCompare(b.meterName) || a.subscriptionId.localeCompare(b.subscriptionId));
}
