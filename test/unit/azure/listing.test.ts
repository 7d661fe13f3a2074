// The one list type: how it says a list was cut short and why, and that what it learned belongs to
// one reading. Items are counted by hand; the sources are plain generators, so nothing else moves.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { listing, listingOf } from '../../../src/azure/listing';

/** 1…n, and how many items the reader pulled out of the source. */
function numbers(n: number) {
  const pulled = { count: 0 };
  // eslint-disable-next-line @typescript-eslint/require-await -- a listing's source is async; these items are in hand
  const source = async function* () {
    for (let i = 1; i <= n; i++) {
      pulled.count++;
      yield i;
    }
  };
  return { source, pulled };
}

describe('Listing', () => {
  it('cut by maxItems: the items up to it, truncated because of maxItems, one item read past it as proof', async () => {
    const { source, pulled } = numbers(10);
    const result = await listing(source, { maxItems: 4 }).all();
    assert.deepEqual(result.items, [1, 2, 3, 4]);
    assert.equal(result.truncated, true);
    assert.equal(result.truncation, 'maxItems');
    assert.equal(pulled.count, 5);
  });

  it('maxItems equal to the length is the whole list, not a truncated one', async () => {
    const result = await listing(numbers(4).source, { maxItems: 4 }).all();
    assert.deepEqual(result.items, [1, 2, 3, 4]);
    assert.equal(result.truncated, false);
    assert.equal(result.truncation, undefined);
  });

  it('items the service said it left out make the list truncated by the service, whatever maxItems', async () => {
    const inline = listingOf(['a', 'b'], true);
    assert.deepEqual(await inline.all(), { items: ['a', 'b'], truncated: true, truncation: 'service', report: {} });
    const whole = listingOf(['a', 'b']);
    assert.deepEqual(await whole.all(), { items: ['a', 'b'], truncated: false, report: {} });
  });

  it('the report belongs to one reading: reading again starts it afresh', async () => {
    const rows = ['1', 'x', '2', 'y'];
    // eslint-disable-next-line @typescript-eslint/require-await -- a listing's source is async; these rows are in hand
    const list = listing<number, { unreadable: string[] }>(async function* ({ report }) {
      for (const row of rows) {
        const n = Number(row);
        if (Number.isNaN(n)) {report.unreadable.push(row);}
        else {yield n;}
      }
    }, {}, () => ({ unreadable: [] }));
    assert.deepEqual((await list.all()).report, { unreadable: ['x', 'y'] });
    rows.push('z');
    const again = await list.all();
    assert.deepEqual(again.items, [1, 2]);
    assert.deepEqual(again.report, { unreadable: ['x', 'y', 'z'] });
    assert.deepEqual(list.report, { unreadable: ['x', 'y', 'z'] });
  });

  it('refuses a maxItems that is not a whole number ≥ 0', () => {
    assert.throws(() => listing(numbers(1).source, { maxItems: -1 }), RangeError);
    assert.throws(() => listing(numbers(1).source, { maxItems: 1.5 }), RangeError);
  });
});
