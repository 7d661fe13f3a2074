// The same meter in another region, from the retail price list: same product, SKU and meter name,
// consumption prices in the target region. A usage meter without a region (global bandwidth, some
// licences) has no "other region"; several different meters matching is ambiguous; a unit of
// measure that differs would price other units. Each case is a reason, never a silent zero.

import type { RetailPrice } from '../../billing/models/retailPrice';
import { fixedFromNumber } from '../fixedDecimal';
import type { MeterPrice } from './priceAlternatives';

const REGIONLESS = new Set(['', 'global']);

/** `source`: the usage meter's own retail row; `catalogue`: rows of the target region (any services). */
export function matchInRegion(source: RetailPrice, targetRegion: string, catalogue: readonly RetailPrice[]): MeterPrice {
  if (REGIONLESS.has(source.armRegionName.toLowerCase())) return { kind: 'unpriced', reason: 'regionlessMeter' };
  const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  const rows = catalogue.filter(
    (r) =>
      r.type === 'Consumption' &&
      same(r.armRegionName, targetRegion) &&
      same(r.productName, source.productName) &&
      same(r.skuName, source.skuName) &&
      same(r.meterName, source.meterName) &&
      r.effectiveEndDate === undefined,
  );
  if (rows.length === 0) return { kind: 'unpriced', reason: 'notSoldInRegion' };
  const meters = new Set(rows.map((r) => r.meterId.toLowerCase()));
  if (meters.size > 1) return { kind: 'unpriced', reason: 'ambiguousMatch' };
  if (rows.some((r) => r.unitOfMeasure !== source.unitOfMeasure)) return { kind: 'unpriced', reason: 'unitMismatch' };
  // Non-primary twins repeat the primary row's prices; one row per tier is enough.
  const byTier = new Map<number, RetailPrice>();
  for (const r of rows) if (!byTier.has(r.tierMinimumUnits) || r.isPrimaryMeterRegion !== false) byTier.set(r.tierMinimumUnits, r);
  const tiers = [...byTier.values()]
    .sort((a, b) => a.tierMinimumUnits - b.tierMinimumUnits)
    .map((r) => ({ threshold: fixedFromNumber(r.tierMinimumUnits), price: fixedFromNumber(r.unitPrice ?? r.price.amount) }));
  return { kind: 'priced', rate: { tiers, includedQuantity: 0n } };
}
