// A workload's lines (workloadFile.ts) as the what-if engine's input: each line is matched to one
// meter of the retail price list in its region, its monthly quantity becomes one month of usage of
// that meter (lines on the same meter add up, so tiers apply to their sum, as Azure bills), and the
// alternatives are priced exactly as a subscription's usage is (priceAlternatives.ts). A line the
// price list cannot place is a problem on that line; the other lines still price.

import type { RetailPrice } from '../../billing/models/retailPrice';
import { unitRatio } from '../units';
import { addUsage, MeterQuantities } from './monthlyQuantities';
import type { Alternative } from './priceAlternatives';
import { isRegionless, retailPrice } from './regionMatch';
import type { LineTarget, WorkloadLine, WorkloadProblem } from './workloadFile';

export interface PlacedLine {
  line: WorkloadLine;
  /** The meter's primary row in effect (its first tier). */
  source: RetailPrice;
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

function matches(target: LineTarget, row: RetailPrice, region: string): boolean {
  if (row.type !== 'Consumption' || row.effectiveEndDate !== undefined) { return false; }
  if (target.kind === 'meterId') { return lower(row.meterId) === target.meterId; }
  if (target.regionless ? !isRegionless(row.armRegionName) : lower(row.armRegionName) !== region) { return false; }
  const same = (want: string | undefined, have: string | undefined) => want === undefined || lower(want) === lower(have);
  return same(target.service, row.serviceName) && same(target.product, row.productName) && same(target.sku, row.skuName) && same(target.meter, row.meterName)
    && same(target.armSkuName, row.armSkuName)
    && !(target.excludeProducts ?? []).some((w) => lower(row.productName).includes(w))
    && !(target.excludeSkus ?? []).some((w) => lower(row.skuName).includes(w));
}

/**
 * Each line's meter among `rows` (retail rows of the lines' services and regions). A target naming
 * several meters takes the lowest id, so the same file always prices the same way.
 */
export function placeLines(lines: readonly WorkloadLine[], rows: readonly RetailPrice[]): { placed: PlacedLine[]; problems: WorkloadProblem[] } {
  const placed: PlacedLine[] = [];
  const problems: WorkloadProblem[] = [];
  for (const line of lines) {
    const found = rows.filter((r) => matches(line.target, r, line.region))
      // Billed per zone: Zone 1 (North America, Europe) unless the file names a meter.
      .sort((a, b) => Number(lower(b.armRegionName) === 'zone 1') - Number(lower(a.armRegionName) === 'zone 1') || a.meterId.localeCompare(b.meterId) || a.tierMinimumUnits - b.tierMinimumUnits || Number(a.isPrimaryMeterRegion === false) - Number(b.isPrimaryMeterRegion === false));
    const source = found[0];
    if (!source) {
      problems.push({ code: 'unknownMeter', offset: line.offset, length: line.length, args: { where: line.region } });
      continue;
    }
    if (line.unit !== undefined && !unitRatio(line.unit, source.unitOfMeasure)) {
      problems.push({ code: 'unitMismatch', offset: line.offset, length: line.length, args: { unit: line.unit, meterUnit: source.unitOfMeasure } });
      continue;
    }
    placed.push({ line, source });
  }
  return { placed, problems };
}

/** The placed lines as one month of usage (`month`: a day of it) — the engine's input. */
export function workloadQuantities(placed: readonly PlacedLine[], day: number): MeterQuantities {
  const out: MeterQuantities = new Map();
  for (const { line, source } of placed) {
    addUsage(out, {
      meter: { meterId: source.meterId, unit: line.unit ?? source.unitOfMeasure, name: line.label, category: source.serviceName, subCategory: source.productName, region: source.armRegionName },
      location: isRegionless(source.armRegionName) ? undefined : source.armRegionName,
      day,
      quantity: line.quantity,
    });
  }
  return out;
}

/** The retail prices of each meter where the line put it: the workload's baseline. */
export function listPriceAlternative(id: string, placed: readonly PlacedLine[], rows: readonly RetailPrice[]): Alternative {
  const sources = new Map(placed.map((p) => [p.source.meterId.toLowerCase(), p.source]));
  return {
    id,
    priceOf(meterId) {
      const source = sources.get(meterId.toLowerCase());
      if (!source) { return { kind: 'unpriced', reason: 'unknownMeter' }; }
      const own = rows.filter((r) => lower(r.meterId) === lower(source.meterId) && lower(r.armRegionName) === lower(source.armRegionName)
        && r.type === 'Consumption' && r.effectiveEndDate === undefined);
      return retailPrice(own, source.unitOfMeasure);
    },
  };
}
