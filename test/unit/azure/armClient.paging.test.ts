// Lists follow every continuation docs/azure-apis.md#paging names and stop on
// every form of "last page"; Cost Management pages are fetched by POSTing the same body again.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ok } from '../../emulator/arm';
import { collect, failureOf, testClient, useRoutedEmulator } from './clientFixture';
import { itemsUpTo, TEST_API } from './testRoutes';

const q = { query: { 'api-version': TEST_API } };

describe('ArmClient: paging', () => {
  const ready = useRoutedEmulator((emu) =>
    // A broken service that hands back the page it was asked for as its own continuation.
    emu.router.add({ method: 'GET', path: '/providers/Test.Client/loop', apiVersions: [TEST_API], auth: 'arm', handler: (req) => ok({ value: [1], nextLink: req.url.toString() }) }),
  );

  for (const lastPage of ['absent', 'null', 'empty'] as const) {
    it(`7 items in pages of 3 whose last page has nextLink ${lastPage}: all 7, in 3 requests`, async () => {
      const { client, recorder } = testClient(ready());
      const list = client.list<{ id: string; n: number }>(`/providers/Test.Client/items/7/3/${lastPage}`, q);
      assert.deepEqual(await collect(list), itemsUpTo(7));
      assert.equal(recorder.count, 3);
      assert.equal(list.report.pages, 3);
      assert.equal(list.truncated, false);
      client.dispose();
    });
  }

  it('fetches a nextLink verbatim, even when it carries another api-version', async () => {
    const { client, recorder } = testClient(ready());
    await collect(client.list('/providers/Test.Client/items/4/2/absent', q));
    const second = new URL(recorder.events[1].url);
    assert.deepEqual(second.searchParams.getAll('api-version'), ['2018-01-31']);
    assert.ok(second.searchParams.get('$skiptoken'));
    client.dispose();
  });

  it('reads price-sheet style pages whose items and nextLink sit in "properties"', async () => {
    const { client, recorder } = testClient(ready());
    assert.deepEqual(await collect(client.list('/providers/Test.Client/pricesheet', { ...q, paging: 'properties' })), itemsUpTo(5));
    assert.equal(recorder.count, 3);
    client.dispose();
  });

  it('stops at maxItems, says the list was cut short, and fetches no page it does not need', async () => {
    const { client, recorder } = testClient(ready());
    const list = client.list('/providers/Test.Client/items/10/3/absent', { ...q, maxItems: 4 });
    assert.deepEqual(await collect(list), itemsUpTo(4));
    assert.equal(list.truncated, true);
    assert.equal(recorder.count, 2);
    client.dispose();
  });

  it('calls a list cut short only when items were left: maxItems equal to its length is the whole list', async () => {
    const { client, recorder } = testClient(ready());
    const whole = client.list('/providers/Test.Client/items/6/3/null', { ...q, maxItems: 6 });
    assert.equal((await collect(whole)).length, 6);
    assert.equal(whole.truncated, false);
    recorder.clear();
    const firstPage = client.list('/providers/Test.Client/items/6/3/null', { ...q, maxItems: 3 });
    assert.equal((await collect(firstPage)).length, 3);
    assert.equal(firstPage.truncated, true, 'a nextLink followed item 3');
    assert.equal(recorder.count, 1);
    client.dispose();
  });

  it('POSTs the same query body to properties.nextLink until the rows run out', async () => {
    const { client, recorder } = testClient(ready());
    const pages = await collect(client.queryPages('/providers/Test.Client/query', { type: 'ActualCost' }, q));
    assert.equal(pages.length, 3);
    assert.deepEqual(pages.map((p) => p.rows.length), [3, 3, 1]);
    assert.deepEqual(pages[0].columns.map((c) => c.name), ['Cost', 'UsageDate', 'Currency']);
    // Costs are 1.5 × n for n = 0…6: 1.5 × 21 = 31.5 in all.
    const total = pages.flatMap((p) => p.rows).reduce((sum, row) => sum + (row[0] as number), 0);
    assert.equal(total, 31.5);
    assert.ok(recorder.events.every((e) => e.method === 'POST' && e.status === 200));
    client.dispose();
  });

  it('stops with invalidResponse when a service repeats a nextLink instead of paging forever', async () => {
    const { client, recorder } = testClient(ready());
    const error = await failureOf(collect(client.list('/providers/Test.Client/loop', q)));
    assert.equal(error.kind, 'invalidResponse');
    assert.ok(recorder.count <= 3);
    client.dispose();
  });

  it('treats a list answered 204 as empty', async () => {
    const e = ready();
    e.faults.add({ kind: 'empty', path: 'Test.Client/query', times: 1 });
    const { client } = testClient(e);
    assert.deepEqual(await collect(client.queryPages('/providers/Test.Client/query', { type: 'ActualCost' }, q)), []);
    client.dispose();
  });
});
