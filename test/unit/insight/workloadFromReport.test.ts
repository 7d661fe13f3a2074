// Save as Workload writes a file the workload reader takes whole: every usage meter by id in its
// own unit, scaled from the period to an average month, with the offers and regions compared.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedToNumber } from '../../../src/insight/fixedDecimal';
import type { WhatIfReport } from '../../../src/insight/whatIf/whatIfReport';
import { workloadFromReport } from '../../../src/insight/whatIf/workloadFromReport';
import { readWorkload } from '../../../src/insight/whatIf/workloadFile';

const report: WhatIfReport = {
  currency: 'USD',
  fractionDigits: 2,
  period: { from: '2026-01-01', to: '2026-01-31' },
  alternatives: [
    { id: 'baseline', kind: 'baseline', label: 'Now', grossMinor: 0, creditMinor: 0, totalMinor: 0, differenceMinor: 0, unpriced: [] },
    { id: 'offer:MS-AZR-0023P', kind: 'offer', label: 'Dev/Test', grossMinor: 0, creditMinor: 0, totalMinor: 0, differenceMinor: 0, unpriced: [] },
    { id: 'region:westeurope', kind: 'region', label: 'West Europe', grossMinor: 0, creditMinor: 0, totalMinor: 0, differenceMinor: 0, unpriced: [] },
  ],
  meters: [
    { key: 'a\nHours', meterId: 'aaaaaaaa-0000-0000-0000-000000000001', name: 'D2s v3', category: 'Virtual Machines', region: 'eastus', unit: 'Hours', quantity: 1488, cells: [] },
    { key: 'b\nGB', meterId: 'bbbbbbbb-0000-0000-0000-000000000002', name: 'Hot LRS Data Stored', category: 'Storage', region: 'eastus', unit: 'GB', quantity: 310, cells: [] },
    { key: 'c\nGB', meterId: 'cccccccc-0000-0000-0000-000000000003', name: 'Unused', category: 'Storage', region: 'westus', unit: 'GB', quantity: 0, cells: [] },
  ],
  categories: [],
  commitments: [],
  refused: [],
};

test('a what-if saved as a workload reads back without problems, per average month', () => {
  const text = workloadFromReport(report, 'Pay-As-You-Go', 'schema.json');
  const { workload, problems } = readWorkload(text);
  assert.deepEqual(problems, []);
  assert.ok(workload);
  assert.equal(workload.region, 'eastus');
  assert.deepEqual(workload.offers, ['MS-AZR-0023P']);
  assert.deepEqual(workload.regions, ['westeurope']);
  // 31 days → × 30.4375 / 31.
  assert.deepEqual(workload.lines.map((l) => [l.target.kind === 'meterId' && l.target.meterId, Math.round(fixedToNumber(l.quantity) * 1e6) / 1e6, l.unit]), [
    ['aaaaaaaa-0000-0000-0000-000000000001', Math.round(1488 * 30.4375 / 31 * 1e6) / 1e6, 'Hours'],
    ['bbbbbbbb-0000-0000-0000-000000000002', Math.round(310 * 30.4375 / 31 * 1e6) / 1e6, 'GB'],
  ]);
});
