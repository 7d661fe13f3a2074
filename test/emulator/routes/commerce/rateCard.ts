// GET /subscriptions/{id}/providers/Microsoft.Commerce/RateCard (2015-06-01-preview,
// 2016-08-31-preview): the four-term $filter, then a 302 to a short-lived URL on the blob origin
// (another host, as storage is on Azure) that must be fetched without credentials
// (docs/azure-apis.md#ratecard).
import * as crypto from 'crypto';
import { flatError } from '../../arm';
import { EmuHttpError, EmuRequest, EmuResponse } from '../../http';
import { isCurrency } from '../../world/usage/currencies';
import type { UsageWorld } from '../../world/usage';
import { offerPricing } from '../../world/usage/offers';
import { rateCardDocument } from '../../world/usage/rateCard';
import type { RouteContext } from '../context';

const INVALID_QUERY = 'Invalid query specified. Please specify valid values for OfferDurableId, Currency, Locale and RegionInfo.';

/** The capital-M body RateCard answers a bad $filter with [obs]. */
function invalidQuery(): never {
  throw new EmuHttpError({ status: 400, json: { Message: INVALID_QUERY } });
}

export interface RateCardFilter {
  offerDurableId: string;
  currency: string;
  locale: string;
  regionInfo: string;
}

export function parseRateCardFilter(filter: string | undefined): RateCardFilter {
  if (!filter) { invalidQuery(); }
  const terms = new Map<string, string>();
  for (const term of filter.trim().split(/\s+and\s+/i)) {
    const match = /^(\w+)\s+eq\s+'([^']*)'$/i.exec(term.trim());
    if (!match || terms.has(match[1].toLowerCase())) { invalidQuery(); }
    terms.set(match[1].toLowerCase(), match[2]);
  }
  const offer = terms.get('offerdurableid');
  const currency = terms.get('currency');
  const locale = terms.get('locale');
  const region = terms.get('regioninfo');
  if (terms.size !== 4 || !offer || !currency || !locale || !region) { invalidQuery(); }
  if (!/^MS-AZR-\d{4}P(-\d{4}P)*$/i.test(offer) || !isCurrency(currency.toUpperCase()) || !/^[a-z]{2}-[a-z]{2}$/i.test(locale) || !/^[a-z]{2}$/i.test(region)) { invalidQuery(); }
  return { offerDurableId: offer.toUpperCase(), currency: currency.toUpperCase(), locale, regionInfo: region.toUpperCase() };
}

export function rateCard(usage: UsageWorld, ctx: RouteContext, req: EmuRequest, documents: Map<string, Buffer>): EmuResponse {
  const filter = parseRateCardFilter(req.q('$filter'));
  const offer = offerPricing(filter.offerDurableId);
  if (offer.kind === 'priceList') {
    // [inf] Azure documents only that EA offers are not supported; the code and message are ours.
    return flatError(400, 'OfferNotSupported', `RateCard is not available for the ${offer.name} offer ${filter.offerDurableId}. Use the enrollment's price sheet.`);
  }
  if (offer.kind === 'none') { return flatError(400, 'Unknown', 'Unknown Error'); } // CSP offer ids [obs]
  const key = `${filter.offerDurableId}|${filter.currency}|${filter.locale}`;
  const content = () => {
    let doc = documents.get(key);
    if (!doc) {
      doc = Buffer.from(JSON.stringify(rateCardDocument(usage, filter.offerDurableId, filter.currency, filter.locale)));
      documents.set(key, doc);
    }
    return doc;
  };
  if (!ctx.settings.rateCardRedirect) { return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: content() }; }
  const blob = ctx.blobs.put('ratecards', crypto.randomUUID(), content, 'application/json', ctx.settings.blobUrlLifetimeSeconds);
  return { status: 302, headers: { location: `${blob.url}&rsct=application%2Fjson` } };
}
