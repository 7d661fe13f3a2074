import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { addDays, addMonths, daysBetween, calendarDate, parseCalendarDate, parseInstant } from '../../../src/billing/models/dates';

function instant(raw: unknown): string {
  const p = parseInstant(raw);
  assert.ok(p.ok, `expected ${String(raw)} to parse: ${p.ok ? '' : p.reason}`);
  return p.value.toISOString();
}

describe('dates', () => {
  it('reads instants with seven fractional digits, offsets and no zone', () => {
    assert.equal(instant('2019-04-09T00:00:00.0000000Z'), '2019-04-09T00:00:00.000Z');
    assert.equal(instant('2024-06-01T12:00:00.1234567Z'), '2024-06-01T12:00:00.123Z');
    assert.equal(instant('2024-05-01T00:00:00+00:00'), '2024-05-01T00:00:00.000Z');
    assert.equal(instant('2024-05-01T02:00:00+02:00'), '2024-05-01T00:00:00.000Z');
    assert.equal(instant('2024-05-01T00:00:00-0700'), '2024-05-01T07:00:00.000Z');
    // Cost Management BillingMonth has no zone; Azure means UTC.
    assert.equal(instant('2024-05-01T00:00:00'), '2024-05-01T00:00:00.000Z');
    assert.equal(instant('2024-05-01'), '2024-05-01T00:00:00.000Z');
  });

  it('reports impossible dates instead of rolling them over', () => {
    // JavaScript's Date would turn 2018-02-30 into March 2nd.
    const p = parseInstant('2018-02-30T17:32:28Z');
    assert.equal(p.ok, false);
    assert.match(!p.ok ? p.reason : '', /2018-02 has no day 30/);
    assert.equal(parseCalendarDate('2023-13-01').ok, false);
    assert.equal(parseInstant('2024-05-01T25:00:00Z').ok, false);
    assert.equal(parseInstant('not a date').ok, false);
    assert.equal(parseInstant(null).ok, false);
    assert.equal(parseInstant(20240501).ok, false);
  });

  it('knows leap years', () => {
    assert.equal(parseCalendarDate('2024-02-29').ok, true);
    assert.equal(parseCalendarDate('2023-02-29').ok, false);
    assert.equal(parseCalendarDate('2000-02-29').ok, true);
    assert.equal(parseCalendarDate('1900-02-29').ok, false);
  });

  it('reads calendar dates in every format Azure uses', () => {
    const date = (raw: unknown) => {
      const p = parseCalendarDate(raw);
      return p.ok ? p.value : `error: ${p.reason}`;
    };
    assert.equal(date('2023-02-01'), '2023-02-01');
    assert.equal(date('02-16-2023'), '2023-02-16'); // MM-DD-YYYY as the 2020-05-01 spec describes
    assert.equal(date(20180331), '2018-03-31'); // Cost Management UsageDate
    assert.equal(date('20180331'), '2018-03-31');
    // A period bound written as a date-time keeps its written date (no shift to local time).
    assert.equal(date('2023-02-01T17:32:28Z'), '2023-02-01');
    assert.equal(date('2024-05-31T23:59:59-08:00'), '2024-05-31');
    assert.match(String(date(2018023)), /^error/);
  });

  it('does date arithmetic on calendar dates', () => {
    assert.equal(addDays(calendarDate('2024-02-28'), 1), '2024-02-29');
    assert.equal(addDays(calendarDate('2024-03-01'), -1), '2024-02-29');
    assert.equal(daysBetween(calendarDate('2024-01-01'), calendarDate('2024-12-31')), 365);
    assert.throws(() => calendarDate('2024-02-30'));
    assert.equal(addMonths(calendarDate('2024-01-31'), 1), '2024-02-29');
    assert.equal(addMonths(calendarDate('2024-02-29'), 12), '2025-02-28');
    assert.equal(addMonths(calendarDate('2024-11-15'), -13), '2023-10-15');
  });
});
