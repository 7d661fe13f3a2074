import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIsoDate, parseIsoDate } from '../../../src/insight/calendar';
import { PeriodRequest, resolvePeriod } from '../../../src/insight/periods';

function resolve(request: PeriodRequest, today: string, billingPeriodStartDay?: number) {
  const result = resolvePeriod(request, { today: parseIsoDate(today)!, billingPeriodStartDay });
  if (!result.ok) { return { error: result.error.code, field: result.error.field, message: result.error.message }; }
  const p = result.period;
  return { from: formatIsoDate(p.first), to: formatIsoDate(p.last), periodEnd: formatIsoDate(p.periodEnd) };
}

test('this billing period on the 1st runs from the first of the month to today, ending on the month\'s last day', () => {
  assert.deepEqual(resolve({ preset: 'billingPeriod' }, '2024-03-15'), { from: '2024-03-01', to: '2024-03-15', periodEnd: '2024-03-31' });
});

test('a billing period starting on the 15th that has not begun this month started last month', () => {
  assert.deepEqual(resolve({ preset: 'billingPeriod' }, '2024-03-10', 15), { from: '2024-02-15', to: '2024-03-10', periodEnd: '2024-03-14' });
  assert.deepEqual(resolve({ preset: 'billingPeriod' }, '2024-03-15', 15), { from: '2024-03-15', to: '2024-03-15', periodEnd: '2024-04-14' });
});

test('a billing period day past the month\'s end falls on its last day (leap and common Februaries)', () => {
  assert.deepEqual(resolve({ preset: 'billingPeriod' }, '2024-02-29', 31), { from: '2024-02-29', to: '2024-02-29', periodEnd: '2024-03-30' });
  assert.deepEqual(resolve({ preset: 'billingPeriod' }, '2023-02-27', 31), { from: '2023-01-31', to: '2023-02-27', periodEnd: '2023-02-27' });
});

test('last month is the whole previous calendar month, across a year end and a leap February', () => {
  assert.deepEqual(resolve({ preset: 'lastMonth' }, '2024-03-01'), { from: '2024-02-01', to: '2024-02-29', periodEnd: '2024-02-29' });
  assert.deepEqual(resolve({ preset: 'lastMonth' }, '2024-01-31'), { from: '2023-12-01', to: '2023-12-31', periodEnd: '2023-12-31' });
  assert.deepEqual(resolve({ preset: 'lastMonth' }, '2023-03-31'), { from: '2023-02-01', to: '2023-02-28', periodEnd: '2023-02-28' });
});

test('the last 30 and 90 days include today', () => {
  // 2024-03-01 minus 29 days walks back through all 29 days of a leap February: Feb 1.
  assert.deepEqual(resolve({ preset: 'last30Days' }, '2024-03-01'), { from: '2024-02-01', to: '2024-03-01', periodEnd: '2024-03-01' });
  // Jan (31) + Feb (29) = 60 days before Mar 1; 29 more back is Dec 3.
  assert.deepEqual(resolve({ preset: 'last30Days' }, '2023-03-01'), { from: '2023-01-31', to: '2023-03-01', periodEnd: '2023-03-01' });
  assert.deepEqual(resolve({ preset: 'last90Days' }, '2024-03-01'), { from: '2023-12-03', to: '2024-03-01', periodEnd: '2024-03-01' });
});

test('a valid custom range is taken as it is, both ends included', () => {
  assert.deepEqual(resolve({ preset: 'custom', from: '2024-02-29', to: '2024-03-02' }, '2024-03-10'), {
    from: '2024-02-29', to: '2024-03-02', periodEnd: '2024-03-02',
  });
});

test('custom dates that are not dates say how to write one', () => {
  const r = resolve({ preset: 'custom', from: '2023-02-29', to: '2023-03-01' }, '2023-03-10');
  assert.deepEqual(r, {
    error: 'unparsableDate', field: 'from', message: '"2023-02-29" is not a date. Enter it as YYYY-MM-DD, for example 2023-03-10.',
  });
  assert.equal(resolve({ preset: 'custom', from: '2024-01-01', to: '03/01/2024' }, '2024-03-10').error, 'unparsableDate');
  assert.equal(resolve({ preset: 'custom', from: '', to: '2024-03-01' }, '2024-03-10').error, 'missingDate');
});

test('an end before the start names both dates', () => {
  assert.deepEqual(resolve({ preset: 'custom', from: '2024-03-05', to: '2024-03-01' }, '2024-03-10'), {
    error: 'endBeforeStart', field: 'to',
    message: 'The end date 2024-03-01 is before the start date 2024-03-05. Pick an end date on or after the start date.',
  });
});

test('an end in the future points at today', () => {
  assert.deepEqual(resolve({ preset: 'custom', from: '2024-03-01', to: '2024-03-11' }, '2024-03-10'), {
    error: 'inFuture', field: 'to', message: 'The end date 2024-03-11 is in the future. Pick today (2024-03-10) or an earlier day.',
  });
});

test('a start more than 13 months back names the earliest allowed day', () => {
  // 13 months before 2024-03-31 is 2023-02-31, which does not exist: Feb 28.
  assert.deepEqual(resolve({ preset: 'custom', from: '2023-02-27', to: '2023-03-31' }, '2024-03-31'), {
    error: 'tooOld', field: 'from', message: 'Usage is kept for 13 months. Pick a start date on or after 2023-02-28.',
  });
  assert.equal(resolve({ preset: 'custom', from: '2023-02-28', to: '2023-03-31' }, '2024-03-31').from, '2023-02-28');
});
