// Estimate cost of a workload file: retail prices of the lines' services in their regions (the
// baseline, list prices), the same meters in the other regions, and other offers' RateCards when a
// subscription can ask for them — fetched through the same disk cache as a subscription's what-if
// and priced by the same engine, into the same report. No vscode here: it runs in Node tests.
import { isCancellation } from '../../azure/errors';
import type { ArmTransport } from '../../azure/transport';
import { odataString } from '../../billing/credits';
import type { RetailPrice } from '../../billing/models/retailPrice';
import { dateParts, dayFromParts, formatIsoDate } from '../../insight/calendar';
import { monthlyCreditOf, offerAlternative } from '../../insight/whatIf/offerAlternative';
import { Alternative, priceAlternatives } from '../../insight/whatIf/priceAlternatives';
import { RegionCatalogue, regionAlternative } from '../../insight/whatIf/regionMatch';
import { AlternativeLabel, buildWhatIfReport, RefusedAlternative, WhatIfReport } from '../../insight/whatIf/whatIfReport';
import type { Workload, WorkloadProblem } from '../../insight/whatIf/workloadFile';
import { listPriceAlternative, placeLines, workloadQuantities } from '../../insight/whatIf/workloadPricing';
import { offerLabel } from './offerNames';
import type { PriceCache } from './priceCache';
import { offerRates, retailRows } from './priceSources';
import type { WhatIfTexts } from './whatIfRun';

export interface WorkloadInputs {
  transport: ArmTransport;
  cache: PriceCache;
  retailEndpoint: string;
  /** A subscription RateCard may be asked through; without one, offers are refused. */
  subscriptionId?: string;
  regionInfo: string;
  /** The month priced (a day of it). */
  today: number;
  texts: WhatIfTexts & { listPrices: string; noSubscription: string; currencyNotCompared: string };
  signal?: AbortSignal;
}

export interface WorkloadEstimate {
  report: WhatIfReport;
  /** Lines the price list could not place, on their text. */
  problems: WorkloadProblem[];
}

export async function estimateWorkload(inputs: WorkloadInputs, workload: Workload): Promise<WorkloadEstimate> {
  const { texts } = inputs;
  const targets = workload.regions.filter((r) => r !== workload.region);
  const rows = await retailFor(inputs, workload, targets);
  const { placed, problems } = placeLines(workload.lines, rows);
  const p = dateParts(inputs.today);
  const first = dayFromParts(p.year, p.month, 1);
  const quantities = workloadQuantities(placed, first);

  const labels: AlternativeLabel[] = [{ id: 'baseline', kind: 'baseline', label: texts.listPrices }];
  const alternatives: Alternative[] = [listPriceAlternative('baseline', placed, rows)];
  const refused: RefusedAlternative[] = [];
  const sources = new Map(placed.map((x) => [x.source.meterId.toLowerCase(), x.source]));
  const catalogue = new RegionCatalogue(rows);
  for (const region of targets) {
    labels.push({ id: `region:${region}`, kind: 'region', label: texts.region(region) });
    alternatives.push(regionAlternative(`region:${region}`, region, sources, catalogue));
  }
  for (const offer of workload.offers) {
    if (!inputs.subscriptionId) {
      refused.push({ label: offerLabel(offer), reason: texts.noSubscription });
      continue;
    }
    try {
      const { rates } = await offerRates(inputs.transport, inputs.cache, inputs.subscriptionId, { offerDurableId: offer, currency: workload.currency, locale: 'en-US', regionInfo: inputs.regionInfo }, inputs.signal);
      labels.push({ id: `offer:${offer}`, kind: 'offer', label: offerLabel(offer) });
      alternatives.push(offerAlternative(`offer:${offer}`, rates, monthlyCreditOf(rates.offerTerms)));
    } catch (error) {
      if (inputs.signal?.aborted || isCancellation(error)) { throw error; }
      refused.push({ label: offerLabel(offer), reason: texts.offerRefused(error instanceof Error ? error.message : String(error)) });
    }
  }
  for (const currency of workload.currencies) {
    if (currency !== workload.currency) { refused.push({ label: currency, reason: texts.currencyNotCompared }); }
  }
  const last = dayFromParts(p.month === 12 ? p.year + 1 : p.year, p.month === 12 ? 1 : p.month + 1, 1) - 1;
  const report = buildWhatIfReport({
    currency: workload.currency,
    period: { from: formatIsoDate(first), to: formatIsoDate(last) },
    quantities,
    labels,
    results: priceAlternatives(quantities, alternatives),
    refused,
  });
  return { report, problems };
}

/**
 * Retail rows for the lines: one query per service over the lines' and target regions, one for
 * services billed per zone, and meters named by id a few per query — never the whole catalogue.
 */
async function retailFor(inputs: WorkloadInputs, workload: Workload, targets: string[]): Promise<RetailPrice[]> {
  const regions = new Set([...targets, ...workload.lines.map((l) => l.region)]);
  const regionTerm = [...regions].sort().map((r) => `armRegionName eq ${odataString(r)}`).join(' or ');
  const filters = new Set<string>();
  const ids: string[] = [];
  for (const line of workload.lines) {
    const t = line.target;
    if (t.kind === 'meterId') { ids.push(t.meterId); }
    else if (t.regionless) { filters.add(`serviceName eq ${odataString(t.service)}`); }
    else { filters.add(`serviceName eq ${odataString(t.service)} and (${regionTerm})`); }
  }
  const unique = [...new Set(ids)].sort();
  for (let i = 0; i < unique.length; i += 10) {
    filters.add(unique.slice(i, i + 10).map((id) => `meterId eq ${odataString(id)}`).join(' or '));
  }
  const fetch = (filter: string) => retailRows(inputs.transport, inputs.cache, inputs.retailEndpoint, filter, workload.currency, inputs.signal);
  const all = (await Promise.all([...filters].sort().map(fetch))).flat();
  // A meter asked for by id is also fetched in the target regions, by its names, for regionAlternative.
  const named = all.filter((r) => unique.includes(r.meterId.toLowerCase()) && r.serviceName);
  const more = [...new Set(named.map((r) => r.serviceName!))].map((s) => `serviceName eq ${odataString(s)} and (${regionTerm})`).filter((f) => !filters.has(f));
  if (targets.length > 0) { all.push(...(await Promise.all(more.map(fetch))).flat()); }
  return all;
}
