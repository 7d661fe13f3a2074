import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DateRangeError, listCreditEvents, listCreditEventsInWindows, MAX_EVENT_RANGE_MONTHS, splitRange, validateEventRange } from '../../../src/billing/creditEvents';
import { calendarDate } from '../../../src/billing/models/dates';
import { isNotApplicable } from '../../../src/billing/notApplicable';
import events from './fixtures/events-2024-08-01.json';
import { FakeTransport } from './support/fakeTransport';

function problemOf(fn: () => unknown): { problem: string; message: string } {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DateRangeError, `expected a DateRangeError, got ${String(e)}`);
    return { problem: e.problem, message: e.message };
  }
  assert.fail('expected the range to be refused');
}

describe('credit events: date range checked before calling', () => {
  it('needs both dates', () => {
    assert.deepEqual(problemOf(() => validateEventRange({ endDate: '2024-06-30' })).problem, 'missingStart');
    const end = problemOf(() => validateEventRange({ startDate: '2024-01-01' }));
    assert.equal(end.problem, 'missingEnd');
    assert.match(end.message, /Choose an end date/);
  });

  it('names an impossible date and the expected form', () => {
    const r = problemOf(() => validateEventRange({ startDate: '2024-02-30', endDate: '2024-03-31' }));
    assert.equal(r.problem, 'invalidStart');
    assert.match(r.message, /2024-02 has no day 30/);
    assert.match(r.message, /YYYY-MM-DD/);
    assert.equal(problemOf(() => validateEventRange({ startDate: '2024-01-01', endDate: 'yesterday' })).problem, 'invalidEnd');
  });

  it('refuses a start after the end and says to swap them', () => {
    const r = problemOf(() => validateEventRange({ startDate: '2024-06-01', endDate: '2024-05-01' }));
    assert.equal(r.problem, 'startAfterEnd');
    assert.match(r.message, /the start date 2024-06-01 is after the end date 2024-05-01\. Swap the dates/);
  });

  it('refuses more than a year and proposes a range that fits', () => {
    // 2023-01-01 … 2024-06-30 is 365 + 182 = 547 days.
    const r = problemOf(() => validateEventRange({ startDate: '2023-01-01', endDate: '2024-06-30' }));
    assert.equal(r.problem, 'rangeTooLong');
    assert.match(r.message, /is 547 days/);
    assert.match(r.message, /2023-01-01 to 2024-01-01/);
    // The same day a year on is the longest range; one day more is refused.
    assert.deepEqual(validateEventRange({ startDate: '2024-02-29', endDate: '2025-02-28' }), { startDate: '2024-02-29', endDate: '2025-02-28' });
    assert.equal(problemOf(() => validateEventRange({ startDate: '2024-02-29', endDate: '2025-03-01' })).problem, 'rangeTooLong');
    assert.equal(MAX_EVENT_RANGE_MONTHS, 12);
  });

  it('splits a long range into consecutive windows with no gap or overlap', () => {
    const windows = splitRange({ startDate: calendarDate('2022-03-15'), endDate: calendarDate('2024-06-30') });
    assert.deepEqual(windows, [
      { startDate: '2022-03-15', endDate: '2023-03-14' },
      { startDate: '2023-03-15', endDate: '2024-03-14' },
      { startDate: '2024-03-15', endDate: '2024-06-30' },
    ]);
  });

  it('sends the checked dates as plain query parameters and refuses a bad range without any request', async () => {
    const t = new FakeTransport(() => ({ items: events.value }));
    const scope = { accountName: 'a:b_2019-05-31', profileName: 'P1', agreementType: 'MicrosoftCustomerAgreement' };
    const got = await listCreditEvents(t, scope, { startDate: '2024-08-01', endDate: '2024-10-31' }).all();
    assert.equal(got.items.length, 5);
    assert.deepEqual(t.calls.map((c) => [c.path, c.query]), [
      ['/providers/Microsoft.Billing/billingAccounts/a%3Ab_2019-05-31/billingProfiles/P1/providers/Microsoft.Consumption/events', { 'api-version': '2024-08-01', startDate: '2024-08-01', endDate: '2024-10-31' }],
    ]);
    await assert.rejects(listCreditEvents(t, scope, { startDate: '2024-10-31', endDate: '2024-08-01' }).all(), DateRangeError);
    assert.equal(t.calls.length, 1, 'no request for a refused range');
    await listCreditEventsInWindows(t, scope, { startDate: '2022-03-15', endDate: '2024-06-30' }).all();
    assert.deepEqual(t.calls.slice(1).map((c) => `${c.query.startDate}..${c.query.endDate}`), ['2022-03-15..2023-03-14', '2023-03-15..2024-03-14', '2024-03-15..2024-06-30']);
  });

  it('does not apply to EA or MOSP', async () => {
    const t = new FakeTransport(() => ({ items: [] }));
    for (const agreementType of ['EnterpriseAgreement', 'MicrosoftOnlineServicesProgram']) {
      await assert.rejects(listCreditEvents(t, { accountName: '8771640', profileName: 'x', agreementType }, { startDate: '2024-01-01', endDate: '2024-02-01' }).all(), (e) => {
        assert.ok(isNotApplicable(e));
        assert.equal(e.reason, 'creditsNeedMcaProfile');
        return true;
      });
    }
    assert.equal(t.calls.length, 0);
  });
});
