// The tree's descriptions at a 300 px sidebar: the decisive fact first and short.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountDescription, creditsDescription, invoiceDescription, joinDescription, LotWords, lotDescription, profileDescription, subscriptionDescription } from '../../../src/views/explorer/treeDescriptions';

const words: LotWords = {
  left: (a) => `${a} left`,
  of: (a) => `of ${a}`,
  expired: 'expired',
  usedUp: 'used up',
  expiresIn: (d) => `⚠ expires in ${d} days`,
  expires: (d) => `expires ${d}`,
};
const korean: LotWords = { left: (a) => `${a} 남음`, of: (a) => `총 ${a}`, expired: '만료됨', usedUp: '소진됨', expiresIn: (d) => `⚠ ${d}일 후 만료`, expires: (d) => `${d} 만료` };

test('a credit lot: what is left and its state before the original amount', () => {
  assert.equal(lotDescription({ remaining: '€0.00', original: '€1,455.40', state: 'expired', expiry: 'Mar 1, 2026' }, words), '€0.00 left · expired · of €1,455.40');
  assert.equal(lotDescription({ remaining: '$120.00', original: '$500.00', state: 'expiringSoon', daysLeft: 12, expiry: 'Dec 19, 2026' }, words), '$120.00 left · ⚠ expires in 12 days · of $500.00');
  assert.equal(lotDescription({ remaining: '$300.00', original: '$500.00', state: 'active', expiry: 'Jun 30, 2027' }, words), '$300.00 left · expires Jun 30, 2027 · of $500.00');
  assert.equal(lotDescription({ remaining: '$0.00', original: '$500.00', state: 'usedUp' }, words), '$0.00 left · used up · of $500.00');
  assert.equal(lotDescription({ state: 'other' }, words), '');
  assert.equal(lotDescription({ remaining: '€0.00', original: '€1,455.40', state: 'expired' }, korean), '€0.00 남음 · 만료됨 · 총 €1,455.40');
});

test('a billing profile: its trouble before its currency, and just the currency when all is well', () => {
  assert.equal(profileDescription({ trouble: 'Past due', currency: 'EUR' }), 'Past due · EUR');
  assert.equal(profileDescription({ currency: 'USD' }), 'USD');
});

test('Credits: the current balance first and alone, the estimate only when it differs', () => {
  const w = { estimated: (a: string) => `est. ${a}`, none: 'no balance reported' };
  assert.equal(creditsDescription({ current: '€120.00', estimated: '€80.00' }, w), '€120.00 · est. €80.00');
  assert.equal(creditsDescription({ current: '€120.00', estimated: '€120.00' }, w), '€120.00');
  assert.equal(creditsDescription({ estimated: '€80.00' }, w), 'est. €80.00');
  assert.equal(creditsDescription({}, w), 'no balance reported');
});

test('descriptions stay short enough for the default sidebar', () => {
  // About 40 characters fit beside a short label in a 300 px sidebar at the default font.
  const lot = lotDescription({ remaining: '€1,455.40', original: '€12,000.00', state: 'expiringSoon', daysLeft: 88 }, words);
  assert.ok(lot.startsWith('€1,455.40 left · ⚠'), lot);
  assert.equal(joinDescription('a', undefined, false, '', 'a', 'b'), 'a · b');
});

test('a billing account: its trouble before its agreement, and just the agreement when all is well', () => {
  assert.equal(accountDescription({ agreement: 'MCA' }), 'MCA');
  assert.equal(accountDescription({ trouble: 'Disabled', agreement: 'EA' }), 'Disabled · EA');
});

test('an invoice: the amount, then the due date only while it is due, else its status', () => {
  const due = (d: string) => `due ${d}`;
  assert.equal(invoiceDescription({ amount: '$4,591.04', status: 'Due', dueDate: 'Jan 5, 2027' }, { due, status: 'Due' }), '$4,591.04 · due Jan 5, 2027');
  assert.equal(invoiceDescription({ amount: '$0.00', status: 'Paid', dueDate: 'Dec 5, 2026' }, { due, status: 'Paid' }), '$0.00 · Paid');
  assert.equal(invoiceDescription({ amount: '$812.00', status: 'OverDue', dueDate: 'Nov 5, 2026' }, { due, status: 'Overdue' }), '$812.00 · Overdue');
  assert.equal(invoiceDescription({ amount: '-$565.48', status: 'Paid' }, { due, status: 'Paid', creditNote: 'Credit note' }), '-$565.48 · Paid · Credit note');
  assert.equal(invoiceDescription({ amount: '$10.00', status: 'Due' }, { due, status: 'Due' }), '$10.00 · Due');
});

test('a subscription: its trouble first, the month so far after; all well, just the month', () => {
  assert.equal(subscriptionDescription({ monthToDate: '$12.30 this month' }), '$12.30 this month');
  assert.equal(subscriptionDescription({ trouble: 'Disabled', monthToDate: '$0.00 this month' }), 'Disabled · $0.00 this month');
  assert.equal(subscriptionDescription({}), '');
});
