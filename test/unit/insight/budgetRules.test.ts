// The budget rules the wizard checks as a person types (docs/budgets.md#rules), with hostile input:
// names that are not ARM names, amounts that are not money, dates that are not first-of-month or
// fall outside the window the API allows, thresholds given as fractions or out of range, e-mail
// lists with slips in them. And the status the tree shows, computed by hand.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Budget, BudgetNotification } from '../../../src/billing/models/budget';
import {
  checkBudgetName, checkNotificationCount, earliestStart, isEmailAddress, latestStart, notificationKey, parseBudgetAmount, parseEmails, parseEndDate,
  parseFilterValues, parseStartDate, parseThreshold,
} from '../../../src/insight/budgets/budgetRules';
import { BudgetFilterChoice, budgetFilterOf, budgetFilterParts, budgetStatus, currentBudgetPeriod, filterChoiceOf } from '../../../src/insight/budgets/budgetStatus';
import { parseIsoDate } from '../../../src/insight/calendar';

const today = parseIsoDate('2026-11-15')!;
const rule = (checked: { ok: boolean; problem?: { rule: string } }) => (checked.ok ? 'ok' : checked.problem!.rule);

describe('budget rules', () => {
  test('names: 1–63 letters, digits, - and _, not taken (case-insensitive)', () => {
    assert.deepEqual(checkBudgetName('  team-budget_1 '), { ok: true, value: 'team-budget_1' });
    assert.equal(rule(checkBudgetName('x'.repeat(63))), 'ok');
    const hostile: Array<[string, string]> = [
      ['', 'nameEmpty'], ['   ', 'nameEmpty'], ['x'.repeat(64), 'nameTooLong'],
      ['team budget', 'nameCharacter'], ['../etc', 'nameCharacter'], ['a/b', 'nameCharacter'], ['a%2Fb', 'nameCharacter'],
      ['budget?api-version=1', 'nameCharacter'], ['<script>', 'nameCharacter'], ['예산', 'nameCharacter'], ['café', 'nameCharacter'],
      ['null\u0000byte', 'nameCharacter'], ['a.b', 'nameCharacter'],
    ];
    for (const [text, expected] of hostile) { assert.equal(rule(checkBudgetName(text)), expected, JSON.stringify(text)); }
    assert.deepEqual(checkBudgetName('💸'), { ok: false, problem: { rule: 'nameCharacter', character: '💸' } }, 'a whole code point, not half a surrogate');
    assert.deepEqual(checkBudgetName('Platform-Monthly', ['platform-monthly']), { ok: false, problem: { rule: 'nameTaken', name: 'Platform-Monthly' } });
  });

  test('amounts: positive, at most two decimals, "," only between thousands', () => {
    const good: Array<[string, number]> = [['100', 100], ['0.01', 0.01], [' 1500.5 ', 1500.5], ['1,234.56', 1234.56], ['12,000', 12000], ['1000000000000', 1e12]];
    for (const [text, value] of good) { assert.deepEqual(parseBudgetAmount(text), { ok: true, value }, text); }
    const bad: Array<[string, string]> = [
      ['', 'amountNotNumber'], ['abc', 'amountNotNumber'], ['12abc', 'amountNotNumber'], ['1,5', 'amountNotNumber'], ['1,23,456', 'amountNotNumber'],
      ['1e3', 'amountNotNumber'], ['Infinity', 'amountNotNumber'], ['NaN', 'amountNotNumber'], ['0x10', 'amountNotNumber'], ['$100', 'amountNotNumber'],
      ['.5', 'amountNotNumber'], ['1.', 'amountNotNumber'], ['１００', 'amountNotNumber'],
      ['0', 'amountNotPositive'], ['0.00', 'amountNotPositive'], ['-5', 'amountNotPositive'], ['- 5', 'amountNotPositive'],
      ['1.005', 'amountTooManyDecimals'], ['1000000000000.01', 'amountTooLarge'], ['9'.repeat(400), 'amountNotNumber'],
    ];
    for (const [text, expected] of bad) { assert.equal(rule(parseBudgetAmount(text)), expected, JSON.stringify(text)); }
  });

  test('start: first of a month; a new budget no earlier than its time grain allows, at most 12 months ahead', () => {
    assert.equal(earliestStart('Monthly', today), '2026-11-01');
    assert.equal(earliestStart('Quarterly', today), '2026-09-01');
    assert.equal(earliestStart('Annually', today), '2025-12-01');
    assert.equal(latestStart(today), '2027-11-01');
    assert.deepEqual(parseStartDate('2026-11-01', 'Monthly', today), { ok: true, value: '2026-11-01' });
    assert.deepEqual(parseStartDate('2026-11-15', 'Monthly', today), { ok: false, problem: { rule: 'startNotFirstOfMonth', suggestion: '2026-11-01' } });
    assert.deepEqual(parseStartDate('2026-10-01', 'Monthly', today), { ok: false, problem: { rule: 'startTooEarly', earliest: '2026-11-01' } });
    assert.equal(rule(parseStartDate('2026-09-01', 'Quarterly', today)), 'ok');
    assert.equal(rule(parseStartDate('2026-08-01', 'Quarterly', today)), 'startTooEarly');
    assert.equal(rule(parseStartDate('2027-11-01', 'Monthly', today)), 'ok');
    assert.deepEqual(parseStartDate('2027-12-01', 'Monthly', today), { ok: false, problem: { rule: 'startTooLate', latest: '2027-11-01' } });
    for (const text of ['', '2026-13-01', '2026-02-30', '01/11/2026', '2026-11-1', 'tomorrow', '2026-11-01T00:00:00Z']) {
      assert.equal(rule(parseStartDate(text, 'Monthly', today)), 'dateNotDate', text);
    }
    // Editing keeps a start that is in the past now; changing it obeys the rules again.
    assert.equal(rule(parseStartDate('2026-05-01', 'Monthly', today, '2026-05-01')), 'ok');
    assert.equal(rule(parseStartDate('2026-06-01', 'Monthly', today, '2026-05-01')), 'startTooEarly');
  });

  test('end: optional, a real date after the start', () => {
    assert.deepEqual(parseEndDate('', '2026-11-01'), { ok: true, value: undefined });
    assert.deepEqual(parseEndDate('2027-10-31', '2026-11-01'), { ok: true, value: '2027-10-31' });
    assert.deepEqual(parseEndDate('2026-11-01', '2026-11-01'), { ok: false, problem: { rule: 'endNotAfterStart', start: '2026-11-01' } });
    assert.equal(rule(parseEndDate('2026-10-31', '2026-11-01')), 'endNotAfterStart');
    assert.equal(rule(parseEndDate('2027-02-29', '2026-11-01')), 'dateNotDate');
  });

  test('thresholds: percent 0–1000, "%" allowed, fractions are just small percentages, no duplicates', () => {
    assert.deepEqual(parseThreshold('80'), { ok: true, value: 80 });
    assert.deepEqual(parseThreshold(' 80 %'), { ok: true, value: 80 });
    assert.deepEqual(parseThreshold('0'), { ok: true, value: 0 });
    assert.deepEqual(parseThreshold('1000'), { ok: true, value: 1000 });
    assert.deepEqual(parseThreshold('0.8'), { ok: true, value: 0.8 });
    for (const [text, expected] of [['1000.5', 'thresholdRange'], ['1001', 'thresholdRange'], ['-1', 'thresholdRange'], ['', 'thresholdNotNumber'], ['eighty', 'thresholdNotNumber'], ['1e2', 'thresholdNotNumber']]) {
      assert.equal(rule(parseThreshold(text)), expected, text);
    }
    assert.deepEqual(parseThreshold('80', [50, 80]), { ok: false, problem: { rule: 'thresholdDuplicate', threshold: 80 } });
    assert.equal(notificationKey('Actual', 80), 'Actual_GreaterThan_80_Percent');
    assert.equal(notificationKey('Forecasted', 12.5), 'Forecasted_GreaterThan_12_5_Percent');
    assert.equal(rule(checkNotificationCount(5)), 'ok');
    assert.equal(rule(checkNotificationCount(6)), 'notificationsTooMany');
  });

  test('e-mails: separated by commas, semicolons or spaces; each a plausible address; 1–50', () => {
    assert.deepEqual(parseEmails('ops@contoso.com, Finance@Contoso.com; ops@CONTOSO.com  x.y+tag@sub.example.co.kr'), { ok: true, value: ['ops@contoso.com', 'Finance@Contoso.com', 'x.y+tag@sub.example.co.kr'] });
    for (const email of ['ops', 'ops@', '@contoso.com', 'ops@contoso', 'ops@@contoso.com', 'a"b@contoso.com', 'ops@contoso..com', '.ops@contoso.com', 'ops.@contoso.com', 'a..b@contoso.com', 'ops@-contoso.com', '<ops@contoso.com>', 'ops@contoso.com\u0000', `${'a'.repeat(250)}@b.co`]) {
      assert.equal(isEmailAddress(email), false, JSON.stringify(email));
      assert.equal(rule(parseEmails(email)), 'emailInvalid', JSON.stringify(email));
    }
    assert.deepEqual(parseEmails('ops@contoso.com, nope'), { ok: false, problem: { rule: 'emailInvalid', email: 'nope' } });
    assert.equal(rule(parseEmails('')), 'emailsNone');
    assert.deepEqual(parseEmails(' ', false), { ok: true, value: [] });
    const fifty = Array.from({ length: 50 }, (_, i) => `u${i}@contoso.com`);
    assert.equal(rule(parseEmails(fifty.join(','))), 'ok');
    assert.equal(rule(parseEmails([...fifty, 'u50@contoso.com'].join(','))), 'emailsTooMany');
  });

  test('filter values and names', () => {
    assert.deepEqual(parseFilterValues(' rg-web , rg-data,rg-web'), { ok: true, value: ['rg-web', 'rg-data'] });
    assert.equal(rule(parseFilterValues('')), 'filterValuesEmpty');
    assert.equal(rule(parseFilterValues('a,,b')), 'filterValuesEmpty');
  });
});

const notify = (threshold: number, thresholdType: 'Actual' | 'Forecasted', enabled = true, operator: BudgetNotification['operator'] = 'GreaterThan'): BudgetNotification =>
  ({ enabled, operator, threshold, thresholdType, contactEmails: ['a@b.co'], contactRoles: [], contactGroups: [] });

function budget(amount: number, spent: number, forecast: number, notifications: Record<string, BudgetNotification>, grain = 'Monthly', start = '2026-05-01'): Budget {
  return {
    id: '/subscriptions/s/providers/Microsoft.Consumption/budgets/b', name: 'b', type: 'Microsoft.Consumption/budgets', category: 'Cost', amount,
    timeGrain: grain, startDate: start as Budget['startDate'], endDate: '2027-05-01' as Budget['endDate'], notifications,
    currentSpend: { amount: spent, currency: 'USD' }, forecastSpend: { amount: forecast, currency: 'USD' },
  };
}

describe('budget status', () => {
  test('the current period restarts every grain from the start month', () => {
    assert.deepEqual(currentBudgetPeriod('Monthly', '2026-05-01', undefined, today), { from: '2026-11-01', to: '2026-11-30' });
    // Quarters from May: May–Jul, Aug–Oct, Nov–Jan.
    assert.deepEqual(currentBudgetPeriod('Quarterly', '2026-05-01', undefined, today), { from: '2026-11-01', to: '2027-01-31' });
    assert.deepEqual(currentBudgetPeriod('Quarterly', '2026-06-01', undefined, today), { from: '2026-09-01', to: '2026-11-30' });
    assert.deepEqual(currentBudgetPeriod('Annually', '2026-01-01', undefined, today), { from: '2026-01-01', to: '2026-12-31' });
    assert.deepEqual(currentBudgetPeriod('Annually', '2026-01-01', '2026-11-20', today), { from: '2026-01-01', to: '2026-11-20' }, 'cut at the end date');
    assert.equal(currentBudgetPeriod('Monthly', '2026-12-01', undefined, today), undefined, 'not started');
    assert.equal(currentBudgetPeriod('Monthly', '2025-01-01', '2026-10-31', today), undefined, 'ended');
  });

  test('percentages, crossed notifications and the level', () => {
    // 850 of 1000 spent = 85 %, forecast 1821.43 = 182.143 %: past Actual 80 and Forecasted 100.
    const s = budgetStatus(budget(1000, 850, 1821.43, { a80: notify(80, 'Actual'), f100: notify(100, 'Forecasted'), a90: notify(90, 'Actual') }), today);
    assert.equal(s.spentPercent, 85);
    assert.ok(Math.abs(s.forecastPercent! - 182.143) < 1e-9);
    assert.deepEqual(s.crossed.map((c) => c.key), ['a80', 'f100']);
    assert.equal(s.level, 'warning');
    assert.equal(budgetStatus(budget(1000, 1000.01, 1100, {}), today).level, 'over', 'past 100 % even without notifications');
    assert.equal(budgetStatus(budget(1000, 1000, 1000, {}), today).level, 'ok', 'exactly 100 % is not past it');
    assert.equal(budgetStatus(budget(1000, 800, 900, { a80: notify(80, 'Actual') }), today).level, 'ok', 'GreaterThan: 80 % is not past 80 %');
    assert.equal(budgetStatus(budget(1000, 800, 900, { a80: notify(80, 'Actual', true, 'GreaterThanOrEqualTo') }), today).level, 'warning');
    assert.equal(budgetStatus(budget(1000, 950, 900, { a80: notify(80, 'Actual', false) }), today).level, 'ok', 'a disabled notification does not count');
    assert.equal(budgetStatus(budget(1000, 0, 0, {}, 'Monthly', '2026-12-01'), today).level, 'notStarted');
    assert.equal(budgetStatus(budget(0, 10, 10, {}), today).spentPercent, undefined, 'no percentage of a zero amount');
  });

  test('filters: parts for the tooltip, the wizard\'s choices both ways', () => {
    const f = { and: [{ dimensions: { name: 'ResourceGroupName', operator: 'In', values: ['rg-web'] } }, { tags: { name: 'env', operator: 'In', values: ['prod', 7] } }] };
    assert.deepEqual(budgetFilterParts(f), [{ kind: 'dimension', name: 'ResourceGroupName', values: ['rg-web'] }, { kind: 'tag', name: 'env', values: ['prod'] }]);
    assert.equal(filterChoiceOf(f), undefined, 'two parts: not something the wizard edits');
    const choices: BudgetFilterChoice[] = [{ kind: 'resourceGroup', values: ['rg-web'] }, { kind: 'meterCategory', values: ['Storage', 'Virtual Machines'] }, { kind: 'tag', name: 'env', values: ['prod'] }];
    for (const choice of choices) {
      assert.deepEqual(filterChoiceOf(budgetFilterOf(choice)), choice);
    }
    assert.deepEqual(budgetFilterOf({ kind: 'meterCategory', values: ['Storage'] }), { dimensions: { name: 'MeterCategory', operator: 'In', values: ['Storage'] } });
  });
});
