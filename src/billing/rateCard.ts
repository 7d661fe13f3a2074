// Commerce RateCard (docs/azure-apis.md#ratecard): the list prices of one offer. The service
// usually answers 302 to a SAS blob URL; that URL is fetched with no Authorization header (storage
// rejects a bearer token there) through `fetchUnauthenticated`. A direct 200 with the document is
// accepted. Every failure is the client's typed error (or `SignedLinkRefusedError` when storage
// refused a fresh link too), so a person is told what to do, not "unexpected". EA and CSP offers
// are not served: `NotApplicableError('rateCardNotForOffer')` before calling.
import { AzureError } from '../azure/errors';
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { odataString } from './credits';
import { seg } from './models/ids';
import { parseRateCard, RateCard } from './models/rateCard';
import { linkRefusal, storageError } from './signedLinks';
import { commerceNotApplicable, commerceRefusal } from './usageAggregates';

export interface RateCardQuery {
  /** e.g. MS-AZR-0003P (pay-as-you-go). */
  offerDurableId: string;
  /** ISO 4217, e.g. USD. */
  currency: string;
  /** e.g. en-US. */
  locale: string;
  /** Two-letter country where the offer was bought, e.g. US. */
  regionInfo: string;
}

export class RateCardQueryError extends Error {
  override readonly name = 'RateCardQueryError';
}

/**
 * The `$filter` with all four terms, joined by `and`, only `eq`, each value quoted on its own (never
 * the whole expression). Values are checked first so a typo is named here, not by a vague 400.
 */
export function rateCardFilter(q: RateCardQuery): string {
  const checks: Array<[keyof RateCardQuery, RegExp, string]> = [
    ['offerDurableId', /^MS-AZR-\d{4}P(-\d{4}P)*$/, 'an offer id like MS-AZR-0003P'],
    ['currency', /^[A-Z]{3}$/, 'a three-letter currency code like USD'],
    ['locale', /^[a-z]{2}-[A-Z]{2}$/, 'a locale like en-US'],
    ['regionInfo', /^[A-Z]{2}$/, 'a two-letter country code like US'],
  ];
  for (const [key, pattern, expected] of checks) {
    const value = q[key];
    if (typeof value !== 'string' || !pattern.test(value)) { throw new RateCardQueryError(`${key} '${String(value)}' is not ${expected}.`); }
  }
  return [
    `OfferDurableId eq ${odataString(q.offerDurableId)}`,
    `Currency eq ${odataString(q.currency)}`,
    `Locale eq ${odataString(q.locale)}`,
    `RegionInfo eq ${odataString(q.regionInfo)}`,
  ].join(' and ');
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** RateCard itself answered in a way the API does not describe. */
function oddAnswer(message: string): AzureError {
  return new AzureError({ kind: 'invalidResponse', message });
}

export async function getRateCard(transport: ArmTransport, subscriptionId: string, query: RateCardQuery, options: { signal?: AbortSignal } = {}): Promise<RateCard> {
  const refused = commerceNotApplicable(query.offerDurableId, 'RateCard');
  if (refused) { throw refused; }
  const filter = rateCardFilter(query);
  // Storage refusing the signed link (403) is worth one fresh link, as for invoice downloads.
  for (let link = 1; ; link++) {
    const first = await transport
      .getRaw(`/subscriptions/${seg(subscriptionId)}/providers/Microsoft.Commerce/RateCard`, {
        query: { 'api-version': API.commerce, $filter: filter },
        signal: options.signal,
      })
      .catch((error: unknown) => {
        throw commerceRefusal(error, 'RateCard') ?? error;
      });
    if (first.status === 200) {
      if (first.json === undefined) { throw oddAnswer('RateCard answered 200 without a document.'); }
      return parseRateCard(first.json);
    }
    if (!REDIRECTS.has(first.status)) { throw oddAnswer(`RateCard answered ${first.status}, neither the document nor a link to it.`); }
    const location = Object.entries(first.headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (!location) { throw oddAnswer(`RateCard answered ${first.status} without a Location.`); }
    const blobUrl = new URL(location, transport.endpoint).toString();
    // Read and parsed inside the client's attempt: a body cut short or broken is fetched again.
    const blob = await transport.fetchUnauthenticated(blobUrl, { signal: options.signal, expectJson: true });
    if (blob.status === 200 && blob.json !== undefined) { return parseRateCard(blob.json); }
    if (blob.status === 403) {
      const refusal = await linkRefusal(blob, blobUrl, 'the RateCard document');
      if (link < 2) { continue; }
      throw refusal;
    }
    if (blob.status === 200) { throw oddAnswer('Storage answered 200 without the RateCard document.'); }
    throw await storageError(blob, blobUrl);
  }
}
