// Budget, credit and de-duplication rules on hand-made budgets and lots; each expectation is worked
// out in the comments. The anomaly rules themselves are in test/unit/insight/anomalyRules.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Budget, BudgetNotification } from '../../../src/billing/models/budget';
import type { CreditLot } from '../../../src/billing/models/credit';
import type { CalendarDate } from '../../../src/billing/models/dates';
import { parseIsoDate } from '../../../src/insight/calendar';
import { decideAlerts, dismiss, EMPTY_LEDGER, isDismissed, readLedger } from '../../../src/insight/alerts/alertLedger';
import { anomalyFindings } from '../../../src/insight/alerts/anomalyFindings';
import { DEFAULT_THRESHOLDS } from '../../../src/insight/alerts/anomalyRules';
import { budgetCrossings, budgetPeriodStart } from '../../../src/insight/alerts/budgetRules';
import { expiringLots, shortRunway } from '../../../src/insight/alerts/creditRules';

const today = parseIsoDate('2026-11-15')!;
const day = (text: string) => text as CalendarDate;
const note = (threshold: number, thresholdType: 'Actual' | 'Forecasted', enabled = true): BudgetNotification => ({
  enabled, operator: 'GreaterThan', threshold, thresholdType, contactEmails: ['a@b.c'], contactRoles: [], contactGroups: [],
});
function budget(over: Partial<Budget>): Budget {
  return {
    id: '/subscriptions/s1/providers/Microsoft.Consumption/budgets/b1', name: 'b1', category: 'Cost', amount: 1000, timeGrain: 'Monthly', startDate: day('2026-05-01'),
    notifications: { a80: note(80, 'Actual'), f100: note(100, 'Forecasted'), a100: note(100, 'Actual') },
    currentSpend: { amount: 850, currency: 'USD' }, forecastSpend: { amount: 1200, currency: 'USD' }, ...over,
  };
}

describe('budget thresholds', () => {
  test('spend 850 of 1000 crosses 80 % actual; the forecast 1200 crosses 100 % forecasted; 100 % actual is not crossed', () => {
    const found = budgetCrossings('subscriptions/s1', budget({}), today);
    assert.deepEqual(found.map((f) => [f.thresholdType, f.threshold, f.periodStart]), [['Forecasted', 100, '2026-11-01'], ['Actual', 80, '2026-11-01']]);
    assert.equal(found[1].key, 'budget|/subscriptions/s1/providers/microsoft.consumption/budgets/b1|Actual|80|2026-11-01');
  });

  test('exactly at the threshold: GreaterThan is not crossed, GreaterThanOrEqualTo is', () => {
    const at = budget({ currentSpend: { amount: 800, currency: 'USD' }, forecastSpend: undefined });
    assert.equal(budgetCrossings('s', at, today).length, 0);
    const ge = budget({ currentSpend: { amount: 800, currency: 'USD' }, forecastSpend: undefined, notifications: { a80: { ...note(80, 'Actual'), operator: 'GreaterThanOrEqualTo' } } });
    assert.equal(budgetCrossings('s', ge, today).length, 1);
  });

  test('disabled notifications, usage budgets, ended budgets and budgets not started yet raise nothing', () => {
    assert.equal(budgetCrossings('s', budget({ notifications: { a80: note(80, 'Actual', false) } }), today).length, 0);
    assert.equal(budgetCrossings('s', budget({ category: 'Usage' }), today).length, 0);
    assert.equal(budgetCrossings('s', budget({ endDate: day('2026-10-31') }), today).length, 0);
    assert.equal(budgetCrossings('s', budget({ startDate: day('2026-12-01') }), today).length, 0);
  });

  test('the period follows the grain from the start date: quarterly from May → November starts a quarter', () => {
    assert.equal(budgetPeriodStart({ timeGrain: 'Quarterly', startDate: day('2026-05-01') }, today), parseIsoDate('2026-11-01'));
    assert.equal(budgetPeriodStart({ timeGrain: 'Quarterly', startDate: day('2026-06-01') }, today), parseIsoDate('2026-09-01'));
    assert.equal(budgetPeriodStart({ timeGrain: 'Annually', startDate: day('2025-02-01') }, today), parseIsoDate('2026-02-01'));
  });
});

describe('credit lots and runway', () => {
  const lot = (name: string, expires: string, balance: number, status = 'Active'): CreditLot => ({
    id: name, name, status, expirationDate: new Date(`${expires}T00:00:00Z`), closedBalance: { amount: balance, currency: 'USD' },
  });

  test('a lot expiring within 30 days with credit left; not one expiring in 31 days, used up, or already expired', () => {
    const found = expiringLots('p', [lot('soon', '2026-12-10', 6952.6), lot('later', '2026-12-16', 10), lot('empty', '2026-11-20', 0), lot('gone', '2026-11-01', 5, 'Expired')], today, 30);
    // 2026-12-10 − 2026-11-15 = 25 days ≤ 30; 2026-12-16 is 31 days away.
    assert.deepEqual(found.map((f) => [f.lotName, f.daysLeft, f.expires]), [['soon', 25, '2026-12-10']]);
  });

  test('a runway of 20 days is short with 30; 45 is not; no end is no alert', () => {
    assert.equal(shortRunway('p', today + 20, 'spending', today, 30)[0].daysLeft, 20);
    assert.equal(shortRunway('p', today + 45, 'spending', today, 30).length, 0);
    assert.equal(shortRunway('p', undefined, undefined, today, 30).length, 0);
    // The key holds the month it ends in: a runway that moves from the 5th to the 3rd of December is the same alert.
    assert.equal(shortRunway('p', today + 20, 'spending', today, 30)[0].key, shortRunway('p', today + 18, 'spending', today, 30)[0].key);
  });
});

describe('anomaly findings and de-duplication', () => {
  const days = (amounts: number[]) => amounts.map((amount, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, amount }));

  test('the same spike found on two passes has one key: raised once; a dismissed one stays quiet and is not active', () => {
    const series = days([...new Array<number>(14).fill(10), 35]);
    const first = anomalyFindings('subscriptions/s1', { currency: 'USD', days: series, byService: [] }, DEFAULT_THRESHOLDS);
    const second = anomalyFindings('subscriptions/s1', { currency: 'USD', days: series, byService: [] }, DEFAULT_THRESHOLDS);
    assert.equal(first.length, 1);
    assert.equal(first[0].key, second[0].key);
    const t0 = Date.UTC(2026, 10, 15);
    const a = decideAlerts(first, EMPTY_LEDGER, t0);
    const b = decideAlerts(second, readLedger(JSON.parse(JSON.stringify(a.next))), t0 + 3600_000);
    assert.equal(a.raise.length, 1);
    assert.equal(b.raise.length, 0);
    const dismissed = dismiss(b.next, first[0].key, t0 + 7200_000);
    assert.ok(isDismissed(readLedger(JSON.parse(JSON.stringify(dismissed))), first[0].key));
    assert.equal(decideAlerts(second, dismissed, t0 + 9000_000).raise.length, 0);
  });

  test('a stored ledger that is not one reads as empty, and an old one without dismissals still reads', () => {
    assert.deepEqual(readLedger('nonsense'), EMPTY_LEDGER);
    assert.deepEqual(readLedger({ raised: { k: 1, bad: 'x' }, snoozedUntil: {}, kindsOff: ['spike'] }), { raised: { k: 1 }, snoozedUntil: {}, kindsOff: ['spike'], dismissed: {} });
  });
});
