import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedFromString as d, fixedToString } from '../../../src/insight/fixedDecimal';
import { convertQuantity, parseUnit } from '../../../src/insight/units';

const convert = (q: string, from: string, to: string) => {
  const r = convertQuantity(d(q), from, to);
  return r === undefined ? undefined : fixedToString(r);
};

test('the same unit spelled the way each API spells it converts one to one', () => {
  assert.equal(convert('7', '10,000s', '10K'), '7');
  assert.equal(convert('7', 'Hours', '1 Hour'), '7');
  assert.equal(convert('7', 'GB', '1 GB/Month'), '7');
  assert.equal(convert('7', '1M', '1,000,000'), '7');
  assert.equal(convert('7', 'Disks', '1/Month'), '7');
});

test('packs of different sizes convert by their ratio', () => {
  assert.equal(convert('250', 'Hours', '100 Hours'), '2.5');
  assert.equal(convert('3', '10K', '1'), '30000');
  assert.equal(convert('1', '1 Hour', '10 Hours'), '0.1');
});

test('different things do not convert', () => {
  assert.equal(convert('1', 'Hours', '1 GB'), undefined);
  assert.equal(convert('1', 'GB', '1 TB'), undefined);
});

test('parsed units expose their factor and base', () => {
  const u = parseUnit('10K Transactions');
  assert.equal(fixedToString(u.factor), '10000');
  assert.equal(u.base, 'transaction');
});
