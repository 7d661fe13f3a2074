// The one check of a range of days: what each caller relies on (defaults, the length limit, the
// order of the checks), with dates worked out by hand.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkDateRange, DateRangeError } from '../../../src/billing/dateRange';
import { calendarDate } from '../../../src/billing/models/dates';

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DateRangeError, `expected a DateRangeError, got ${String(e)}`);
    return e.problem;
  }
  assert.fail('expected the range to be refused');
}

describe('checkDateRange', () => {
  it('takes real dates in order and gives them back as calendar dates', () => {
    assert.deepEqual(checkDateRange({ from: '2024-02-01', to: '2024-02-29' }, { subject: 'cost period' }), { from: '2024-02-01', to: '2024-02-29' });
    assert.deepEqual(checkDateRange({ from: '2024-03-01', to: '2024-03-01' }, { subject: 'cost period' }), { from: '2024-03-01', to: '2024-03-01' });
  });

  it('fills a missing end, then a missing start from that end; without defaults a missing date is refused first', () => {
    const rules = { subject: 'invoice period', defaultTo: calendarDate('2026-11-15'), defaultFrom: (to: string) => calendarDate(`${Number(to.slice(0, 4)) - 1}${to.slice(4)}`) };
    assert.deepEqual(checkDateRange({}, rules), { from: '2025-11-15', to: '2026-11-15' });
    assert.deepEqual(checkDateRange({ to: '2026-01-31' }, rules), { from: '2025-01-31', to: '2026-01-31' });
    assert.equal(problem(() => checkDateRange({ to: 'soon' }, { subject: 'credit history' })), 'missingStart');
    assert.equal(problem(() => checkDateRange({ from: '2026-01-01' }, { subject: 'credit history' })), 'missingEnd');
  });

  it('names the impossible date and the order problem, with the subject in the message', () => {
    assert.equal(problem(() => checkDateRange({ from: '2023-02-29', to: '2023-03-01' }, { subject: 'usage days' })), 'invalidStart');
    assert.equal(problem(() => checkDateRange({ from: '2023-02-28', to: '2023-02-29' }, { subject: 'usage days' })), 'invalidEnd');
    assert.throws(() => checkDateRange({ from: '2024-05-02', to: '2024-05-01' }, { subject: 'usage days' }), /In the usage days, the start date 2024-05-02 is after the end date 2024-05-01\. Swap the dates\./);
  });

  it('keeps to maxMonths: the same day that many months on is the last end allowed', () => {
    assert.deepEqual(checkDateRange({ from: '2024-01-31', to: '2024-04-30' }, { subject: 'x', maxMonths: 3 }), { from: '2024-01-31', to: '2024-04-30' });
    // 2024-01-31 … 2024-05-01, both counted: 1 (31 Jan) + 29 + 31 + 30 + 1 (1 May) = 92 days.
    assert.throws(() => checkDateRange({ from: '2024-01-31', to: '2024-05-01' }, { subject: 'x', maxMonths: 3 }), /is 92 days/);
  });
});
