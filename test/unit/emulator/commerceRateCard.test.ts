// Microsoft.Commerce RateCard: the four-term $filter and its capital-M error, the 302 to a blob
// that refuses credentials, the document's shape, offers without a rate card.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import type { WorldSubscription } from '../../emulator/world/types';
import { armFetch, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError, FlatError, RateCardDocument, RateCardMeter } from '../../support/wireShapes';


const subscriptionsOf = (e: Emulator) => (e.world as unknown as { subscriptions: WorldSubscription[] }).subscriptions;
const payg = (e: Emulator) => subscriptionsOf(e).find((s) => s.offerId === 'MS-AZR-0003P')!;
const terms = (offer: string, currency = 'USD', locale = 'en-US', region = 'US') =>
  `OfferDurableId eq '${offer}' and Currency eq '${currency}' and Locale eq '${locale}' and RegionInfo eq '${region}'`;

function rateCardUrl(subId: string, filter: string | undefined, apiVersion = '2015-06-01-preview'): string {
  const q = new URLSearchParams({ 'api-version': apiVersion });
  if (filter !== undefined) { q.set('$filter', filter); }
  return `/subscriptions/${subId}/providers/Microsoft.Commerce/RateCard?${q.toString()}`;
}

async function document(e: Emulator, sub: WorldSubscription, filter: string, apiVersion?: string): Promise<RateCardDocument> {
  const res = await armFetch(e, rateCardUrl(sub.subscriptionId, filter, apiVersion), { token: e.issueToken(sub.tenantId), redirect: 'manual' });
  assert.equal(res.status, 302);
  const blob = await fetch(res.headers.get('location')!);
  assert.equal(blob.status, 200);
  assert.match(blob.headers.get('content-type') ?? '', /application\/json/);
  return jsonAs<RateCardDocument>(blob);
}

describe('emulator: Commerce RateCard', () => {
  const emu = useEmulator();

  it('redirects to a short-lived blob URL on the blob origin that works only without the Authorization header', async () => {
    const e = emu();
    const sub = payg(e);
    const res = await armFetch(e, rateCardUrl(sub.subscriptionId, terms('MS-AZR-0003P')), { token: e.issueToken(sub.tenantId), redirect: 'manual' });
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location')!);
    assert.equal(location.origin, e.blobBaseUrl);
    assert.notEqual(location.hostname, new URL(e.baseUrl).hostname, 'storage is another host than ARM');
    assert.ok(location.searchParams.get('sig') && location.searchParams.get('se'));
    const withToken = await fetch(location, { headers: { authorization: `Bearer ${e.issueToken(sub.tenantId)}` } });
    assert.equal(withToken.status, 400);
    assert.match(await withToken.text(), /Authentication information is not given in the correct format/);
    const plain = await fetch(location);
    assert.equal(plain.status, 200);
  });

  it('serves a PascalCase document with tiered MeterRates keyed by thresholds, IncludedQuantity and two EffectiveDates on one meter', async () => {
    const e = emu();
    const doc = await document(e, payg(e), terms('MS-AZR-0003P'));
    assert.equal(doc.Currency, 'USD');
    assert.equal(doc.Locale, 'en-US');
    assert.equal(doc.IsTaxIncluded, false);
    assert.deepEqual(doc.OfferTerms, []);
    assert.ok(doc.Meters.length > 100);
    const m = doc.Meters[0];
    for (const field of ['MeterId', 'MeterName', 'MeterCategory', 'MeterSubCategory', 'Unit', 'MeterTags', 'MeterRegion', 'MeterRates', 'EffectiveDate', 'IncludedQuantity']) {
      assert.ok(field in m, `${field} present`);
    }
    const tiered = doc.Meters.find((x) => x.MeterName === 'Standard Data Transfer Out' && x.MeterRegion === 'Zone 1');
    assert.ok(tiered, 'the tiered bandwidth meter');
    assert.deepEqual(Object.keys(tiered.MeterRates), ['0', '100', '500']);
    assert.equal(tiered.IncludedQuantity, 5);
    assert.equal(tiered.Unit, '1 GB');
    const blob = doc.Meters.find((x) => x.MeterName === 'Hot LRS Data Stored');
    assert.ok(blob, 'the hot blob storage meter');
    assert.deepEqual(Object.keys(blob.MeterRates), ['0', '51200', '512000']);
    const byId = new Map<string, RateCardMeter[]>();
    for (const x of doc.Meters) { byId.set(x.MeterId, [...(byId.get(x.MeterId) ?? []), x]); }
    const repriced = [...byId.values()].filter((rows) => rows.length > 1);
    assert.equal(repriced.length, 1, 'exactly one meter has a price change');
    const [older, newer] = repriced[0].sort((a, b) => a.EffectiveDate.localeCompare(b.EffectiveDate));
    assert.equal(newer.EffectiveDate, '2026-08-16T00:00:00Z', 'mid-month, three months before the world\'s today');
    assert.ok(newer.MeterRates['0'] > older.MeterRates['0']);
    assert.ok(doc.Meters.some((x) => x.MeterRegion === ''), 'a meter with no region');
  });

  it('prices in the requested currency, rounded on its own rather than by one exchange rate', async () => {
    const e = emu();
    const usd = await document(e, payg(e), terms('MS-AZR-0003P'));
    const eur = await document(e, payg(e), terms('MS-AZR-0003P', 'EUR', 'de-DE', 'DE'));
    assert.equal(eur.Currency, 'EUR');
    assert.equal(eur.Locale, 'de-DE');
    const ratios = new Set<string>();
    eur.Meters.forEach((m, i) => {
      assert.equal(m.MeterId, usd.Meters[i].MeterId);
      if (usd.Meters[i].MeterRates['0'] > 0.01) { ratios.add((m.MeterRates['0'] / usd.Meters[i].MeterRates['0']).toFixed(3)); }
    });
    assert.ok(ratios.size > 10, 'ratios to USD differ from meter to meter');
  });

  it('gives Visual Studio offers a Monetary Credit term and Dev/Test prices (no Windows licence)', async () => {
    const e = emu();
    const vs = await document(e, payg(e), terms('MS-AZR-0063P'));
    assert.deepEqual(vs.OfferTerms.map((t) => [t.Name, t.Credit]), [['Monetary Credit', 150]]);
    assert.ok(Array.isArray(vs.OfferTerms[0].ExcludedMeterIds));
    const list = await document(e, payg(e), terms('MS-AZR-0003P'));
    const rate = (doc: RateCardDocument, sub: string, name: string) => {
      const meter = doc.Meters.find((m) => m.MeterSubCategory === sub && m.MeterName === name && m.MeterRegion === 'US East');
      assert.ok(meter, `${sub} ${name} in US East`);
      return meter.MeterRates['0'];
    };
    assert.equal(rate(vs, 'Dsv3 Series Windows', 'D4s v3'), rate(list, 'Dsv3 Series', 'D4s v3'));
    assert.ok(rate(list, 'Dsv3 Series Windows', 'D4s v3') > rate(list, 'Dsv3 Series', 'D4s v3'));
  });

  it('answers both api-versions and refuses others', async () => {
    const e = emu();
    await document(e, payg(e), terms('MS-AZR-0003P'), '2016-08-31-preview');
    const res = await armFetch(e, rateCardUrl(payg(e).subscriptionId, terms('MS-AZR-0003P'), '2018-01-01'), { token: e.issueToken(payg(e).tenantId) });
    assert.equal(res.status, 400);
    assert.equal((await jsonAs<ArmError>(res)).error.code, 'InvalidApiVersionParameter');
  });

  const badFilters: Array<[string, string | undefined]> = [
    ['no $filter', undefined],
    ['the whole expression in quotes', `'${terms('MS-AZR-0003P')}'`],
    ['a missing term', "OfferDurableId eq 'MS-AZR-0003P' and Currency eq 'USD' and Locale eq 'en-US'"],
    ['an MCA plan id, which fails the offer pattern', terms('MS-AZR-0017G')],
    ['an unknown currency', terms('MS-AZR-0003P', 'XYZ')],
    ['an operator other than eq', "OfferDurableId ne 'MS-AZR-0003P' and Currency eq 'USD' and Locale eq 'en-US' and RegionInfo eq 'US'"],
  ];
  for (const [what, filter] of badFilters) {
    it(`answers ${what} with the capital-M Message body`, async () => {
      const e = emu();
      const res = await armFetch(e, rateCardUrl(payg(e).subscriptionId, filter), { token: e.issueToken(payg(e).tenantId), redirect: 'manual' });
      assert.equal(res.status, 400);
      assert.deepEqual(await jsonAs(res), { Message: 'Invalid query specified. Please specify valid values for OfferDurableId, Currency, Locale and RegionInfo.' });
    });
  }

  it('has no rate card for Enterprise Agreement offers and fails CSP offer ids', async () => {
    const e = emu();
    const token = e.issueToken(payg(e).tenantId);
    const ea = await armFetch(e, rateCardUrl(payg(e).subscriptionId, terms('MS-AZR-0017P')), { token, redirect: 'manual' });
    assert.equal(ea.status, 400);
    const eaBody = await jsonAs<FlatError>(ea);
    assert.equal(eaBody.code, 'OfferNotSupported');
    assert.match(eaBody.message, /price sheet/);
    const csp = await armFetch(e, rateCardUrl(payg(e).subscriptionId, terms('MS-AZR-0145P')), { token, redirect: 'manual' });
    assert.equal(csp.status, 400);
    assert.deepEqual(await jsonAs(csp), { code: 'Unknown', message: 'Unknown Error' });
  });

  it('serves the document directly when redirects are switched off, and expired links are refused', async () => {
    const e = emu();
    const sub = payg(e);
    e.settings.rateCardRedirect = false;
    try {
      const res = await armFetch(e, rateCardUrl(sub.subscriptionId, terms('MS-AZR-0003P')), { token: e.issueToken(sub.tenantId), redirect: 'manual' });
      assert.equal(res.status, 200);
      assert.equal((await jsonAs<RateCardDocument>(res)).Currency, 'USD');
    } finally {
      e.settings.rateCardRedirect = true;
    }
    e.settings.blobUrlLifetimeSeconds = 1;
    try {
      const res = await armFetch(e, rateCardUrl(sub.subscriptionId, terms('MS-AZR-0003P')), { token: e.issueToken(sub.tenantId), redirect: 'manual' });
      await new Promise((r) => setTimeout(r, 1100));
      const late = await fetch(res.headers.get('location')!);
      assert.equal(late.status, 403);
    } finally {
      e.settings.blobUrlLifetimeSeconds = 300;
    }
  });
});
