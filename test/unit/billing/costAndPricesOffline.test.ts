// Cost Management bodies and row mapping, retail prices paging/dedupe, budget rules — against
// answers written from the shapes in docs/azure-apis.md.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { budgetBody, BudgetRuleError } from '../../../src/billing/budgets';
import { costPath, costScopes, CostQueryError, forecastBody, forecastCost, queryBody, queryCost, queryDailyCost } from '../../../src/billing/costQuery';
import { sumByCurrency } from '../../../src/insight/moneyTotals';
import { listRetailPrices, retailPricesUrl, RetailPricesError } from '../../../src/billing/retailPrices';
import { parseBudget } from '../../../src/billing/models/budget';
import { FakeTransport } from './support/fakeTransport';

const notify = { enabled: true, operator: 'GreaterThan', threshold: 80, thresholdType: 'Actual', contactEmails: ['ops@contoso.com'], contactRoles: [], contactGroups: [] };

describe('cost query offline', () => {
  it('builds the documented body and checks its limits', () => {
    assert.deepEqual(
      queryBody({ period: { from: '2024-05-01', to: '2024-05-31' }, groupBy: [{ type: 'Dimension', name: 'ServiceName' }], filter: { tag: 'env', values: ['prod'] } }),
      {
        type: 'ActualCost',
        timeframe: 'Custom',
        timePeriod: { from: '2024-05-01T00:00:00Z', to: '2024-05-31T23:59:59Z' },
        dataset: {
          granularity: 'Daily',
          aggregation: { totalCost: { name: 'Cost', function: 'Sum' } },
          grouping: [{ type: 'Dimension', name: 'ServiceName' }],
          filter: { tags: { name: 'env', operator: 'In', values: ['prod'] } },
        },
      },
    );
    assert.deepEqual(queryBody({ granularity: 'None', timeframe: 'TheLastMonth' }), { type: 'ActualCost', timeframe: 'TheLastMonth', dataset: { aggregation: { totalCost: { name: 'Cost', function: 'Sum' } } } });
    const three = [1, 2, 3].map((i) => ({ type: 'Dimension' as const, name: `D${i}` }));
    assert.throws(() => queryBody({ groupBy: three }), /at most 2/);
    assert.throws(() => queryBody({ timeframe: 'Custom' }), CostQueryError);
    assert.throws(() => queryBody({ timeframe: 'MonthToDate', period: { from: '2024-05-01', to: '2024-05-02' } }), /only sent with the Custom/);
    assert.throws(() => queryBody({ period: { from: '2024-05-02', to: '2024-05-01' } }), /Swap the dates/);
    // A single and/or item stands alone; two are kept.
    assert.deepEqual(queryBody({ filter: { and: [{ dimension: 'ResourceGroupName', values: ['rg1'] }] } }).dataset, {
      granularity: 'Daily', aggregation: { totalCost: { name: 'Cost', function: 'Sum' } }, filter: { dimensions: { name: 'ResourceGroupName', operator: 'In', values: ['rg1'] } },
    });
    assert.throws(() => forecastBody({ period: { from: '2024-05-01', to: '2024-05-31' }, includeFreshPartialCost: true }), /together with includeActualCost/);
  });

  it('normalises the scope to one slash', () => {
    assert.equal(costPath('subscriptions/abc', 'query'), '/subscriptions/abc/providers/Microsoft.CostManagement/query');
    assert.equal(costPath('/subscriptions/abc/', 'forecast'), '/subscriptions/abc/providers/Microsoft.CostManagement/forecast');
    assert.equal(costScopes.billingProfile('a:b', 'P1'), 'providers/Microsoft.Billing/billingAccounts/a%3Ab/billingProfiles/P1');
  });

  it('maps rows by column name across pages whose column order differs, per currency', async () => {
    const t = new FakeTransport(() => ({
      pages: [
        { columns: [{ name: 'Cost', type: 'Number' }, { name: 'UsageDate', type: 'Number' }, { name: 'ServiceName', type: 'String' }, { name: 'Currency', type: 'String' }],
          rows: [[12.3456, 20240501, 'Storage', 'USD'], [3.5, 20240501, 'Virtual Machines', 'USD']] },
        { columns: [{ name: 'Currency', type: 'String' }, { name: 'ServiceName', type: 'String' }, { name: 'UsageDate', type: 'Number' }, { name: 'Cost', type: 'Number' }],
          rows: [['EUR', 'Storage', 20240502, 1.25], ['USD', 'Storage', 20240230, 9]] },
      ],
    }));
    const list = queryDailyCost(t, costScopes.subscription('s1'), { groupBy: [{ type: 'Dimension', name: 'ServiceName' }] });
    const { items } = await list.all();
    assert.deepEqual(items, [
      { date: '2024-05-01', cost: { amount: 12.3456, currency: 'USD' }, dimensions: { ServiceName: 'Storage' } },
      { date: '2024-05-01', cost: { amount: 3.5, currency: 'USD' }, dimensions: { ServiceName: 'Virtual Machines' } },
      { date: '2024-05-02', cost: { amount: 1.25, currency: 'EUR' }, dimensions: { ServiceName: 'Storage' } },
    ]);
    assert.equal(list.report.skippedRows.length, 1, 'the impossible 2024-02-30 row is reported, not summed');
    assert.deepEqual(sumByCurrency(items.map((r) => r.cost)), [{ amount: 1.25, currency: 'EUR' }, { amount: 15.8456, currency: 'USD' }]);
    assert.equal(t.calls[0].method, 'POST');
    assert.equal(t.calls[0].query['api-version'], '2023-11-01');
  });

  it('reads PreTaxCost, BillingMonth, TagKey/TagValue, quantity and forecast status; 204 is empty', async () => {
    const t = new FakeTransport((call) =>
      call.path.endsWith('/forecast')
        ? { pages: [{ columns: [{ name: 'PreTaxCost', type: 'Number' }, { name: 'UsageDate', type: 'Number' }, { name: 'CostStatus', type: 'String' }, { name: 'Currency', type: 'String' }], rows: [[5, 20240530, 'Actual', 'USD'], [6, 20240531, 'Forecast', 'USD']] }] }
        : call.path.includes('empty')
          ? { status: 204 }
          : { pages: [{ columns: [{ name: 'PreTaxCost', type: 'Number' }, { name: 'UsageQuantity', type: 'Number' }, { name: 'BillingMonth', type: 'Datetime' }, { name: 'TagKey', type: 'String' }, { name: 'TagValue', type: 'String' }, { name: 'Currency', type: 'String' }], rows: [[10, 4, '2024-05-01T00:00:00', 'env', 'prod', 'USD'], [2, 1, '2024-05-01T00:00:00', 'env', null, 'USD']] }] },
    );
    const monthly = await queryCost(t, 'subscriptions/s1', { metric: 'PreTaxCost', granularity: 'Monthly', includeQuantity: true, groupBy: [{ type: 'TagKey', name: 'env' }] }).all();
    assert.deepEqual(monthly.items[0], { month: '2024-05-01', cost: { amount: 10, currency: 'USD' }, quantity: 4, dimensions: { TagKey: 'env', TagValue: 'prod' } });
    assert.equal(monthly.items[1].dimensions.TagValue, undefined);
    const forecast = await forecastCost(t, 'subscriptions/s1', { metric: 'PreTaxCost', period: { from: '2024-05-30', to: '2024-05-31' }, includeActualCost: true }).all();
    assert.deepEqual(forecast.items.map((r) => [r.date, r.costStatus, r.cost.amount]), [['2024-05-30', 'Actual', 5], ['2024-05-31', 'Forecast', 6]]);
    assert.deepEqual((await queryCost(t, 'subscriptions/empty').all()).items, []);
  });
});

describe('retail prices offline', () => {
  const item = (meterId: string, tier = 0, price = 1) => ({ currencyCode: 'USD', isPrimaryMeterRegion: true, tierMinimumUnits: tier, retailPrice: price, unitPrice: price, armRegionName: 'eastus', meterId, meterName: 'B1s', skuId: 'S/1', type: 'Consumption', unitOfMeasure: '1 Hour', effectiveStartDate: '2025-10-01T00:00:00Z' });

  it('builds the URL with URLSearchParams, %20 spaces, currency outside the filter', () => {
    const url = new URL(retailPricesUrl('https://prices.example', { filter: { serviceName: 'Virtual Machines', armRegionName: 'eastus' }, currencyCode: 'EUR', primaryRegionOnly: true }));
    assert.equal(url.searchParams.get('api-version'), '2023-01-01-preview');
    assert.equal(url.searchParams.get('$filter'), "serviceName eq 'Virtual Machines' and armRegionName eq 'eastus'");
    assert.equal(url.searchParams.get('currencyCode'), 'EUR');
    assert.equal(url.searchParams.get('meterRegion'), "'primary'");
    assert.ok(!url.search.includes('+'), 'spaces are %20');
    assert.equal(url.toString().split('?').length, 2, 'exactly one question mark');
  });

  it('walks NextPageLink without a token, drops repeats, continues a full page that lost its link', async () => {
    const pages: Record<string, unknown> = {
      first: { BillingCurrency: 'USD', Items: [item('a'), item('b')], NextPageLink: 'https://prices.example:443/api/retail/prices?api-version=2023-01-01-preview&$skip=2', Count: 2 },
      skip2: { Items: [item('b'), item('c')], NextPageLink: null, Count: 2 },
      skip4: { Items: [item('d', 0), item('d', 100, 0.5)], Count: 2 },
      skip6: { Items: [item('e')], Count: 1 },
    };
    const t = new FakeTransport((call) => {
      const skip = new URL(call.path).searchParams.get('$skip');
      return { json: pages[skip ? `skip${skip}` : 'first'] };
    });
    const list = listRetailPrices(t, 'https://prices.example');
    const { items } = await list.all();
    assert.deepEqual(items.map((p) => `${p.meterId}@${p.tierMinimumUnits}`), ['a@0', 'b@0', 'c@0', 'd@0', 'd@100', 'e@0']);
    assert.equal(list.report.duplicatesDropped, 1);
    assert.equal(list.report.pagesRead, 4);
    assert.ok(t.calls.every((c) => c.method === 'BLOB'), 'every page through fetchUnauthenticated');
    assert.deepEqual(items[4].price, { amount: 0.5, currency: 'USD' });
  });

  it('surfaces the PascalCase error body', async () => {
    const t = new FakeTransport(() => ({ status: 400, json: { Error: { Code: 'BadRequest', Message: 'Unsupported API version' } } }));
    await assert.rejects(listRetailPrices(t, 'https://prices.example', { apiVersion: '2023-01-01' }).all(), (e) => e instanceof RetailPricesError && e.status === 400 && /Unsupported API version/.test(e.message));
  });

  it('an error body that quotes a signed link gives an error without the signature', async () => {
    const t = new FakeTransport(() => ({ status: 403, json: { Error: { Code: 'Forbidden', Message: 'Refused https://cache.blob.core.windows.net/p/page.json?sv=1&sig=quoted5ig' } } }));
    await assert.rejects(listRetailPrices(t, 'https://prices.example').all(), (e) => e instanceof RetailPricesError && /Refused https:\/\/cache\.blob\.core\.windows\.net\/p\/page\.json/.test(e.message) && !e.message.includes('quoted5ig'));
  });
});

describe('budgets offline', () => {
  it('builds the PUT body and enforces the documented rules', () => {
    const body = budgetBody({ amount: 100.65, timeGrain: 'Monthly', startDate: '2026-12-01', notifications: { Actual_GreaterThan_80_Percent: notify }, eTag: '"1d34"' }, new Date('2026-11-15T00:00:00Z'));
    assert.deepEqual(body, {
      eTag: '"1d34"',
      properties: {
        category: 'Cost', amount: 100.65, timeGrain: 'Monthly', timePeriod: { startDate: '2026-12-01T00:00:00Z' },
        notifications: { Actual_GreaterThan_80_Percent: { enabled: true, operator: 'GreaterThan', threshold: 80, thresholdType: 'Actual', contactEmails: ['ops@contoso.com'] } },
      },
    });
    const asOf = new Date('2026-11-15T00:00:00Z');
    const base = { amount: 10, timeGrain: 'Monthly' as const, startDate: '2026-12-01', notifications: {} };
    assert.throws(() => budgetBody({ ...base, startDate: '2026-12-15' }, asOf), /first day of a month.*2026-12-01/);
    assert.throws(() => budgetBody({ ...base, startDate: '2017-05-01' }, asOf), /before 2017-06-01/);
    assert.throws(() => budgetBody({ ...base, startDate: '2028-01-01' }, asOf), /12 months ahead/);
    assert.throws(() => budgetBody({ ...base, notifications: { a: { ...notify, threshold: 0.8 * 2000 } } }, asOf), /percentage from 0 to 1000/);
    assert.throws(() => budgetBody({ ...base, notifications: Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`n${i}`, notify])) }, asOf), /at most 5/);
    assert.throws(() => budgetBody({ ...base, notifications: { a: { ...notify, contactEmails: [] } } }, asOf), BudgetRuleError);
  });

  it('reads a budget with spend in `amount` + `unit`', () => {
    const b = parseBudget({ id: '/subscriptions/s/providers/Microsoft.Consumption/budgets/b1', name: 'b1', eTag: '"x"', properties: { category: 'Cost', amount: 100, timeGrain: 'Monthly', timePeriod: { startDate: '2024-06-01T00:00:00Z', endDate: '2025-05-31T00:00:00Z' }, currentSpend: { amount: 80.5, unit: 'USD' }, notifications: { n: notify } } });
    assert.deepEqual(b.currentSpend, { amount: 80.5, currency: 'USD' });
    assert.equal(b.startDate, '2024-06-01');
    assert.equal(b.notifications.n.threshold, 80);
    assert.equal(b.eTag, '"x"');
  });
});
