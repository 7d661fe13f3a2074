// Reading a chargeback file: a good one becomes rules; every problem of a bad one is reported on
// the line a person has to fix, and no rules come back.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readChargebackRules } from '../../../src/views/chargeback/readRules';

const GOOD = `{
  "$schema": "schema",
  // comments are allowed, as in VS Code's own settings
  "scope": { "billingProfile": "/providers/Microsoft.Billing/billingAccounts/acc%3A1/billingProfiles/P1" },
  "tagKeys": ["CostCenter", "Project"],
  "normalize": { "case": "title", "aliases": { " FIN ": "Finance" } },
  "untagged": { "mode": "owner", "owner": "Platform" },
  "shared": [
    { "name": "Network", "match": { "resourceGroup": "shared-network" },
      "split": { "mode": "percentages", "percentages": { "Finance": 33.3, "Platform": 66.7 } } },
    { "name": "Monitoring", "match": { "meterCategory": "Log Analytics" }, "split": { "mode": "proportional" } },
  ],
  "owners": { "Finance": { "displayName": "Finance team" }, "Platform": {} }
}`;

/** [code, 1-based line, args] of each problem, for asserting where the diagnostic lands. */
function problemsOf(text: string) {
  const { rules, problems } = readChargebackRules(text);
  assert.equal(rules, undefined, 'no rules come back from a file with problems');
  return problems.map((p) => [p.code, text.slice(0, p.offset).split('\n').length, p.args] as const);
}

describe('chargeback rules file', () => {
  test('a good file becomes rules', () => {
    const { rules, problems } = readChargebackRules(GOOD);
    assert.deepEqual(problems, []);
    assert.deepEqual(rules?.scope, { kind: 'billingProfile', billingAccountName: 'acc:1', billingProfileName: 'P1' });
    assert.deepEqual(rules?.tagKeys, ['CostCenter', 'Project']);
    assert.equal(rules?.normalization.letterCase, 'title');
    assert.equal(rules?.normalization.trimWhitespace, true);
    assert.equal(rules?.normalization.aliases.get('fin'), 'Finance');
    assert.deepEqual(rules?.untagged, { mode: 'owner', owner: 'Platform' });
    assert.deepEqual(rules?.shared.map((s) => [s.name, s.split.mode]), [['Network', 'percentages'], ['Monitoring', 'proportional']]);
    assert.deepEqual(rules?.owners, [{ id: 'Finance', displayName: 'Finance team' }, { id: 'Platform', displayName: 'Platform' }]);
  });

  test('percentages that do not add up to 100, and an owner that is not defined, on their lines', () => {
    const text = GOOD.replace('"Platform": 66.7', '"Platfrom": 66.6');
    assert.deepEqual(problemsOf(text), [
      ['undefinedOwner', 10, { owner: 'Platfrom' }],
      ['percentagesNot100', 10, { sum: '99.9' }],
    ]);
  });

  test('an unknown key names the keys that are allowed there', () => {
    const text = GOOD.replace('"case": "title"', '"casing": "title"');
    assert.deepEqual(problemsOf(text), [['unknownKey', 6, { key: 'casing', allowed: 'case, trimWhitespace, aliases' }]]);
  });

  test('every problem at once: a scope of two kinds, a bad mode, an undefined untagged owner, an empty match', () => {
    const text = `{
  "scope": { "billingAccount": "/providers/Microsoft.Billing/billingAccounts/a", "subscriptions": [] },
  "tagKeys": ["CostCenter"],
  "untagged": { "mode": "owner", "owner": "Nobody" },
  "shared": [ { "name": "X", "match": {}, "split": { "mode": "halves" } } ],
  "owners": {}
}`;
    assert.deepEqual(problemsOf(text), [
      ['scopeNotOne', 2, {}],
      ['undefinedOwner', 4, { owner: 'Nobody' }],
      ['emptyMatch', 5, {}],
      ['notOneOf', 5, { key: 'mode', allowed: 'percentages, proportional' }],
    ]);
  });

  test('missing keys, wrong types and ids that are not ids', () => {
    const text = `{
  "scope": { "subscriptions": ["not-a-guid"] },
  "tagKeys": "CostCenter"
}`;
    assert.deepEqual(problemsOf(text), [
      ['badSubscriptionId', 2, { value: 'not-a-guid' }],
      ['wrongType', 3, { key: 'tagKeys', expected: 'array' }],
      ['missingKey', 1, { key: 'owners' }],
    ]);
    assert.deepEqual(problemsOf('{ "scope": { "billingProfile": "P1" }, "tagKeys": ["a"], "owners": {} }'), [
      ['badScopeId', 1, { key: 'billingProfile', value: 'P1' }],
    ]);
  });

  test('text that is not JSON, or not an object, says so', () => {
    // An unfinished file: a value, a ']' and a '}' are missing, all where the text ends (line 3).
    const unfinished = problemsOf('{\n  "tagKeys": ["a",\n');
    assert.deepEqual(unfinished.map(([code, line, args]) => [code, line, args.error]), [
      ['syntax', 3, 'ValueExpected'],
      ['syntax', 3, 'CloseBracketExpected'],
      ['syntax', 3, 'CloseBraceExpected'],
    ]);
    assert.deepEqual(problemsOf('[1, 2]'), [['notAnObject', 1, { key: 'file', expected: 'object' }]]);
  });
});
