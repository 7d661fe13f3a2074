// What-if needs from the emulator: the same meter ids in RateCard and retail prices, regions where
// the same meter costs more, regions where some meters are not sold at all, offers with different
// terms (a Dev/Test price, a monthly credit) and refused EA / CSP offers.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import type { RetailItem } from '../../emulator/world/usage/retailCatalogue';
import { armFetch, useEmulator } from '../../support/emulator';

interface CardMeter { MeterId: string; MeterSubCategory: string; MeterRegion: string; MeterRates: Record<string, number> }
interface CardBody { Meters: CardMeter[]; OfferTerms: Array<{ Name: string; Credit?: number }>; code?: string }

async function retail(e: Emulator, filter: string): Promise<RetailItem[]> {
  let url: string | null = `${e.baseUrl}/api/retail/prices?api-version=2023-01-01-preview&$filter=${encodeURIComponent(filter)}`;
  const items: RetailItem[] = [];
  while (url) {
    const page = (await (await fetch(url)).json()) as { Items: RetailItem[]; NextPageLink: string | null };
    items.push(...page.Items);
    url = page.NextPageLink;
  }
  return items;
}

async function rateCard(e: Emulator, offer: string): Promise<{ status: number; body: CardBody }> {
  const sub = e.world.subscriptions.find((s) => s.offerId === 'MS-AZR-0003P')!;
  const filter = `OfferDurableId eq '${offer}' and Currency eq 'USD' and Locale eq 'en-US' and RegionInfo eq 'US'`;
  const first = await armFetch(e, `/subscriptions/${sub.subscriptionId}/providers/Microsoft.Commerce/RateCard?api-version=2015-06-01-preview&$filter=${encodeURIComponent(filter)}`, { redirect: 'manual' });
  if (first.status !== 302) { return { status: first.status, body: (await first.json()) as CardBody }; }
  const blob = await fetch(first.headers.get('location')!);
  return { status: blob.status, body: (await blob.json()) as CardBody };
}

describe('emulator: what-if world', () => {
  const emu = useEmulator();

  it('prices the same product in several regions, differently, and leaves some meters out of some regions', async () => {
    const e = emu();
    const d2s = await retail(e, "serviceName eq 'Virtual Machines' and skuName eq 'D2s v3' and priceType eq 'Consumption' and productName eq 'Virtual Machines Dsv3 Series'");
    const byRegion = new Map(d2s.filter((i) => i.isPrimaryMeterRegion).map((i) => [i.armRegionName, i.retailPrice]));
    for (const region of ['eastus', 'westeurope', 'japaneast', 'koreacentral', 'brazilsouth']) { assert.ok(byRegion.has(region), region); }
    assert.ok(byRegion.get('brazilsouth')! > byRegion.get('westeurope')!, 'Brazil costs more than Europe');
    const app = await retail(e, "serviceName eq 'Azure App Service' and priceType eq 'Consumption'");
    assert.ok(app.some((i) => i.armRegionName === 'eastus'));
    assert.ok(!app.some((i) => i.armRegionName === 'koreacentral'), 'App Service is not sold in koreacentral');
    const sql = await retail(e, "serviceName eq 'SQL Database' and armRegionName eq 'brazilsouth'");
    assert.equal(sql.length, 0, 'SQL Database is not sold in brazilsouth');
    const e16 = await retail(e, "armRegionName eq 'koreacentral' and contains(productName,'Ev3')");
    assert.equal(e16.length, 0, 'Ev3 sizes are not sold in koreacentral');
  });

  it('RateCard and retail prices share meter ids; offers differ in price and terms; EA and CSP are refused', async () => {
    const e = emu();
    const payg = await rateCard(e, 'MS-AZR-0003P');
    const devTest = await rateCard(e, 'MS-AZR-0023P');
    const vse = await rateCard(e, 'MS-AZR-0063P');
    const sponsored = await rateCard(e, 'MS-AZR-0036P');
    assert.equal(payg.status, 200);
    const windows = payg.body.Meters.find((m) => m.MeterSubCategory.endsWith('Windows') && m.MeterRegion === 'KR Central')!;
    const retailRow = (await retail(e, `meterId eq '${windows.MeterId}'`)).find((i) => i.type === 'Consumption')!;
    assert.equal(retailRow.armRegionName, 'koreacentral');
    assert.equal(retailRow.retailPrice, windows.MeterRates['0']);
    const devTestWindows = devTest.body.Meters.find((m) => m.MeterId === windows.MeterId)!;
    assert.ok(devTestWindows.MeterRates['0'] < windows.MeterRates['0'], 'Dev/Test pays no Windows licence');
    assert.deepEqual(payg.body.OfferTerms, []);
    assert.equal(vse.body.OfferTerms[0].Name, 'Monetary Credit');
    assert.equal(vse.body.OfferTerms[0].Credit, 150);
    assert.equal(sponsored.body.OfferTerms[0].Credit, 5000);
    assert.equal((await rateCard(e, 'MS-AZR-0017P')).body.code, 'OfferNotSupported');
    assert.equal((await rateCard(e, 'MS-AZR-0145P')).status, 400);
  });

  it('lists 1- and 3-year reservations and savings plans for some virtual machine meters only', async () => {
    const e = emu();
    const reservations = await retail(e, "priceType eq 'Reservation' and armRegionName eq 'eastus'");
    assert.deepEqual([...new Set(reservations.map((r) => r.reservationTerm))].sort(), ['1 Year', '3 Years']);
    const consumption = await retail(e, "serviceName eq 'Virtual Machines' and armRegionName eq 'eastus' and priceType eq 'Consumption'");
    const withPlan = consumption.filter((i) => Array.isArray(i.savingsPlan) && i.savingsPlan.length > 0);
    assert.ok(withPlan.length > 0 && withPlan.length < consumption.length);
  });
});
