// The price lists a what-if needs, each fetched once and kept on disk (priceCache.ts): another
// offer's RateCard per offer, currency, locale and country; retail prices per `$filter` and
// currency — only the services and regions the usage needs, never the whole catalogue
// (docs/what-if.md#fetching-prices).
import type { ArmTransport } from '../../azure/transport';
import type { OfferTerm } from '../../billing/models/rateCard';
import type { RetailPrice } from '../../billing/models/retailPrice';
import { getRateCard, RateCardQuery } from '../../billing/rateCard';
import { listRetailPrices } from '../../billing/retailPrices';
import type { RateCard } from '../../insight/inputs';
import { RateIndex } from '../../insight/rateIndex';
import type { PriceCache } from './priceCache';

/** What is kept of a RateCard: the rows pricing reads, dates as ISO text. */
interface StoredCard {
  currency: string;
  offerTerms: OfferTerm[];
  meters: Array<{ meterId: string; unit: string; meterRates: Array<{ threshold: number; price: number }>; effectiveDate: string; includedQuantity: number }>;
}

export async function offerRates(transport: ArmTransport, cache: PriceCache, subscriptionId: string, query: RateCardQuery, signal?: AbortSignal): Promise<{ rates: RateIndex; fetchedAt: Date }> {
  const key = `ratecard|${query.offerDurableId}|${query.currency}|${query.locale}|${query.regionInfo}`.toUpperCase();
  const cached = await cache.get<StoredCard>(key, async () => {
    const card = await getRateCard(transport, subscriptionId, query, { signal });
    return {
      currency: card.currency,
      offerTerms: card.offerTerms,
      meters: card.meters.map((m) => ({ meterId: m.meterId, unit: m.unit, meterRates: m.meterRates, effectiveDate: m.effectiveDate.toISOString(), includedQuantity: m.includedQuantity })),
    };
  });
  const card: RateCard = {
    currency: cached.value.currency,
    offerTerms: cached.value.offerTerms,
    meters: cached.value.meters.map((m) => ({ ...m, effectiveDate: new Date(m.effectiveDate) })),
  };
  return { rates: new RateIndex(card), fetchedAt: cached.fetchedAt };
}

type StoredRetail = Array<Omit<RetailPrice, 'effectiveStartDate' | 'effectiveEndDate' | 'issues'> & { effectiveStartDate?: string; effectiveEndDate?: string }>;

/** Every row matching `filter` in `currency`, from the disk cache when fresh. */
export async function retailRows(transport: ArmTransport, cache: PriceCache, endpoint: string, filter: string, currency: string, signal?: AbortSignal): Promise<RetailPrice[]> {
  const cached = await cache.get<StoredRetail>(`retail|${endpoint}|${currency}|${filter}`, async () => {
    const rows: StoredRetail = [];
    for await (const r of listRetailPrices(transport, endpoint, { filter, currencyCode: currency, signal })) {
      const { effectiveStartDate, effectiveEndDate, issues: _issues, ...rest } = r;
      rows.push({ ...rest, effectiveStartDate: effectiveStartDate?.toISOString(), effectiveEndDate: effectiveEndDate?.toISOString() });
    }
    return rows;
  });
  return cached.value.map((r) => ({
    ...r,
    effectiveStartDate: r.effectiveStartDate === undefined ? undefined : new Date(r.effectiveStartDate),
    effectiveEndDate: r.effectiveEndDate === undefined ? undefined : new Date(r.effectiveEndDate),
  }));
}
