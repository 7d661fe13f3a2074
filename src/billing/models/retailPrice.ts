// Azure Retail Prices items (docs/azure-apis.md#retail-prices-items): camelCase items in a
// PascalCase envelope.
import { Money } from './money';
import { Open } from './openEnum';
import { ParseIssue, WireReader } from './wire';

export const RETAIL_PRICE_TYPES = ['Consumption', 'Reservation', 'DevTestConsumption'] as const;

export interface RetailPrice {
  meterId: string;
  meterName: string;
  productId?: string;
  productName?: string;
  skuId?: string;
  skuName?: string;
  armSkuName?: string;
  serviceName?: string;
  serviceId?: string;
  serviceFamily?: string;
  /** `eastus`; also `Global`, `''`, `Zone 1`. */
  armRegionName: string;
  /** Display name (`US East`): don't join on it. */
  location?: string;
  unitOfMeasure: string;
  type: Open<(typeof RETAIL_PRICE_TYPES)[number]>;
  /** Reservation rows: whole-term price per instance (`1 Year`, `3 Years`). */
  reservationTerm?: string;
  /** Lower bound of the tier this row prices. */
  tierMinimumUnits: number;
  /** `retailPrice` in `currencyCode`. */
  price: Money;
  unitPrice?: number;
  effectiveStartDate?: Date;
  /** Only on closing or closed rows. */
  effectiveEndDate?: Date;
  isPrimaryMeterRegion?: boolean;
  savingsPlan: Array<{ term: string; retailPrice: number; unitPrice?: number }>;
  issues?: ParseIssue[];
}

/**
 * The key that drops repeats of unstable `$skip` paging (docs/azure-apis.md#retail-prices-paging).
 * The usual natural key (meterId + meterName + type + skuId + tierMinimumUnits) is extended: a
 * closed row and its successor share it (they differ in `effectiveStartDate`), and so do a primary
 * row and its non-primary twin — which may be the one carrying `savingsPlan`
 * (docs/azure-apis.md#retail-prices-join-keys). Dropping either would lose a real price, so both
 * fields (and region and reservation term) are part of the key.
 */
export function retailPriceKey(
  p: Pick<RetailPrice, 'meterId' | 'meterName' | 'type' | 'skuId' | 'tierMinimumUnits' | 'effectiveStartDate' | 'isPrimaryMeterRegion' | 'armRegionName' | 'reservationTerm'>,
): string {
  return [
    p.meterId.toLowerCase(),
    p.meterName,
    p.type,
    p.skuId ?? '',
    p.tierMinimumUnits,
    p.effectiveStartDate?.toISOString() ?? '',
    p.isPrimaryMeterRegion === false ? 'alias' : 'primary',
    p.armRegionName,
    p.reservationTerm ?? '',
  ].join('|');
}

export function parseRetailPrice(raw: unknown): RetailPrice | { skipped: true; issues: ParseIssue[] } {
  const issues: ParseIssue[] = [];
  const r = new WireReader(raw, issues);
  const meterId = r.str('meterId');
  const retailPrice = r.num('retailPrice');
  const currency = r.str('currencyCode');
  if (!meterId || retailPrice === undefined || !currency) {
    for (const [k, v] of [['meterId', meterId], ['retailPrice', retailPrice], ['currencyCode', currency]] as const) {
      if (v === undefined && !r.has(k)) { issues.push({ field: k, raw: '', reason: 'Missing.' }); }
    }
    return { skipped: true, issues };
  }
  const price: RetailPrice = {
    meterId,
    meterName: r.str('meterName') ?? '',
    productId: r.str('productId'),
    productName: r.str('productName'),
    skuId: r.str('skuId'),
    skuName: r.str('skuName'),
    armSkuName: r.str('armSkuName'),
    serviceName: r.str('serviceName'),
    serviceId: r.str('serviceId'),
    serviceFamily: r.str('serviceFamily'),
    armRegionName: r.str('armRegionName') ?? '',
    location: r.str('location'),
    unitOfMeasure: r.str('unitOfMeasure') ?? '',
    type: r.enum('type', RETAIL_PRICE_TYPES) ?? '',
    reservationTerm: r.str('reservationTerm'),
    tierMinimumUnits: r.num('tierMinimumUnits') ?? 0,
    price: { amount: retailPrice, currency },
    unitPrice: r.num('unitPrice'),
    effectiveStartDate: r.instant('effectiveStartDate'),
    effectiveEndDate: r.instant('effectiveEndDate'),
    isPrimaryMeterRegion: r.bool('isPrimaryMeterRegion'),
    savingsPlan: r.array('savingsPlan').flatMap((s) => {
      const sr = new WireReader(s, issues, 'savingsPlan.');
      const term = sr.str('term');
      const rp = sr.num('retailPrice');
      return term && rp !== undefined ? [{ term, retailPrice: rp, unitPrice: sr.num('unitPrice') }] : [];
    }),
  };
  return issues.length ? { ...price, issues } : price;
}
