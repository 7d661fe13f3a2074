// The report as the panel receives it: each owner's drill-down sums its sources by subscription,
// resource group and tag value as written (largest first), the allocated part by rule, and the
// reconciliation lines walk from the owners' total to the invoiced total with the unexplained part
// marked. Amounts are formatted by the function given, so the figures are checked exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CurrencyReport } from '../../../src/insight/chargeback/allocate';
import { reconcile } from '../../../src/insight/chargeback/reconcile';
import { currencySection, SectionWords } from '../../../src/views/chargeback/reportSections';

const words: SectionWords = {
  money: (units, currency) => `${currency} ${units}`,
  drillTitles: { subscriptions: 'Subs', resourceGroups: 'RGs', tagValues: 'Tags', allocated: 'Allocated' },
  sharedRule: (name) => `Shared: ${name}`,
  untaggedLine: 'Untagged',
  note: (n) => `${n.code}:${n.subject}`,
  steps: { reportTotal: 'Report', invoicedTotal: 'Invoiced', chargesOutsideQuery: 'Outside', rounding: 'Rounding', creditsApplied: 'Credits', tax: 'Tax', creditNotes: 'Notes', notInvoiced: 'Not invoiced', unexplained: 'Unexplained' },
  summary: (rec, unexplained) => (rec ? `unexplained ${unexplained}` : 'none'),
};

const REPORT: CurrencyReport = {
  currency: 'USD',
  total: 1000n,
  notes: [{ code: 'sharedRuleMatchedNothing', subject: 'Hub' }],
  owners: [
    {
      owner: 'Fin', displayName: 'Finance', direct: 600n, shared: 150n, untagged: 50n, total: 800n,
      sources: [
        { kind: 'direct', subscriptionId: 's1', resourceGroup: 'RG-A', tagKey: 'CostCenter', tagValue: 'fin', amount: 100n },
        { kind: 'direct', subscriptionId: 's1', resourceGroup: 'rg-a', tagKey: 'costcenter', tagValue: 'Finance', amount: 200n },
        { kind: 'direct', subscriptionId: 's2', resourceGroup: 'rg-b', tagKey: 'CostCenter', tagValue: 'fin', amount: 300n },
        { kind: 'shared', rule: 'Network', amount: 150n },
        { kind: 'untagged', amount: 50n },
      ],
    },
    { owner: 'Unallocated', displayName: 'Unallocated', direct: 0n, shared: 0n, untagged: 200n, total: 200n, sources: [{ kind: 'untagged', amount: 200n }] },
  ],
};

test('drill-down: subscriptions, resource groups (case folded) and tag values as written, largest first; allocated parts by rule', () => {
  const section = currencySection(REPORT, undefined, words, (id) => (id === 's1' ? 'Prod' : id));
  const fin = section.owners[0];
  assert.equal(fin.share, '80.0');
  assert.deepEqual(fin.drill.map((g) => [g.title, g.lines.map((l) => `${l.label}=${l.amount.raw}`)]), [
    ['Subs', ['Prod=3.00', 's2=3.00']],
    ['RGs', ['rg-a (Prod)=3.00', 'rg-b (s2)=3.00']],
    ['Tags', ['CostCenter=fin=4.00', 'costcenter=Finance=2.00']],
    ['Allocated', ['Shared: Network=1.50', 'Untagged=0.50']],
  ]);
  assert.deepEqual(section.owners[1].drill.map((g) => g.title), ['Allocated'], 'Unallocated has no direct cost to drill into');
  assert.deepEqual(section.notes, ['sharedRuleMatchedNothing:Hub']);
  assert.equal(section.reconciliation, undefined);
  assert.equal(section.reconciliationSummary, 'none');
});

test('reconciliation lines: report total, each step, the unexplained part marked, the invoiced total', () => {
  // Invoice charges 1005 vs report 1000: 5 cents over one invoice is more than rounding.
  const rec = reconcile(1000n, [{ name: 'G1', charges: 1005n, tax: 80n, creditsApplied: 100n, total: 985n, isCreditNote: false }]);
  const section = currencySection(REPORT, rec, words);
  assert.deepEqual(section.reconciliation?.map((l) => [l.label, l.amount.raw, l.kind]), [
    ['Report', '10.00', 'reportTotal'],
    ['Unexplained', '0.05', 'unexplained'],
    ['Credits', '-1.00', 'step'],
    ['Tax', '0.80', 'step'],
    ['Invoiced', '9.85', 'invoicedTotal'],
  ]);
  assert.equal(section.reconciliationSummary, 'unexplained 5');
});
