import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scopeFromArgument, scopeKey } from '../../../src/views/usagePanel/usageScope';

test('the explorer\'s subscription node opens the panel for its subscription and tenant', () => {
  const node = {
    subscription: { subscriptionId: '1111-AAAA', displayName: 'Contoso Dev', offerId: 'MS-AZR-0063P' },
    scope: { connection: { tenant: { tenantId: 'tenant-1' } } },
  };
  assert.deepEqual(scopeFromArgument(node), {
    subscriptionId: '1111-AAAA', tenantId: 'tenant-1', label: 'Contoso Dev', offerDurableId: 'MS-AZR-0063P', currency: undefined, regionInfo: undefined,
  });
});

test('a plain scope works, and anything without a subscription id asks the person instead', () => {
  assert.equal(scopeFromArgument({ subscriptionId: 'abc' })?.label, 'abc');
  assert.equal(scopeFromArgument(undefined), undefined);
  assert.equal(scopeFromArgument({ subscription: { displayName: 'no id' } }), undefined);
  assert.equal(scopeFromArgument('abc'), undefined);
});

test('one panel per subscription and tenant, whatever the casing of the id', () => {
  assert.equal(scopeKey({ subscriptionId: 'ABC', tenantId: 't', label: 'x' }), scopeKey({ subscriptionId: 'abc', tenantId: 't', label: 'y' }));
  assert.notEqual(scopeKey({ subscriptionId: 'abc', tenantId: 't1', label: '' }), scopeKey({ subscriptionId: 'abc', tenantId: 't2', label: '' }));
});
