// The Commerce RateCard document (docs/azure-apis.md#ratecard): PascalCase, `MeterRates` keyed by
// cumulative quantity thresholds written as strings. Read into meters with numeric, ascending
// tiers.
import type { MeterDescription } from './meter';
import { isObject, ParseIssue, WireReader } from './wire';

export interface RateTier {
  /** Cumulative monthly quantity from which `price` applies. */
  threshold: number;
  /** Price per unit. */
  price: number;
}

export interface RateCardMeter extends MeterDescription {
  /** `Third Party` means no discount applies; empty for first party. */
  meterTags: string[];
  /** Ascending by threshold. */
  meterRates: RateTier[];
  /** A meter may have several rows; the row applies from this instant. Missing = always (epoch). */
  effectiveDate: Date;
  /** Free units per month. */
  includedQuantity: number;
  issues?: ParseIssue[];
}

export type OfferTerm =
  | { name: 'Monetary Credit'; effectiveDate?: Date; credit?: number; excludedMeterIds: string[] }
  | { name: 'Monetary Commitment'; effectiveDate?: Date; tieredDiscount: Array<{ threshold: number; discountPercent: number }>; excludedMeterIds: string[] }
  | { name: 'Recurring Charge'; effectiveDate?: Date; recurringCharge?: number }
  | { name: string; effectiveDate?: Date; other: Record<string, unknown> };

export interface RateCard {
  currency: string;
  locale?: string;
  isTaxIncluded?: boolean;
  offerTerms: OfferTerm[];
  meters: RateCardMeter[];
  /** Meter rows that could not be used (no id or no readable rate), with why. */
  skippedMeters: Array<{ meterId?: string; issues: ParseIssue[] }>;
}

/** `{ "0": 1.99, "100": 0.99 }` → tiers ascending; bad keys or prices are reported. */
export function readTiers(raw: unknown, issues: ParseIssue[], field: string): RateTier[] {
  if (!isObject(raw)) {
    issues.push({ field, raw: JSON.stringify(raw) ?? '', reason: 'Expected an object of threshold → price.' });
    return [];
  }
  const tiers: RateTier[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const threshold = Number(key);
    const price = typeof value === 'string' ? Number(value) : value;
    if (key.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || typeof price !== 'number' || !Number.isFinite(price)) {
      issues.push({ field: `${field}.${key}`, raw: JSON.stringify(value) ?? '', reason: 'Not a threshold and a price.' });
      continue;
    }
    tiers.push({ threshold, price });
  }
  return tiers.sort((a, b) => a.threshold - b.threshold);
}

function readOfferTerm(raw: unknown): OfferTerm {
  const r = new WireReader(raw);
  const name = r.str('Name') ?? '';
  const effectiveDate = r.instant('EffectiveDate');
  const excludedMeterIds = r.strings('ExcludedMeterIds');
  switch (name) {
    case 'Monetary Credit':
      return { name, effectiveDate, credit: r.num('Credit'), excludedMeterIds };
    case 'Monetary Commitment':
      return {
        name,
        effectiveDate,
        tieredDiscount: readTiers(r.raw.TieredDiscount ?? {}, [], 'TieredDiscount').map((t) => ({ threshold: t.threshold, discountPercent: t.price })),
        excludedMeterIds,
      };
    case 'Recurring Charge':
      return { name, effectiveDate, recurringCharge: r.num('RecurringCharge') };
    default:
      return { name, effectiveDate, other: r.raw };
  }
}

export function parseRateCard(raw: unknown): RateCard {
  const r = new WireReader(raw);
  const meters: RateCardMeter[] = [];
  const skippedMeters: RateCard['skippedMeters'] = [];
  for (const m of r.array('Meters')) {
    const issues: ParseIssue[] = [];
    const mr = new WireReader(m, issues);
    const meterId = mr.str('MeterId');
    const meterRates = readTiers(mr.raw.MeterRates, issues, 'MeterRates');
    const effectiveDate = mr.has('EffectiveDate') ? mr.instant('EffectiveDate') : new Date(0);
    if (!meterId || meterRates.length === 0 || !effectiveDate) {
      if (!meterId) { issues.push({ field: 'MeterId', raw: '', reason: 'Missing.' }); }
      skippedMeters.push({ meterId, issues });
      continue;
    }
    const meter: RateCardMeter = {
      meterId,
      meterName: mr.str('MeterName'),
      meterCategory: mr.str('MeterCategory'),
      meterSubCategory: mr.str('MeterSubCategory'),
      meterRegion: mr.str('MeterRegion'),
      unit: mr.str('Unit') ?? '',
      meterTags: mr.strings('MeterTags'),
      meterRates,
      effectiveDate,
      includedQuantity: mr.num('IncludedQuantity') ?? 0,
    };
    meters.push(issues.length ? { ...meter, issues } : meter);
  }
  return {
    currency: r.str('Currency') ?? '',
    locale: r.str('Locale'),
    isTaxIncluded: r.bool('IsTaxIncluded'),
    offerTerms: r.array('OfferTerms').map(readOfferTerm),
    meters,
    skippedMeters,
  };
}
