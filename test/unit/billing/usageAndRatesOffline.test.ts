// UsageAggregates and RateCard parsing and requests, against answers written from
// docs/azure-apis.md.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { AzureError } from '../../../src/azure/errors';
import { getRateCard, rateCardFilter, RateCardQueryError } from '../../../src/billing/rateCard';
import { SignedLinkRefusedError } from '../../../src/billing/signedLinks';
import { listUsageAggregates, listUsageForDays } from '../../../src/billing/usageAggregates';
import { isSkippedRow, parseUsageAggregate } from '../../../src/billing/models/usage';
import { parseRateCard } from '../../../src/billing/models/rateCard';
import { isNotApplicable } from '../../../src/billing/notApplicable';
import rateCard from './fixtures/ratecard-2015-06-01-preview.json';
import usage from './fixtures/usage-aggregates-2015-06-01-preview.json';
import { FakeTransport, HttpLikeError } from './support/fakeTransport';

const PAYG = { offerDurableId: 'MS-AZR-0003P', currency: 'USD', locale: 'en-US', regionInfo: 'US' };

describe('usage aggregates offline', () => {
  it('decodes instanceData twice, lower-cases the resource id, keeps usage time', () => {
    const row = parseUsageAggregate(usage.value[0]);
    assert.ok(!isSkippedRow(row));
    assert.equal(row.resourceId, '/subscriptions/sub1/resourcegroups/rg1/providers/microsoft.storage/storageaccounts/st1');
    assert.equal(row.instanceData?.resourceUri, '/subscriptions/sub1/resourceGroups/RG1/providers/Microsoft.Storage/storageAccounts/ST1');
    assert.equal(row.resourceGroup, 'RG1');
    assert.equal(row.location, 'westus');
    assert.deepEqual(row.tags, { env: 'dev' });
    assert.equal(row.usageStartTime.toISOString(), '2024-05-01T00:00:00.000Z');
    assert.equal(row.usageDay, '2024-05-01');
    assert.equal(row.quantity, 0.057865);
    // Two spellings of one resource group the same key.
    const other = parseUsageAggregate(usage.value[2]);
    assert.ok(!isSkippedRow(other));
    assert.equal(other.resourceId, row.resourceId);
  });

  it('reads legacy infoFields rows and reports rows it cannot place', () => {
    const legacy = parseUsageAggregate(usage.value[1]);
    assert.ok(!isSkippedRow(legacy));
    assert.equal(legacy.infoFields?.project, 'devtestvhd');
    assert.equal(legacy.resourceId, undefined);
    const bad = parseUsageAggregate(usage.value[3]);
    assert.ok(isSkippedRow(bad));
    assert.match(bad.issues[0].reason, /2024-02 has no day 30/);
    const broken = parseUsageAggregate(usage.value[4]);
    assert.ok(!isSkippedRow(broken), 'a broken instanceData does not lose the quantity');
    assert.match(broken.issues?.[0].reason ?? '', /not valid JSON/);
  });

  it('asks for aligned UTC times and yields readable rows, listing the skipped one', async () => {
    const t = new FakeTransport(() => ({ items: usage.value }));
    const list = listUsageAggregates(t, 'sub1', new Date('2024-05-01T05:30:00Z'), new Date('2024-05-03T01:00:00Z'));
    const { items } = await list.all();
    assert.equal(items.length, 4);
    assert.equal(list.report.skipped.length, 1);
    assert.deepEqual(t.calls[0].query, {
      'api-version': '2015-06-01-preview',
      reportedStartTime: '2024-05-01T00:00:00Z',
      reportedEndTime: '2024-05-04T00:00:00Z',
      aggregationGranularity: 'Daily',
      showDetails: 'true',
    });
    assert.equal(t.calls[0].path, '/subscriptions/sub1/providers/Microsoft.Commerce/UsageAggregates');
  });

  it('keeps only the usage days asked for, reading a few reported days beyond', async () => {
    const t = new FakeTransport(() => ({ items: usage.value }));
    const list = listUsageForDays(t, 'sub1', { from: '2024-05-01', to: '2024-05-01' }, { lateArrivalDays: 2 });
    const { items } = await list.all();
    assert.deepEqual(items.map((r) => r.name), ['Daily_BRSDT_20240501_0000', 'x3']);
    assert.equal(t.calls[0].query.reportedEndTime, '2024-05-04T00:00:00Z');
    assert.equal(list.report.skipped.length, 1);
  });

  it('refuses EA and CSP offers before calling', async () => {
    const t = new FakeTransport(() => ({ items: [] }));
    await assert.rejects(listUsageAggregates(t, 's', new Date(0), new Date(86_400_000), { offerId: 'MS-AZR-0017P' }).all(), (e) => isNotApplicable(e) && e.reason === 'usageAggregatesNotForOffer');
    await assert.rejects(getRateCard(t, 's', { ...PAYG, offerDurableId: 'MS-AZR-0145P' }), (e) => isNotApplicable(e) && /Cloud Solution Provider/.test(e.message));
    assert.equal(t.calls.length, 0);
    // Offer unknown here: the service's DisallowedProvider is the same answer.
    const refusing = new FakeTransport(() => ({ error: new HttpLikeError(400, 'DisallowedProvider', "The operation is not permitted for namespace 'Microsoft.Commerce'.") }));
    await assert.rejects(listUsageAggregates(refusing, 's', new Date(0), new Date(86_400_000)).all(), (e) => isNotApplicable(e) && e.reason === 'usageAggregatesNotForOffer');
    await assert.rejects(getRateCard(refusing, 's', PAYG), (e) => isNotApplicable(e) && e.reason === 'rateCardNotForOffer');
    const other = new FakeTransport(() => ({ error: new HttpLikeError(400, 'BadRequest', 'bad') }));
    await assert.rejects(getRateCard(other, 's', PAYG), (e) => !isNotApplicable(e));
  });
});

describe('rate card offline', () => {
  it('builds the four-term filter, values quoted one by one', () => {
    assert.equal(rateCardFilter(PAYG), "OfferDurableId eq 'MS-AZR-0003P' and Currency eq 'USD' and Locale eq 'en-US' and RegionInfo eq 'US'");
    assert.throws(() => rateCardFilter({ ...PAYG, offerDurableId: "MS-AZR-0003P' or 1 eq 1" }), RateCardQueryError);
    assert.throws(() => rateCardFilter({ ...PAYG, currency: 'usd' }), /three-letter currency code/);
    assert.throws(() => rateCardFilter({ ...PAYG, regionInfo: 'USA' }), /two-letter country/);
  });

  it('reads meters with numeric ascending tiers, included quantity and offer terms', () => {
    const card = parseRateCard(rateCard);
    assert.equal(card.currency, 'USD');
    const tiered = card.meters.find((m) => m.meterId === 'tiered')!;
    assert.deepEqual(tiered.meterRates, [{ threshold: 0, price: 1.99 }, { threshold: 100, price: 0.99 }, { threshold: 1024, price: 0.083 }]);
    assert.equal(tiered.includedQuantity, 5);
    assert.deepEqual(tiered.meterTags, ['Third Party']);
    assert.equal(card.meters.find((m) => m.meterId === 'no-date')!.effectiveDate.getTime(), 0, 'no EffectiveDate = always');
    assert.deepEqual(card.skippedMeters.map((m) => m.meterId), [undefined, 'bad-rate']);
    assert.deepEqual(card.offerTerms.map((o) => o.name), ['Monetary Credit', 'Monetary Commitment', 'Recurring Charge', 'Something Else']);
    const commitment = card.offerTerms[1];
    assert.ok('tieredDiscount' in commitment);
    assert.deepEqual(commitment.tieredDiscount, [{ threshold: 0, discountPercent: 0 }, { threshold: 1000, discountPercent: 5 }]);
  });

  it('follows a 302 to the blob without the token, and accepts a direct 200', async () => {
    const blobUrl = 'https://ratecard.example/ratecards/abc?sv=1&sig=SECRET&se=2030-01-01T00%3A00%3A00Z';
    const t = new FakeTransport((call) => (call.method === 'BLOB' ? { json: rateCard } : { status: 302, headers: { Location: blobUrl } }));
    const card = await getRateCard(t, 'sub1', PAYG);
    assert.equal(card.meters.length, 3);
    assert.deepEqual(t.calls.map((c) => c.method), ['GET', 'BLOB']);
    assert.equal(t.calls[1].path, blobUrl);
    assert.equal(t.calls[0].query.$filter, rateCardFilter(PAYG));
    const direct = new FakeTransport(() => ({ status: 200, json: rateCard }));
    assert.equal((await getRateCard(direct, 'sub1', PAYG)).meters.length, 3);
  });

  it('a blob link storage refuses (403) gets one fresh link; refused again, a typed refusal that is not called expired', async () => {
    const blobUrl = 'https://ratecard.example/ratecards/abc?sv=1&sig=SECRET&se=2030-01-01T00%3A00%3A00Z';
    let blobs = 0;
    const onceRefused = new FakeTransport((call) => (call.method === 'BLOB' ? (++blobs === 1 ? { status: 403, json: 'AuthenticationFailed' } : { json: rateCard }) : { status: 302, headers: { location: blobUrl } }));
    assert.equal((await getRateCard(onceRefused, 'sub1', PAYG)).meters.length, 3);
    assert.deepEqual(onceRefused.calls.map((c) => c.method), ['GET', 'BLOB', 'GET', 'BLOB']);
    const refused = new FakeTransport((call) => (call.method === 'BLOB' ? { status: 403, json: 'AuthenticationFailed' } : { status: 302, headers: { location: blobUrl } }));
    await assert.rejects(getRateCard(refused, 'sub1', PAYG), (e: Error) => e instanceof SignedLinkRefusedError && !e.expired && /refused the link to the RateCard document/.test(e.message) && !e.message.includes('SECRET'));
    assert.equal(refused.calls.length, 4);
    const pastLink = blobUrl.replace('2030', '2020');
    const expired = new FakeTransport((call) => (call.method === 'BLOB' ? { status: 403, json: 'AuthenticationFailed' } : { status: 302, headers: { location: pastLink } }));
    await assert.rejects(getRateCard(expired, 'sub1', PAYG), (e: Error) => e instanceof SignedLinkRefusedError && e.expired);
    const missing = new FakeTransport((call) => (call.method === 'BLOB' ? { status: 404, json: { error: { code: 'BlobNotFound', message: 'The specified blob does not exist.' } } } : { status: 302, headers: { location: blobUrl } }));
    await assert.rejects(getRateCard(missing, 'sub1', PAYG), (e: Error) => e instanceof AzureError && e.kind === 'notFound' && e.code === 'BlobNotFound' && !e.message.includes('SECRET'));
  });
});
