// The same meter in another region, from the retail price list: same product, SKU and meter name,
// consumption prices in the target region. A usage meter without a region (global bandwidth, DNS,
// some licences, or bandwidth billed per zone) has no "other region"; several different meters
// matching is ambiguous; a unit of measure that differs would price other units. Each case is a
// reason, never a silent zero.

import type { RetailPrice } from '../../billing/models/retailPrice';
import { fixedFromNumber } from '../fixedDecimal';
import type { Alternative, MeterPrice } from './priceAlternatives';

/** '' and 'Global' have no region; 'Zone 1'… are bandwidth zones, not regions. */
export function isRegionless(armRegionName: string): boolean {
  const region = armRegionName.trim().toLowerCase();
  return region === '' || region === 'global' || /^zone \d+$/.test(region);
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** Rows still in effect, consumption prices, indexed by region + product + SKU + meter name. */
export class RegionCatalogue {
  private readonly byName = new Map<string, RetailPrice[]>();

  constructor(rows: Iterable<RetailPrice>) {
    for (const r of rows) {
      if (r.type !== 'Consumption' || r.effectiveEndDate !== undefined) { continue; }
      const key = RegionCatalogue.key(r.armRegionName, r);
      const list = this.byName.get(key);
      if (list) { list.push(r); }
      else { this.byName.set(key, [r]); }
    }
  }

  static key(region: string, r: Pick<RetailPrice, 'productName' | 'skuName' | 'meterName'>): string {
    return [lower(region), lower(r.productName), lower(r.skuName), lower(r.meterName)].join('\n');
  }

  rows(region: string, source: RetailPrice): readonly RetailPrice[] {
    return this.byName.get(RegionCatalogue.key(region, source)) ?? [];
  }
}

/** `source`: the usage meter's own retail row; `catalogue`: rows of the target region (any services). */
export function matchInRegion(source: RetailPrice, targetRegion: string, catalogue: RegionCatalogue | readonly RetailPrice[]): MeterPrice {
  if (isRegionless(source.armRegionName)) { return { kind: 'unpriced', reason: 'regionlessMeter' }; }
  const index = catalogue instanceof RegionCatalogue ? catalogue : new RegionCatalogue(catalogue);
  const rows = index.rows(targetRegion, source);
  if (rows.length === 0) { return { kind: 'unpriced', reason: 'notSoldInRegion' }; }
  const meters = new Set(rows.map((r) => r.meterId.toLowerCase()));
  if (meters.size > 1) { return { kind: 'unpriced', reason: 'ambiguousMatch' }; }
  if (rows.some((r) => r.unitOfMeasure !== source.unitOfMeasure)) { return { kind: 'unpriced', reason: 'unitMismatch' }; }
  return retailPrice(rows, source.unitOfMeasure);
}

/** One meter's retail rows (its tiers) as a price: today's list prices, applied to the whole period. */
export function retailPrice(rows: readonly RetailPrice[], unit: string): MeterPrice {
  // Non-primary twins repeat the primary row's prices; one row per tier is enough.
  const byTier = new Map<number, RetailPrice>();
  for (const r of rows) { if (!byTier.has(r.tierMinimumUnits) || r.isPrimaryMeterRegion !== false) { byTier.set(r.tierMinimumUnits, r); } }
  const tiers = [...byTier.values()]
    .sort((a, b) => a.tierMinimumUnits - b.tierMinimumUnits)
    .map((r) => ({ threshold: fixedFromNumber(r.tierMinimumUnits), price: fixedFromNumber(r.unitPrice ?? r.price.amount) }));
  return { kind: 'priced', schedules: [{ tiers, includedQuantity: 0n, unit, effectiveDay: Number.NEGATIVE_INFINITY }] };
}

/** The primary consumption row in effect of each meter id (lower case), from rows of the source regions. */
export function sourceRows(rows: Iterable<RetailPrice>): Map<string, RetailPrice> {
  const out = new Map<string, RetailPrice>();
  for (const r of rows) {
    if (r.type !== 'Consumption' || r.effectiveEndDate !== undefined) { continue; }
    const id = r.meterId.toLowerCase();
    const seen = out.get(id);
    if (!seen || (seen.isPrimaryMeterRegion === false && r.isPrimaryMeterRegion !== false) || (seen.tierMinimumUnits > r.tierMinimumUnits)) { out.set(id, r); }
  }
  return out;
}

/** Another region as an alternative: each usage meter's own row, matched in `targetRegion`. */
export function regionAlternative(id: string, targetRegion: string, sources: ReadonlyMap<string, RetailPrice>, catalogue: RegionCatalogue): Alternative {
  return {
    id,
    priceOf(meterId) {
      const source = sources.get(meterId.toLowerCase());
      // Not in the retail list at all: nothing tells what it is elsewhere.
      if (!source) { return { kind: 'unpriced', reason: 'unknownMeter' }; }
      return matchInRegion(source, targetRegion, catalogue);
    },
  };
}
