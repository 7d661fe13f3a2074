import assert from 'node:assert/strict';
import { test } from 'node:test';
import { costScopeOf, scopeFromArgument, scopeKey } from '../../../src/views/usagePanel/usageScope';

test('the explorer\'s subscription node opens the panel for its subscription and tenant', () => {
  const node = {
    subscription: { subscriptionId: '1111-AAAA', displayName: 'Contoso Dev', offerId: 'MS-AZR-0063P' },
    scope: { connection: { tenant: { tenantId: 'tenant-1' } } },
  };
  assert.deepEqual(scopeFromArgument(node), {
    kind: 'subscription', subscriptionId: '1111-AAAA', tenantId: 'tenant-1', label: 'Contoso Dev', offerDurableId: 'MS-AZR-0063P', currency: undefined, regionInfo: undefined,
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

test('billing profile and billing account nodes open panels of their own scope', () => {
  const tenant = { connection: { tenant: { tenantId: 'tenant-1' } } };
  const profileNode = { profile: { name: 'BP-1', accountName: 'acct:1', displayName: 'Contoso Europe' }, scope: { ...tenant, account: { name: 'acct:1' } } };
  assert.deepEqual(scopeFromArgument(profileNode), { kind: 'billingProfile', accountName: 'acct:1', profileName: 'BP-1', tenantId: 'tenant-1', label: 'Contoso Europe' });
  const accountNode = { account: { name: 'acct:1', displayName: 'Contoso Ltd' }, connection: tenant.connection };
  assert.deepEqual(scopeFromArgument(accountNode), { kind: 'billingAccount', accountName: 'acct:1', tenantId: 'tenant-1', label: 'Contoso Ltd' });
  assert.equal(costScopeOf(scopeFromArgument(profileNode)!), 'providers/Microsoft.Billing/billingAccounts/acct%3A1/billingProfiles/BP-1');
  assert.equal(costScopeOf(scopeFromArgument(accountNode)!), 'providers/Microsoft.Billing/billingAccounts/acct%3A1');
  // A profile scope without its profile name is not a scope.
  assert.equal(scopeFromArgument({ kind: 'billingProfile', accountName: 'a' }), undefined);
});

test('one panel per scope: a profile, its account and a subscription are three panels', () => {
  const profile = { kind: 'billingProfile' as const, accountName: 'A', profileName: 'P', tenantId: 't', label: '' };
  const account = { kind: 'billingAccount' as const, accountName: 'A', tenantId: 't', label: '' };
  const keys = new Set([scopeKey(profile), scopeKey(account), scopeKey({ subscriptionId: 'A', tenantId: 't', label: '' })]);
  assert.equal(keys.size, 3);
  assert.equal(scopeKey({ ...profile, profileName: 'p', accountName: 'a' }), scopeKey(profile));
});
