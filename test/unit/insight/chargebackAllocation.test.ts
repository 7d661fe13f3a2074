// Chargeback allocation on hand-made rows, amounts in cents; every expected figure is worked out
// in the comments (largest remainder: floors first, then the leftover cents to the largest
// fractional parts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allocateChargeback, ChargeRow, CurrencyReport } from '../../../src/insight/chargeback/allocate';
import type { ChargebackRules, UntaggedRule } from '../../../src/insight/chargeback/rules';
import { splitAmount, splitEvenly } from '../../../src/insight/chargeback/splitAmount';

const SUB = '00000000-0000-0000-0000-000000000001';

function rules(overrides: Partial<ChargebackRules> = {}): ChargebackRules {
  return {
    scope: { kind: 'subscriptions', subscriptionIds: [SUB] },
    tagKeys: ['CostCenter', 'Project'],
    normalization: { letterCase: 'title', trimWhitespace: true, aliases: new Map([['fin', 'Finance']]) },
    untagged: { mode: 'proportional' },
    shared: [
      {
        name: 'Network',
        match: { resourceGroup: 'shared-network' },
        split: { mode: 'percentages', percentages: new Map([['Finance', 50], ['Engineering', 30], ['Marketing', 20]]) },
      },
    ],
    owners: [
      { id: 'Finance', displayName: 'Finance team' },
      { id: 'Engineering', displayName: 'Engineering' },
      { id: 'Marketing', displayName: 'Marketing' },
    ],
    ...overrides,
  };
}

const row = (amount: number, tags?: Record<string, string>, resourceGroup = 'rg-app', currency = 'USD'): ChargeRow => ({
  amount: BigInt(amount),
  currency,
  subscriptionId: SUB,
  resourceGroup,
  meterCategory: 'Virtual Machines',
  tags,
});

// Direct: Finance 1000 − 200 = 800 (alias `fin`, key in another case, a refund); Engineering 3000
// (value trimmed and title-cased); Marketing 1001 (second key). Shared 999 in shared-network;
// untagged 1001.
const ROWS: ChargeRow[] = [
  row(1000, { costcenter: 'fin' }),
  row(3000, { CostCenter: '  engineering ' }),
  row(1001, { Project: 'Marketing' }),
  row(1001),
  row(999, { CostCenter: 'Finance' }, 'Shared-Network'),
  row(-200, { CostCenter: 'Finance' }),
];

function owners(report: CurrencyReport) {
  return report.owners.map((o) => [o.owner, Number(o.direct), Number(o.shared), Number(o.untagged), Number(o.total)]);
}

describe('chargeback allocation', () => {
  test('direct, shared by percentages and untagged in proportion add up to the rows to the cent', () => {
    const [report] = allocateChargeback(ROWS, rules());
    // Shared 999 at 50/30/20: 499.5, 299.7, 199.8 → floors 499, 299, 199 (997); the 2 cents left
    // go to Marketing (.8) and Engineering (.7) → 499, 300, 200.
    // Untagged 1001 by direct cost 800/3000/1001 (Σ 4801): 166.80, 625.49, 208.71 → floors 166,
    // 625, 208 (999); 2 cents to Finance (.80) and Marketing (.71) → 167, 625, 209.
    assert.deepEqual(owners(report), [
      ['Finance', 800, 499, 167, 1466],
      ['Engineering', 3000, 300, 625, 3925],
      ['Marketing', 1001, 200, 209, 1410],
    ]);
    assert.equal(report.total, 6801n);
    assert.equal(report.owners[0].displayName, 'Finance team');
    assert.deepEqual(report.notes, []);
  });

  test('the drill-down keeps the tag key and raw value behind each direct cost', () => {
    const [report] = allocateChargeback(ROWS, rules());
    const finance = report.owners.find((o) => o.owner === 'Finance')!;
    assert.deepEqual(
      finance.sources.filter((s) => s.kind === 'direct').map((s) => s.kind === 'direct' && [s.tagKey, s.tagValue, Number(s.amount)]),
      [
        ['costcenter', 'fin', 1000],
        ['CostCenter', 'Finance', -200],
      ],
    );
    assert.deepEqual(
      finance.sources.filter((s) => s.kind !== 'direct').map((s) => [s.kind, Number(s.amount)]),
      [
        ['shared', 499],
        ['untagged', 167],
      ],
    );
  });

  const untaggedCases: Array<[string, UntaggedRule, Array<[string, number]>]> = [
    // 1001 / 3 = 333.67 each: floors 333 ×3 (999), 2 cents to the first two (equal remainders go first come).
    ['evenly', { mode: 'even' }, [['Finance', 334], ['Engineering', 334], ['Marketing', 333]]],
    ['to a named owner', { mode: 'owner', owner: 'Engineering' }, [['Finance', 0], ['Engineering', 1001], ['Marketing', 0]]],
  ];
  for (const [name, untagged, expected] of untaggedCases) {
    test(`untagged cost ${name}`, () => {
      const [report] = allocateChargeback(ROWS, rules({ untagged }));
      assert.deepEqual(
        report.owners.map((o) => [o.owner, Number(o.untagged)]),
        expected,
      );
      assert.equal(report.owners.reduce((a, o) => a + o.total, 0n), 6801n);
    });
  }

  test('untagged cost left unallocated is its own line, last', () => {
    const [report] = allocateChargeback(ROWS, rules({ untagged: { mode: 'unallocated' } }));
    assert.deepEqual(report.owners.at(-1)?.owner, 'Unallocated');
    assert.equal(report.owners.at(-1)?.total, 1001n);
  });

  test('a shared pool split in proportion, when no owner has direct cost, falls back to even and says so', () => {
    const onlyShared = [row(100, undefined, 'shared-network')];
    const proportional = rules({ shared: [{ name: 'Network', match: { resourceGroup: 'shared-network' }, split: { mode: 'proportional' } }] });
    const [report] = allocateChargeback(onlyShared, proportional);
    // No direct cost: even over the three declared owners, 100 / 3 → 34, 33, 33.
    assert.deepEqual(report.owners.map((o) => [o.owner, Number(o.shared)]), [['Finance', 34], ['Engineering', 33], ['Marketing', 33]]);
    assert.deepEqual(report.notes, [{ code: 'proportionalFellBackToEven', subject: 'Network' }]);
  });

  test('a refund in a shared pool is shared like a charge, negated', () => {
    const [report] = allocateChargeback([row(-999, undefined, 'shared-network')], rules({ untagged: { mode: 'unallocated' } }));
    assert.deepEqual(report.owners.map((o) => [o.owner, Number(o.total)]), [['Finance', -499], ['Engineering', -300], ['Marketing', -200]]);
  });

  test('a tag value nobody declared becomes an owner of its own, after the declared ones', () => {
    const [report] = allocateChargeback([row(500, { CostCenter: 'research' }), row(500, { CostCenter: 'Finance' })], rules({ untagged: { mode: 'unallocated' } }));
    assert.deepEqual(report.owners.map((o) => [o.owner, o.displayName, Number(o.total)]), [['Finance', 'Finance team', 500], ['Research', 'Research', 500]]);
  });

  test('one report per currency, never a sum across currencies', () => {
    const reports = allocateChargeback([row(100, { CostCenter: 'Finance' }), row(70, { CostCenter: 'Finance' }, 'rg', 'EUR')], rules({ untagged: { mode: 'unallocated' } }));
    assert.deepEqual(reports.map((r) => [r.currency, Number(r.total)]), [['EUR', 70], ['USD', 100]]);
  });

  test('a shared rule that matched nothing is reported, and zero-cost rows change nothing', () => {
    const [report] = allocateChargeback([row(0, { CostCenter: 'Finance' }), row(10, { CostCenter: 'Finance' })], rules({ untagged: { mode: 'unallocated' } }));
    assert.deepEqual(report.notes, [{ code: 'sharedRuleMatchedNothing', subject: 'Network' }]);
    assert.deepEqual(owners(report), [['Finance', 10, 0, 0, 10]]);
  });

  test('a shared rule by tag matches the normalized value', () => {
    const byTag = rules({ shared: [{ name: 'Platform', match: { tag: { key: 'costcenter', value: 'platform' } }, split: { mode: 'percentages', percentages: new Map([['Finance', 100]]) } }] });
    const [report] = allocateChargeback([row(300, { CostCenter: ' PLATFORM ' })], byTag);
    assert.deepEqual(owners(report), [['Finance', 0, 300, 0, 300]]);
  });
});

describe('splitting cents', () => {
  test('largest remainder: the parts add up and the leftover cents go to the largest fractions', () => {
    assert.deepEqual(splitAmount(10n, [1n, 1n, 1n]), [4n, 3n, 3n]);
    // 100 × 1/6 = 16.67, × 2/6 = 33.33, × 3/6 = 50 → 16, 33, 50 (99); the cent goes to .67.
    assert.deepEqual(splitAmount(100n, [1n, 2n, 3n]), [17n, 33n, 50n]);
    assert.deepEqual(splitAmount(-10n, [1n, 1n, 1n]), [-4n, -3n, -3n]);
    assert.deepEqual(splitAmount(0n, [5n, 0n]), [0n, 0n]);
    assert.deepEqual(splitEvenly(7n, 2), [4n, 3n]);
  });

  test('weights that add up to nothing, or a negative weight, are refused', () => {
    assert.throws(() => splitAmount(10n, [0n, 0n]), RangeError);
    assert.throws(() => splitAmount(10n, [2n, -1n]), RangeError);
  });
});
