// Amounts and dates as people in the editor's language read them.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { calendarDate } from '../../../src/billing/models/dates';
import { formatCalendarDate, formatMoney, formatMoneyList, formatWait, safeLocale } from '../../../src/views/format/displayFormat';

// Intl separates some currency symbols with a no-break space; compare what a reader sees.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('views: money and dates for people', () => {
  it('writes money the way each language does, with the currency of the amount', () => {
    assert.equal(formatMoney({ amount: 1234.5, currency: 'USD' }, 'en'), '$1,234.50');
    assert.equal(plain(formatMoney({ amount: 1234.5, currency: 'EUR' }, 'de')), '1.234,50 €');
    assert.equal(formatMoney({ amount: 1234.5, currency: 'KRW' }, 'ko'), '₩1,235');
    assert.equal(formatMoney({ amount: -20, currency: 'usd' }, 'en'), '-$20.00');
  });

  it('never invents a currency for an amount that came without one', () => {
    assert.equal(formatMoney({ amount: 12.345, currency: '' }, 'en'), '12.35');
    assert.equal(formatMoney({ amount: 12, currency: 'credits' }, 'en'), '12.00 CREDITS');
  });

  it('keeps several currencies side by side instead of adding them', () => {
    assert.equal(formatMoneyList([{ amount: 10, currency: 'USD' }, { amount: 5, currency: 'EUR' }], 'en'), '$10.00 · €5.00');
  });

  it('shows a calendar date as that day everywhere, whatever the time zone', () => {
    assert.equal(formatCalendarDate(calendarDate('2026-11-01'), 'en-US'), 'Nov 1, 2026');
    assert.equal(formatCalendarDate(calendarDate('2026-11-01'), 'ko'), '2026. 11. 1.');
    assert.equal(formatCalendarDate('not a date', 'en'), 'not a date');
  });

  it('says a wait in seconds or minutes', () => {
    assert.equal(formatWait(12.2, 'en'), '13 seconds');
    assert.equal(formatWait(300, 'en'), '5 minutes');
    assert.equal(formatWait(30, 'ko'), '30초');
  });

  it('falls back to English for a language tag Intl cannot read', () => {
    assert.equal(safeLocale('ko'), 'ko');
    assert.equal(safeLocale('zh-tw'), 'zh-TW');
    assert.equal(safeLocale('not a locale!'), 'en');
    assert.equal(safeLocale(undefined), 'en');
  });
});
