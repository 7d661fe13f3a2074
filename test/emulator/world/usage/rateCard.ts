// The RateCard document of an offer in a currency (docs/azure-apis.md#ratecard): PascalCase, one
// Meters entry per price row (so a meter with a price change appears twice, with two
// EffectiveDates), MeterRates keyed by cumulative thresholds as strings.
import { dayString } from './calendar';
import type { UsageWorld } from './index';
import { offerPricing } from './offers';

export function rateCardDocument(world: UsageWorld, offerId: string, currency: string, locale: string): unknown {
  const offer = offerPricing(offerId);
  if (offer.kind !== 'rateCard') { throw new Error(`Offer ${offerId} has no rate card.`); }
  const Meters = [];
  for (const meter of world.catalogue.meters) {
    for (const row of world.prices.history(meter, offerId, currency)) {
      const MeterRates: Record<string, number> = {};
      for (const tier of row.tiers) { MeterRates[String(tier.from)] = tier.price; }
      Meters.push({
        EffectiveDate: `${dayString(row.effectiveDay)}T00:00:00Z`,
        IncludedQuantity: meter.includedQuantity,
        MeterCategory: meter.meterCategory,
        MeterId: meter.meterId,
        MeterName: meter.meterName,
        MeterRates,
        MeterRegion: meter.regionDisplayName,
        MeterSubCategory: meter.meterSubCategory,
        MeterTags: [],
        Unit: meter.rateCardUnit,
      });
    }
  }
  const OfferTerms = offer.terms.map((t) => ({ ...t, EffectiveDate: `${dayString(world.window.firstDay)}T00:00:00Z` }));
  return { OfferTerms, Meters, Currency: currency, Locale: locale, IsTaxIncluded: false };
}
