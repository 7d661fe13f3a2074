import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysLeft, lotExpiryState } from '../../../src/views/explorer/lotExpiry';
import { ListCursor } from '../../../src/azure/listCursor';
import { sortedAfterReading } from '../../../src/azure/listing';
import { portalResourceUrl, portalSubscriptionUrl } from '../../../src/views/explorer/portalLinks';
import { lastTwelveMonths, newestFirst } from '../../../src/views/explorer/recentWindow';

/** A list that records how far it was read, like a paged ARM list would be. */
function countingList(total: number) {
  const state = { read: 0, opened: 0, aborted: 0 };
  const open = (signal: AbortSignal) => {
    state.opened++;
    signal.addEventListener('abort', () => state.aborted++);
    return (async function* () {
      for (let i = 1; i <= total; i++) {
        await new Promise((r) => setImmediate(r));
        state.read = i;
        yield i;
      }
    })();
  };
  return { open, state };
}

describe('Load more: ListCursor', () => {
  it('shows a page at a time and knows there is more by reading one item ahead', async () => {
    const list = countingList(7);
    const pager = new ListCursor(list.open, 3);
    assert.deepEqual([...(await pager.first())], [1, 2, 3]);
    assert.equal(pager.hasMore, true);
    assert.equal(list.state.read, 4, 'one item read ahead, not the whole list');
    assert.deepEqual([...(await pager.more())], [1, 2, 3, 4, 5, 6]);
    assert.equal(pager.hasMore, true);
    assert.deepEqual([...(await pager.more())], [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(pager.hasMore, false);
    assert.equal(list.state.opened, 1, 'the list was opened once and followed');
  });

  it('says there is no more when the list ends exactly at a page boundary', async () => {
    const pager = new ListCursor(countingList(3).open, 3);
    assert.deepEqual([...(await pager.first())], [1, 2, 3]);
    assert.equal(pager.hasMore, false);
  });

  it('a cancelled page ends the list under it, and the next read starts over', async () => {
    const list = countingList(100);
    const pager = new ListCursor(list.open, 50);
    const controller = new AbortController();
    const pending = pager.first(controller.signal);
    setImmediate(() => controller.abort());
    await assert.rejects(pending, (e: Error) => e.name === 'AbortError');
    assert.equal(list.state.aborted, 1, 'the list request was cancelled');
    assert.ok(list.state.read < 50);
    assert.deepEqual([...(await pager.more())].slice(0, 3), [1, 2, 3]);
    assert.equal(list.state.opened, 2);
  });

  it('a failing list fails the page and is opened again next time', async () => {
    let attempts = 0;
    const pager = new ListCursor(() => {
      attempts++;
      return (async function* () {
        yield 1;
        if (attempts === 1) throw new Error('503');
        yield 2;
      })();
    }, 5);
    await assert.rejects(pager.first(), /503/);
    assert.deepEqual([...(await pager.first())], [1, 2]);
  });

  it('orders a list newest first after reading all of it', async () => {
    const items = [
      { name: 'b', date: '2026-03-01' },
      { name: 'a', date: '2026-05-01' },
      { name: 'c', date: '2026-03-01' },
      { name: 'd', date: undefined },
    ];
    const out: string[] = [];
    for await (const i of sortedAfterReading((async function* () { yield* items; })(), newestFirst((x: (typeof items)[0]) => x.date, (x) => x.name))) out.push(i.name);
    assert.deepEqual(out, ['a', 'c', 'b', 'd']);
  });
});

describe('credit lot expiry', () => {
  const asOf = new Date('2026-11-15T12:00:00Z');
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const money = (amount: number) => ({ amount });

  it('marks an active lot with money left that expires within 90 days', () => {
    assert.equal(lotExpiryState({ status: 'Active', expirationDate: day('2027-02-01'), closedBalance: money(10) }, asOf), 'expiringSoon');
    assert.equal(daysLeft({ expirationDate: day('2027-02-01') }, asOf), 78);
    assert.equal(lotExpiryState({ status: 'Active', expirationDate: day('2027-02-13'), closedBalance: money(10) }, asOf), 'expiringSoon', 'day 90 is within');
    assert.equal(lotExpiryState({ status: 'Active', expirationDate: day('2027-02-14'), closedBalance: money(10) }, asOf), 'active', 'day 91 is not');
  });

  it('does not mark expired, used-up or future lots as expiring', () => {
    assert.equal(lotExpiryState({ status: 'Expired', expirationDate: day('2026-10-01'), closedBalance: money(0) }, asOf), 'expired');
    assert.equal(lotExpiryState({ status: 'Active', expirationDate: day('2026-11-01'), closedBalance: money(5) }, asOf), 'expired', 'past its date whatever the status says');
    assert.equal(lotExpiryState({ status: 'Complete', expirationDate: day('2027-01-01'), closedBalance: money(0) }, asOf), 'usedUp');
    assert.equal(lotExpiryState({ status: 'Active', expirationDate: day('2027-01-01'), closedBalance: money(0) }, asOf), 'usedUp');
    assert.equal(lotExpiryState({ status: 'Active', startDate: day('2026-12-01'), expirationDate: day('2027-01-01'), closedBalance: money(5) }, asOf), 'other');
    assert.equal(lotExpiryState({ status: 'SomethingNew', expirationDate: day('2028-01-01'), closedBalance: money(5) }, asOf), 'active', 'an unknown status is shown, not crashed on');
  });
});

describe('portal links', () => {
  const id = '/providers/Microsoft.Billing/billingAccounts/1111:2222_2019-05-31/billingProfiles/AB-CD';
  it('opens the resource in the portal of the cloud, in its directory', () => {
    assert.equal(portalResourceUrl('AzureCloud', 't-1', id), `https://portal.azure.com/#@t-1/resource${id}`);
    assert.ok(portalResourceUrl('AzureChinaCloud', 't-1', id).startsWith('https://portal.azure.cn/#@t-1/resource/providers/'));
    assert.ok(portalResourceUrl('AzureUSGovernment', 't-1', id).startsWith('https://portal.azure.us/#@t-1/resource/providers/'));
    assert.ok(portalResourceUrl('Custom', 't-1', id).startsWith('https://portal.azure.com/'));
    assert.equal(portalSubscriptionUrl('AzureUSGovernment', 't', 'abc'), 'https://portal.azure.us/#@t/resource/subscriptions/abc/overview');
  });

  it('keeps a hostile id from changing the host or escaping the fragment', () => {
    const url = new URL(portalResourceUrl('AzureCloud', 't', '/providers/x/invoices/a b?x=1#y@evil.com'));
    assert.equal(url.host, 'portal.azure.com');
    assert.doesNotMatch(url.hash, /[?#]y@/);
  });
});

describe('the last 12 months', () => {
  it('is 365 days ending today, inside what the events API accepts', () => {
    assert.deepEqual(lastTwelveMonths(new Date('2026-11-15T23:59:00Z')), { from: '2025-11-16', to: '2026-11-15' });
    assert.deepEqual(lastTwelveMonths(new Date('2024-02-29T00:00:00Z')), { from: '2023-03-02', to: '2024-02-29' });
  });
});
