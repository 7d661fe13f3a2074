// The chargeback's Cost Management plan (at most two groupings per query, one query per tag key for
// the whole scope) and the join of the answers on the resource id; then exact amounts to cents that
// add up to the rounded total.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinAnswers, planChargebackQueries, AnsweredRow } from '../../../src/insight/chargeback/queryPlan';
import type { ChargebackRules } from '../../../src/insight/chargeback/rules';
import { rowsInCents } from '../../../src/insight/chargeback/toCents';

const base: ChargebackRules = {
  scope: { kind: 'billingProfile', billingAccountName: 'a', billingProfileName: 'p' },
  tagKeys: ['CostCenter', 'costcenter', 'Project'],
  normalization: { letterCase: 'preserve', trimWhitespace: true, aliases: new Map() },
  untagged: { mode: 'unallocated' },
  shared: [],
  owners: [],
};

test('one query per distinct tag key (case-insensitive), each grouped by resource and that key; meter category only when a rule needs it', () => {
  assert.deepEqual(planChargebackQueries(base).map((q) => q.groupBy.map((g) => `${g.type}:${g.name}`)), [
    ['Dimension:ResourceId', 'TagKey:CostCenter'],
    ['Dimension:ResourceId', 'TagKey:Project'],
  ]);
  const withShared: ChargebackRules = {
    ...base,
    shared: [
      { name: 'net', match: { meterCategory: 'Bandwidth' }, split: { mode: 'proportional' } },
      { name: 'mon', match: { tag: { key: 'shared', value: 'x' } }, split: { mode: 'proportional' } },
    ],
  };
  assert.deepEqual(planChargebackQueries(withShared).map((q) => q.role), [
    { kind: 'tag', key: 'CostCenter' },
    { kind: 'tag', key: 'Project' },
    { kind: 'tag', key: 'shared' },
    { kind: 'meterCategory' },
  ]);
});

const VM = '/subscriptions/AAAA/resourceGroups/rg-App/providers/Microsoft.Compute/virtualMachines/vm1';
const DISK = '/subscriptions/aaaa/resourcegroups/rg-app/providers/Microsoft.Compute/disks/d1';
const row = (amount: number, dimensions: Record<string, string>): AnsweredRow => ({ amount, currency: 'EUR', dimensions });

test('answers join on the resource id whatever its letter case; rows without a resource stay untagged', () => {
  const rules: ChargebackRules = { ...base, tagKeys: ['CostCenter', 'Project'], shared: [{ name: 'net', match: { meterCategory: 'Bandwidth' }, split: { mode: 'proportional' } }] };
  const plan = planChargebackQueries(rules);
  const joined = joinAnswers(plan, [
    [row(10, { ResourceId: VM, TagKey: 'CostCenter', TagValue: 'Finance' }), row(5, { ResourceId: DISK, TagKey: '', TagValue: '' }), row(1, { ResourceId: '', TagKey: '', TagValue: '' })],
    [row(10, { ResourceId: VM.toLowerCase(), TagKey: 'Project', TagValue: 'Apollo' }), row(5, { ResourceId: DISK, TagKey: 'Project', TagValue: 'Apollo' }), row(1, { ResourceId: '', TagKey: '', TagValue: '' })],
    [row(7, { ResourceId: VM, MeterCategory: 'Virtual Machines' }), row(3, { ResourceId: VM, MeterCategory: 'Bandwidth' }), row(5, { ResourceId: DISK, MeterCategory: 'Storage' }), row(1, { ResourceId: '', MeterCategory: 'Support' })],
  ]);
  assert.deepEqual(joined, [
    { amount: 7, currency: 'EUR', subscriptionId: 'aaaa', resourceGroup: 'rg-App', meterCategory: 'Virtual Machines', tags: { CostCenter: 'Finance', Project: 'Apollo' } },
    { amount: 3, currency: 'EUR', subscriptionId: 'aaaa', resourceGroup: 'rg-App', meterCategory: 'Bandwidth', tags: { CostCenter: 'Finance', Project: 'Apollo' } },
    { amount: 5, currency: 'EUR', subscriptionId: 'aaaa', resourceGroup: 'rg-app', meterCategory: 'Storage', tags: { Project: 'Apollo' } },
    { amount: 1, currency: 'EUR', meterCategory: 'Support', tags: undefined },
  ]);
});

test('exact amounts become cents that add up to the rounded total of each currency', () => {
  // 0.334 × 3 = 1.002 → 1.00 in all; each alone rounds to 0.33 (0.99). Largest remainder gives
  // 0.34, 0.33, 0.33. JPY has no minor unit: 10.5 + 10.5 = 21 → 11 and 10.
  const rows = [0.334, 0.334, 0.334].map((amount) => ({ amount, currency: 'USD' }));
  const cents = rowsInCents([...rows, { amount: 10.5, currency: 'JPY' }, { amount: 10.5, currency: 'JPY' }]);
  assert.deepEqual(cents.map((r) => [r.currency, Number(r.amount)]), [['USD', 34], ['USD', 33], ['USD', 33], ['JPY', 11], ['JPY', 10]]);
});
