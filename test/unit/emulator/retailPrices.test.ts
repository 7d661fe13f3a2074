// The public retail prices API: no auth, its own api-versions and error shape, the catalogue's
// checklist rows (tiers, free tier, aliases, OS flavours, reservations, Dev/Test, closed rows,
// odd regions, 17 currencies), paging by NextPageLink and the knobs for misbehaviour.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import type { WorldSubscription } from '../../emulator/world/types';
import { ArmPage, armFetch, jsonAs, useEmulator } from '../../support/emulator';
import type { RateCardDocument, RetailError, RetailItem, RetailPage, UsageAggregate } from '../../support/wireShapes';


const CURRENCIES = ['USD', 'AUD', 'BRL', 'CAD', 'CHF', 'CNY', 'DKK', 'EUR', 'GBP', 'INR', 'JPY', 'KRW', 'NOK', 'NZD', 'RUB', 'SEK', 'TWD'];
const PREVIEW = '2023-01-01-preview';

function pricesUrl(e: Emulator, params: Record<string, string>): string {
  const q = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `${e.baseUrl}/api/retail/prices${q ? `?${q}` : ''}`;
}

/** Every item, following NextPageLink verbatim. */
async function walk(e: Emulator, params: Record<string, string>): Promise<{ items: RetailItem[]; pages: RetailPage[] }> {
  let url: string | null = pricesUrl(e, params);
  const items: RetailItem[] = [];
  const pages: RetailPage[] = [];
  while (url) {
    const res = await fetch(url);
    assert.equal(res.status, 200, await res.clone().text());
    const page = await jsonAs<RetailPage>(res);
    pages.push(page);
    items.push(...page.Items);
    url = page.NextPageLink;
  }
  return { items, pages };
}

describe('emulator: retail prices', () => {
  const emu = useEmulator({ settings: { retailPrices: { pageSize: 3, omitNextPageLink: false, shuffle: false, throttleEvery: 0, throttleRetryAfterSeconds: 30 } } });

  it('answers without a token on every supported api-version, ignores an Authorization header, refuses others', async () => {
    const e = emu();
    const filter = "serviceName eq 'Azure DNS'";
    for (const v of [undefined, '2021-10-01-preview', PREVIEW]) {
      const res = await fetch(pricesUrl(e, v ? { 'api-version': v, $filter: filter } : { $filter: filter }));
      assert.equal(res.status, 200, String(v));
      const page = await jsonAs<RetailPage>(res);
      assert.equal(page.BillingCurrency, 'USD');
      assert.equal(page.CustomerEntityId, 'Default');
      assert.equal(page.CustomerEntityType, 'Retail');
    }
    const withToken = await armFetch(e, `/api/retail/prices?api-version=${PREVIEW}&$filter=${encodeURIComponent(filter)}`);
    assert.equal(withToken.status, 200);
    for (const v of ['2023-01-01', '2015-06-01-preview']) {
      const res = await fetch(pricesUrl(e, { 'api-version': v }));
      assert.equal(res.status, 400);
      assert.deepEqual(await jsonAs(res), { Error: { Code: 'BadRequest', Message: 'Unsupported API version' } });
    }
  });

  it('pages with an absolute NextPageLink (explicit port, $skip, filter and currency kept) and Count per page', async () => {
    const e = emu();
    const params = { 'api-version': PREVIEW, $filter: "serviceName eq 'Storage' and armRegionName eq 'eastus'", currencyCode: "'EUR'" };
    const { items, pages } = await walk(e, params);
    assert.ok(pages.length >= 3);
    pages.forEach((p, i) => {
      assert.equal(p.Count, p.Items.length);
      if (i < pages.length - 1) {
        assert.equal(p.Count, 3);
        const link = new URL(p.NextPageLink ?? '');
        assert.match(p.NextPageLink ?? '', /^https:\/\/127\.0\.0\.1:\d+\/api\/retail\/prices\?/);
        assert.equal(link.searchParams.get('$skip'), String(3 * (i + 1)));
        assert.equal(link.searchParams.get('$filter'), params.$filter);
        assert.equal(link.searchParams.get('currencyCode'), "'EUR'");
        assert.equal(link.searchParams.get('api-version'), PREVIEW);
      } else {
        assert.equal(p.NextPageLink, null);
      }
    });
    assert.ok(items.every((x) => x.currencyCode === 'EUR' && x.serviceName === 'Storage' && x.armRegionName === 'eastus'));
    const keys = items.map((x) => `${x.meterId}|${x.meterName}|${x.type}|${x.skuId}|${x.tierMinimumUnits}|${x.isPrimaryMeterRegion}`);
    assert.equal(new Set(keys).size, keys.length, 'no item twice in a stable walk');
  });

  it('has the catalogue rows a what-if needs for one armSkuName: Linux, Windows, Spot, Low Priority, reservations, Dev/Test, savings plan', async () => {
    const e = emu();
    const { items } = await walk(e, { 'api-version': PREVIEW, $filter: "armSkuName eq 'Standard_D4s_v3' and armRegionName eq 'westus2'" });
    const consumption = items.filter((x) => x.type === 'Consumption');
    assert.deepEqual(consumption.map((x) => x.meterName).sort(), ['D4s v3', 'D4s v3', 'D4s v3 Low Priority', 'D4s v3 Spot']);
    const linux = consumption.find((x) => x.meterName === 'D4s v3' && !x.productName.endsWith(' Windows'));
    const windows = consumption.find((x) => x.productName.endsWith(' Windows'));
    assert.ok(linux && windows);
    assert.notEqual(linux.meterId, windows.meterId);
    assert.ok(windows.retailPrice > linux.retailPrice);
    assert.deepEqual(linux.savingsPlan?.map((s) => s.term).sort(), ['1 Year', '3 Years']);
    assert.ok(linux.savingsPlan?.every((s) => s.retailPrice < linux.retailPrice));
    assert.equal(windows.savingsPlan, undefined, 'no savings plan on the Windows meter');
    const reservations = items.filter((x) => x.type === 'Reservation');
    assert.deepEqual(reservations.map((x) => x.reservationTerm).sort(), ['1 Year', '3 Years']);
    const oneYear = reservations.find((x) => x.reservationTerm === '1 Year');
    assert.ok(oneYear, 'a one-year reservation');
    assert.equal(oneYear.meterId, linux.meterId);
    assert.equal(oneYear.unitOfMeasure, '1 Hour');
    assert.ok(oneYear.retailPrice > linux.retailPrice * 1000, 'the whole term per instance, not an hourly price');
    assert.ok(oneYear.retailPrice / 8760 < linux.retailPrice);
    const devTest = items.find((x) => x.type === 'DevTestConsumption');
    assert.ok(devTest, 'a Dev/Test row');
    assert.equal(devTest.meterId, windows.meterId);
    assert.equal(devTest.retailPrice, linux.retailPrice, 'Dev/Test pays no Windows licence');
  });

  it('drops savingsPlan before 2023-01-01-preview, and meterRegion=\'primary\' drops alias rows (even one carrying a savings plan)', async () => {
    const e = emu();
    const filter = "serviceName eq 'Virtual Machines' and armRegionName eq 'eastus' and priceType eq 'Consumption'";
    const older = await walk(e, { 'api-version': '2021-10-01-preview', $filter: filter });
    assert.ok(older.items.every((x) => !('savingsPlan' in x)));
    const all = await walk(e, { 'api-version': PREVIEW, $filter: filter });
    const primary = await walk(e, { 'api-version': PREVIEW, $filter: filter, meterRegion: "'primary'" });
    const aliases = all.items.filter((x) => !x.isPrimaryMeterRegion);
    assert.ok(aliases.length > 0);
    assert.equal(primary.items.length, all.items.length - aliases.length);
    assert.ok(primary.items.every((x) => x.isPrimaryMeterRegion));
    const e16 = all.items.filter((x) => x.meterId === all.items.find((y) => y.meterName === 'E16 v3')!.meterId);
    assert.deepEqual(e16.map((x) => x.meterName).sort(), ['E16 v3', 'E16-4s v3', 'E16-8s v3', 'E16s v3']);
    assert.equal(e16.filter((x) => x.isPrimaryMeterRegion).length, 1);
    assert.equal(new Set(e16.map((x) => x.retailPrice)).size, 1, 'aliases share the price');
    const savingsOnAlias = aliases.filter((x) => x.savingsPlan);
    assert.ok(savingsOnAlias.length > 0, 'a savings plan that only a non-primary row carries');
    const noVersion = await walk(e, { $filter: filter, meterRegion: "'primary'" });
    assert.equal(noVersion.items.length, all.items.length, 'meterRegion is ignored without an api-version');
  });

  it('has tier rows, a free 0-price tier, a closed row, and Global and empty regions', async () => {
    const e = emu();
    const hot = await walk(e, { 'api-version': PREVIEW, $filter: "meterName eq 'Hot LRS Data Stored' and armRegionName eq 'eastus'" });
    assert.deepEqual(hot.items.map((x) => x.tierMinimumUnits), [0, 51200, 512000]);
    assert.ok(hot.items[0].retailPrice > hot.items[1].retailPrice);
    const bandwidth = await walk(e, { 'api-version': PREVIEW, $filter: "meterName eq 'Standard Data Transfer Out' and armRegionName eq 'Zone 1'" });
    assert.deepEqual(bandwidth.items.map((x) => [x.tierMinimumUnits, x.retailPrice]).slice(0, 2), [[0, 0], [5, 0.087]]);
    const vm = await walk(e, { 'api-version': PREVIEW, $filter: "serviceName eq 'Virtual Machines' and priceType eq 'Consumption'" });
    const closed = vm.items.filter((x): x is RetailItem & { effectiveEndDate: string } => Boolean(x.effectiveEndDate));
    assert.equal(closed.length, 1);
    const reopened = vm.items.filter((x) => x.meterId === closed[0].meterId && !x.effectiveEndDate && x.isPrimaryMeterRegion);
    assert.equal(reopened.length, 1);
    assert.ok(closed[0].effectiveEndDate < reopened[0].effectiveStartDate);
    assert.ok(reopened[0].retailPrice > closed[0].retailPrice);
    const global = await walk(e, { 'api-version': PREVIEW, $filter: "armRegionName eq 'Global'" });
    assert.ok(global.items.length > 0);
    const empty = await walk(e, { 'api-version': PREVIEW, $filter: "armRegionName eq ''" });
    assert.ok(empty.items.length > 0 && empty.items.every((x) => x.location === ''));
  });

  it('prices in all 17 currencies and refuses others', async () => {
    const e = emu();
    const filter = "meterName eq 'vCore' and armRegionName eq 'westeurope'";
    const prices = new Map<string, number>();
    for (const c of CURRENCIES) {
      const res = await fetch(pricesUrl(e, { 'api-version': PREVIEW, $filter: filter, currencyCode: c }));
      const page = await jsonAs<RetailPage>(res);
      assert.equal(page.BillingCurrency, c);
      assert.equal(page.Items[0].currencyCode, c);
      prices.set(c, page.Items[0].retailPrice);
    }
    assert.ok(prices.get('JPY')! > prices.get('USD')! * 100);
    assert.ok(prices.get('GBP')! < prices.get('USD')!);
    const bad = await fetch(pricesUrl(e, { currencyCode: 'XYZ' }));
    assert.equal(bad.status, 400);
    assert.equal((await jsonAs<RetailError>(bad)).Error.Code, 'BadRequest');
  });

  it('keys items by the same meterIds as usage, priced like the pay-as-you-go rate card', async () => {
    const e = emu();
    const sub = (e.world as unknown as { subscriptions: WorldSubscription[] }).subscriptions.find((s) => s.offerId === 'MS-AZR-0003P')!;
    const token = e.issueToken(sub.tenantId);
    const usage = await jsonAs<ArmPage<UsageAggregate>>((await armFetch(e, `/subscriptions/${sub.subscriptionId}/providers/Microsoft.Commerce/UsageAggregates?api-version=2015-06-01-preview&reportedStartTime=2026-10-01T00:00:00Z&reportedEndTime=2026-10-03T00:00:00Z`, { token })));
    const card = await armFetch(e, `/subscriptions/${sub.subscriptionId}/providers/Microsoft.Commerce/RateCard?api-version=2015-06-01-preview&$filter=${encodeURIComponent("OfferDurableId eq 'MS-AZR-0003P' and Currency eq 'USD' and Locale eq 'en-US' and RegionInfo eq 'US'")}`, { token, redirect: 'manual' });
    const doc = await jsonAs<RateCardDocument>((await fetch(card.headers.get('location')!)));
    const meterIds = [...new Set<string>(usage.value.map((r) => r.properties.meterId))];
    assert.ok(meterIds.length >= 2);
    for (const id of meterIds) {
      const { items } = await walk(e, { 'api-version': PREVIEW, $filter: `meterId eq '${id}' and priceType eq 'Consumption' and isPrimaryMeterRegion eq true` });
      const open = items.filter((x) => !x.effectiveEndDate).map((x) => [x.tierMinimumUnits, x.retailPrice]);
      const rates = doc.Meters.filter((m) => m.MeterId === id).sort((a, b) => a.EffectiveDate.localeCompare(b.EffectiveDate)).at(-1);
      assert.ok(rates, `meter ${id} is on the rate card`);
      // Retail has no IncludedQuantity: the free grant is a 0-price tier, and the paid tiers start after it.
      const expected = [
        ...(rates.IncludedQuantity > 0 ? [[0, 0]] : []),
        ...Object.entries(rates.MeterRates).map(([from, price]) => [Number(from) + rates.IncludedQuantity, price]),
      ];
      assert.deepEqual(open, expected, `meter ${id}`);
    }
  });

  it('can leave out NextPageLink, shuffle the order between pages, and throttle with or without Retry-After', async () => {
    const e = emu();
    const params = { 'api-version': PREVIEW, $filter: "serviceName eq 'Virtual Machines' and armRegionName eq 'japaneast' and priceType eq 'Consumption'" };
    const stable = await walk(e, params);
    const knobs = e.settings.retailPrices;
    try {
      e.settings.retailPrices = { ...knobs, omitNextPageLink: true };
      const first = await jsonAs<RetailPage>((await fetch(pricesUrl(e, params))));
      assert.equal(first.Count, 3);
      assert.equal(first.NextPageLink, null, 'a full page and no link: the client must continue with $skip itself');

      e.settings.retailPrices = { ...knobs, shuffle: true };
      const shuffled = await walk(e, params);
      assert.equal(shuffled.items.length, stable.items.length);
      const key = (x: RetailItem) => `${x.meterId}|${x.meterName}|${x.type}|${x.skuId}|${x.tierMinimumUnits}|${x.isPrimaryMeterRegion}`;
      assert.ok(new Set(shuffled.items.map(key)).size < stable.items.length, 'a $skip walk over a shifting order repeats and drops rows');

      e.settings.retailPrices = { ...knobs, throttleEvery: 1, throttleRetryAfterSeconds: 7 };
      const limited = await fetch(pricesUrl(e, params));
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '7');
      assert.equal((await jsonAs<RetailError>(limited)).Error.Code, 'TooManyRequests');
      e.settings.retailPrices = { ...knobs, throttleEvery: 1, throttleRetryAfterSeconds: null };
      const bare = await fetch(pricesUrl(e, params));
      assert.equal(bare.status, 429);
      assert.equal(bare.headers.get('retry-after'), null);
    } finally {
      e.settings.retailPrices = knobs;
    }
  });
});
