// One what-if: the usage the panel already has (never fetched again), priced under its own rate
// card (the baseline), other offers' RateCards and other regions' retail prices, with the
// commitments the retail list offers. No vscode here: it runs in Node tests against the emulator;
// the sentences it needs come in already localised.
import { isCancellation } from '../../azure/errors';
import type { ArmTransport } from '../../azure/transport';
import { odataString } from '../../billing/credits';
import type { RetailPrice } from '../../billing/models/retailPrice';
import { rateCardFilter } from '../../billing/rateCard';
import { formatIsoDate } from '../../insight/calendar';
import type { DayRange } from '../../insight/costCube';
import { commitmentOptions } from '../../insight/whatIf/commitmentOptions';
import { MeterQuantities, MeterUsage, quantitiesOfCube } from '../../insight/whatIf/monthlyQuantities';
import { fixedToNumber } from '../../insight/fixedDecimal';
import { monthlyCreditOf, offerAlternative } from '../../insight/whatIf/offerAlternative';
import { Alternative, priceAlternatives } from '../../insight/whatIf/priceAlternatives';
import { isRegionless, RegionCatalogue, regionAlternative, sourceRows } from '../../insight/whatIf/regionMatch';
import { AlternativeLabel, buildWhatIfReport, RefusedAlternative, ReportCommitment, WhatIfReport } from '../../insight/whatIf/whatIfReport';
import type { PricedUsage } from '../usagePanel/panelSource';
import { offerLabel } from './offerNames';
import type { PriceCache } from './priceCache';
import { offerRates, retailRows } from './priceSources';

/** What to compare against the baseline. */
export interface WhatIfPlan {
  offers: string[];
  regions: string[];
}

export interface WhatIfTexts {
  baseline(offer: string): string;
  region(region: string): string;
  /** Why an offer could not be priced (EA, CSP, an id RateCard does not know). */
  offerRefused(detail: string): string;
  noRetailPrices: string;
  currencyNotOffered(currency: string): string;
}

export interface WhatIfInputs {
  transport: ArmTransport;
  cache: PriceCache;
  /** Undefined in clouds without the public retail list. */
  retailEndpoint: string | undefined;
  subscriptionId: string;
  regionInfo: string;
  priced: PricedUsage;
  /** The days priced (the panel's period). */
  period: DayRange;
  texts: WhatIfTexts;
  signal?: AbortSignal;
}

/** The 17 currencies the retail list prices in (docs/azure-apis.md#retail-prices-requests). */
const RETAIL_CURRENCIES = new Set(['USD', 'AUD', 'BRL', 'CAD', 'CHF', 'CNY', 'DKK', 'EUR', 'GBP', 'INR', 'JPY', 'KRW', 'NOK', 'NZD', 'RUB', 'SEK', 'TWD']);
/** Meter ids per `or` query when a meter's row is looked up by id. */
const IDS_PER_QUERY = 10;

export async function runWhatIf(inputs: WhatIfInputs, plan: WhatIfPlan): Promise<WhatIfReport> {
  const { priced, texts } = inputs;
  const own = priced.rates;
  if (!own) { throw new Error('The usage was priced without a rate card.'); }
  const quantities = quantitiesOfCube(priced.cube, inputs.period);
  const labels: AlternativeLabel[] = [{ id: 'baseline', kind: 'baseline', label: texts.baseline(offerLabel(priced.offerDurableId)) }];
  const alternatives: Alternative[] = [offerAlternative('baseline', own, monthlyCreditOf(own.offerTerms))];
  const refused: RefusedAlternative[] = [];

  const offers = [...new Set(plan.offers.map((o) => o.toUpperCase()))].filter((o) => o !== priced.offerDurableId.toUpperCase());
  const offerResults = await Promise.all(offers.map(async (offer) => {
    const query = { offerDurableId: offer, currency: priced.currency, locale: 'en-US', regionInfo: inputs.regionInfo };
    try {
      rateCardFilter(query); // a malformed id is named here, before any request
      return { offer, ...(await offerRates(inputs.transport, inputs.cache, inputs.subscriptionId, query, inputs.signal)) };
    } catch (error) {
      if (inputs.signal?.aborted || isCancellation(error)) { throw error; }
      return { offer, error: error instanceof Error ? error.message : String(error) };
    }
  }));
  for (const r of offerResults) {
    if ('error' in r) {
      refused.push({ label: offerLabel(r.offer), reason: texts.offerRefused(r.error ?? '') });
      continue;
    }
    labels.push({ id: `offer:${r.offer}`, kind: 'offer', label: offerLabel(r.offer) });
    alternatives.push(offerAlternative(`offer:${r.offer}`, r.rates, monthlyCreditOf(r.rates.offerTerms)));
  }

  const commitments: ReportCommitment[] = [];
  const regions = [...new Set(plan.regions.map((r) => r.toLowerCase()))];
  if (!inputs.retailEndpoint) {
    for (const region of regions) { refused.push({ label: texts.region(region), reason: texts.noRetailPrices }); }
  } else if (!RETAIL_CURRENCIES.has(priced.currency.toUpperCase())) {
    for (const region of regions) { refused.push({ label: texts.region(region), reason: texts.currencyNotOffered(priced.currency) }); }
  } else {
    const rows = await retailFor(inputs, quantities, regions);
    const sources = sourceRows(rows.filter((r) => quantitiesHasMeter(quantities, r.meterId)));
    const catalogue = new RegionCatalogue(rows);
    for (const region of regions) {
      labels.push({ id: `region:${region}`, kind: 'region', label: texts.region(region) });
      alternatives.push(regionAlternative(`region:${region}`, region, sources, catalogue));
    }
    const periodHours = (inputs.period.last - inputs.period.first + 1) * 24;
    const byMeter = new Map<string, RetailPrice[]>();
    for (const r of rows) {
      const id = r.meterId.toLowerCase();
      const source = sources.get(id);
      // Only the meter's own region: a twin elsewhere would price another place.
      if (!source || source.armRegionName.toLowerCase() !== r.armRegionName.toLowerCase()) { continue; }
      byMeter.set(id, [...(byMeter.get(id) ?? []), r]);
    }
    for (const [key, usage] of quantities) {
      const options = commitmentOptions(usage, byMeter.get(usage.meterId) ?? [], periodHours);
      if (options.length === 0) { continue; }
      commitments.push({ meterKey: key, meterName: usage.meter.name, region: sources.get(usage.meterId)?.armRegionName ?? '', hoursUsed: hoursOf(usage), options });
    }
  }
  const results = priceAlternatives(quantities, alternatives);
  return buildWhatIfReport({
    currency: priced.currency,
    period: { from: formatIsoDate(inputs.period.first), to: formatIsoDate(inputs.period.last) },
    quantities,
    labels,
    results,
    commitments,
    refused,
  });
}

function hoursOf(usage: MeterUsage): number {
  let hours = 0n;
  for (const m of usage.months.values()) { hours += m.total; }
  return fixedToNumber(hours);
}

function quantitiesHasMeter(quantities: MeterQuantities, meterId: string): boolean {
  const id = meterId.toLowerCase();
  for (const usage of quantities.values()) { if (usage.meterId === id) { return true; } }
  return false;
}

/**
 * Retail rows for the services the usage needs, in its own regions and the target ones: one query
 * per service; meters still missing (global, zone and region-less ones) by id, a few per query.
 */
async function retailFor(inputs: WhatIfInputs, quantities: MeterQuantities, targets: string[]): Promise<RetailPrice[]> {
  const services = new Set<string>();
  const regions = new Set(targets);
  for (const usage of quantities.values()) {
    if (usage.meter.category) { services.add(usage.meter.category); }
    for (const location of usage.locations) { if (!isRegionless(location)) { regions.add(location); } }
  }
  const regionTerm = [...regions].sort().map((r) => `armRegionName eq ${odataString(r)}`).join(' or ');
  const fetch = (filter: string) => retailRows(inputs.transport, inputs.cache, inputs.retailEndpoint!, filter, inputs.priced.currency, inputs.signal);
  const rows = (await Promise.all([...services].sort().map((s) => fetch(`serviceName eq ${odataString(s)} and (${regionTerm})`)))).flat();
  const found = new Set(rows.map((r) => r.meterId.toLowerCase()));
  const missing = [...new Set([...quantities.values()].map((u) => u.meterId))].filter((id) => !found.has(id)).sort();
  for (let i = 0; i < missing.length; i += IDS_PER_QUERY) {
    const ids = missing.slice(i, i + IDS_PER_QUERY).map((id) => `meterId eq ${odataString(id)}`).join(' or ');
    rows.push(...(await fetch(ids)));
  }
  return rows;
}
