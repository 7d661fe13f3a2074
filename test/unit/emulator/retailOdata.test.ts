// The retail API's $filter as clients meet it: operators, case rules per api-version, the 400s for
// not() / lambdas / unknown price types, parameters that are ignored or only match item fields,
// and $top / $orderby misuse.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import { evaluate, ODataError, parseFilter } from '../../emulator/routes/retail/odata';
import { jsonAs, useEmulator } from '../../support/emulator';
import type { RetailError, RetailPage } from '../../support/wireShapes';


const PREVIEW = '2023-01-01-preview';

/** A page, or `RetailError` where the caller expects a 400. */
async function get<T = RetailPage>(e: Emulator, params: Record<string, string>): Promise<{ status: number; body: T }> {
  const q = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  const res = await fetch(`${e.baseUrl}/api/retail/prices?${q}`);
  return { status: res.status, body: await jsonAs<T>(res) };
}

/** Count of matching items (one large page). */
async function count(e: Emulator, filter: string, apiVersion = PREVIEW): Promise<number> {
  const r = await get(e, { 'api-version': apiVersion, $filter: filter });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.NextPageLink, null, 'the filter fits one page');
  return r.body.Count;
}

const item = { serviceName: 'Virtual Machines', meterName: 'D2s v3 Spot', armRegionName: 'eastus', type: 'Consumption', tierMinimumUnits: 0, isPrimaryMeterRegion: true, retailPrice: 0.02, effectiveStartDate: '2021-03-01T00:00:00Z' };

describe('retail $filter evaluator', () => {
  const yes = (f: string, cs = true) => assert.equal(evaluate(parseFilter(f), item, cs), true, f);
  const no = (f: string, cs = true) => assert.equal(evaluate(parseFilter(f), item, cs), false, f);

  it('handles eq, ne, and, or, parentheses, numbers and booleans, with field names in any case', () => {
    yes("serviceName eq 'Virtual Machines' and armRegionName eq 'eastus'");
    yes("ARMREGIONNAME eq 'westus' or (priceType eq 'Consumption' and tierMinimumUnits eq 0)");
    no("serviceName ne 'Virtual Machines'");
    yes('isPrimaryMeterRegion eq true and retailPrice lt 0.1');
    yes("effectiveStartDate ge '2021-01-01T00:00:00Z'");
    no("reservationTerm eq '1 Year'", true);
  });

  it('handles contains() alone and compared with false', () => {
    yes("contains(meterName, 'Spot')");
    no("contains(meterName, 'Spot') eq false");
    yes("contains(meterName, 'Low Priority') eq false");
  });

  it('matches values exactly when case-sensitive (2023-01-01-preview), loosely otherwise', () => {
    no("serviceName eq 'virtual machines'", true);
    yes("serviceName eq 'virtual machines'", false);
    no("contains(meterName, 'spot')", true);
    yes("contains(meterName, 'spot')", false);
  });

  it('refuses not(), lambdas, unknown fields and price types, and broken syntax', () => {
    const refused = (f: string, message: string) => assert.throws(() => parseFilter(f), (e: unknown) => e instanceof ODataError && e.message === message, f);
    refused("not(contains(meterName, 'Spot'))", 'Invalid OData parameters supplied');
    refused("savingsPlan/any(t: t/term eq '1 Year')", 'Invalid parameters supplied');
    refused("colour eq 'blue'", 'Invalid OData parameters supplied');
    refused("priceType eq 'OnDemand'", 'Invalid OData parameters supplied');
    refused("priceType eq 'Spot'", 'Invalid OData parameters supplied');
    refused("serviceName eq 'Virtual Machines' and", 'Invalid OData parameters supplied');
    refused("serviceName eq 'unterminated", 'Invalid OData parameters supplied');
    assert.doesNotThrow(() => parseFilter("priceType eq 'SavingsPlan'"));
  });
});

describe('emulator: retail $filter over HTTP', () => {
  const emu = useEmulator();

  it('answers 400 in the retail error shape for not() and lambdas, 200 with no rows for SavingsPlan', async () => {
    const e = emu();
    const not = await get(e, { 'api-version': PREVIEW, $filter: "not(serviceName eq 'Storage')" });
    assert.equal(not.status, 400);
    assert.deepEqual(not.body, { Error: { Code: 'BadRequest', Message: 'Invalid OData parameters supplied' } });
    const lambda = await get<RetailError>(e, { 'api-version': PREVIEW, $filter: "savingsPlan/any(t: t/term eq '1 Year')" });
    assert.equal(lambda.status, 400);
    assert.equal(lambda.body.Error.Message, 'Invalid parameters supplied');
    assert.equal(await count(e, "priceType eq 'SavingsPlan'"), 0);
  });

  it('is case-sensitive on values only on 2023-01-01-preview', async () => {
    const e = emu();
    const exact = await count(e, "serviceName eq 'Azure DNS'");
    assert.ok(exact > 0);
    assert.equal(await count(e, "serviceName eq 'azure dns'"), 0);
    assert.equal(await count(e, "serviceName eq 'azure dns'", '2021-10-01-preview'), exact);
  });

  it('treats currencyCode inside $filter as an item field (USD matches, EUR matches nothing) and ignores unknown parameters', async () => {
    const e = emu();
    const base = "serviceName eq 'Azure DNS'";
    const n = await count(e, base);
    assert.equal(await count(e, `${base} and currencyCode eq 'USD'`), n);
    assert.equal(await count(e, `${base} and currencyCode eq 'EUR'`), 0);
    const ignored = await get(e, { 'api-version': PREVIEW, $filter: base, armRegionName: 'westus' });
    assert.equal(ignored.body.Count, n);
  });

  it('decrements $top in NextPageLink until it goes negative and is refused; refuses a multi-field $orderby', async () => {
    const e = emu();
    const knobs = e.settings.retailPrices;
    e.settings.retailPrices = { ...knobs, pageSize: 2 };
    try {
      const first = await get(e, { 'api-version': PREVIEW, $filter: "serviceName eq 'Storage'", $top: '2' });
      assert.equal(first.status, 200);
      const second = await fetch(first.body.NextPageLink ?? '');
      assert.match(first.body.NextPageLink ?? '', /\$top=0/);
      const secondBody = await jsonAs<RetailPage>(second);
      assert.match(secondBody.NextPageLink ?? '', /\$top=-2/);
      const third = await fetch(secondBody.NextPageLink ?? '');
      assert.equal(third.status, 400);
    } finally {
      e.settings.retailPrices = knobs;
    }
    const ordered = await get(e, { 'api-version': PREVIEW, $filter: "serviceName eq 'Storage'", $orderby: 'retailPrice desc' });
    assert.equal(ordered.status, 200);
    const prices = ordered.body.Items.map((x) => x.retailPrice);
    assert.deepEqual(prices, [...prices].sort((a, b) => b - a));
    const multi = await get(e, { 'api-version': PREVIEW, $orderby: 'meterName,retailPrice' });
    assert.equal(multi.status, 400);
  });
});
