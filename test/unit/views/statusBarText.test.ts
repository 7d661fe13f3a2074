// The status bar's text and tooltip from hand-made figures: whole amounts in the status bar, one
// part per currency (never a sum), in the locale's own way of writing money, English and Korean.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CurrencyGlance, Glance } from '../../../src/views/statusBar/glanceFigures';
import { changePercent, currencyTooltip, escapeMarkdown, GlanceTexts, glanceTooltip, statusText } from '../../../src/views/statusBar/glanceText';

const texts: GlanceTexts = {
  toDate: 'To date',
  forecast: 'Forecast',
  forecastRange: (low, high) => `likely ${low} to ${high}`,
  sameDayLastMonth: 'Same day last month',
  change: (p) => `now ${p}`,
  topServices: 'Top',
  noCost: 'No cost yet.',
};

const usd: CurrencyGlance = {
  currency: 'USD',
  fractionDigits: 2,
  toDate: 123_440, // $1,234.40
  forecast: { total: 218_049, low: 200_000, high: 250_075, dailySpend: 6_000 },
  sameDayLastPeriod: 100_000,
  topServices: [
    { label: 'Virtual Machines', total: 80_000 },
    { label: 'Storage', total: 30_000 },
    { label: 'SQL_Database [prod]', total: 13_440 },
  ],
};
const eur: CurrencyGlance = { currency: 'EUR', fractionDigits: 2, toDate: 51_250, forecast: { total: 90_000, low: 85_000, high: 95_000, dailySpend: 3_000 }, topServices: [] };
const glance = (...currencies: CurrencyGlance[]): Glance => ({ period: { first: 0, today: 6, end: 29 }, currencies });

describe('views: status bar text', () => {
  it('shows spend to date and the forecast in whole dollars', () => {
    assert.equal(statusText(glance(usd), 'en', 'none'), '$(pulse) $1,234 · ~$2,180');
  });

  it('shows each currency on its own, in the order given, never a sum', () => {
    assert.equal(statusText(glance(eur, usd), 'en', 'none'), '$(pulse) €513 · ~€900 | $1,234 · ~$2,180');
  });

  it('writes money as Korean does: US dollars marked US$, won without decimals', () => {
    assert.equal(statusText(glance(usd), 'ko', 'none'), '$(pulse) US$1,234 · ~US$2,180');
    const krw: CurrencyGlance = { currency: 'KRW', fractionDigits: 0, toDate: 1_523_400, forecast: { total: 3_000_000, low: 0, high: 0, dailySpend: 0 }, topServices: [] };
    assert.equal(statusText(glance(krw), 'ko', '없음'), '$(pulse) ₩1,523,400 · ~₩3,000,000');
  });

  it('writes euros the German way in German', () => {
    // Intl separates the amount and the sign with a no-break space.
    assert.equal(statusText(glance(eur), 'de', 'none'), '$(pulse) 513\u00a0€ · ~900\u00a0€');
  });

  it('says so when the period has no cost yet, and leaves out a forecast it does not have', () => {
    assert.equal(statusText(glance(), 'en', 'no cost yet'), '$(pulse) no cost yet');
    assert.equal(statusText(glance({ ...usd, forecast: undefined }), 'en', ''), '$(pulse) $1,234');
  });

  it('keeps a currency code without a symbol beside the number', () => {
    assert.match(statusText(glance({ ...usd, currency: 'XQZ', forecast: undefined }), 'en', ''), /^\$\(pulse\) XQZ\s1,234$/);
  });
});

describe('views: status bar tooltip', () => {
  it('lists to date, the forecast with its range, last month and the change, and the top three services', () => {
    const lines = currencyTooltip(usd, texts, 'en');
    assert.deepEqual(lines, [
      'To date: **\\$1,234\\.40**',
      'Forecast: **~\\$2,180\\.49** (likely \\$2,000\\.00 to \\$2,500\\.75)',
      // 1,234.40 against 1,000.00 is 23.44 % more.
      'Same day last month: \\$1,000\\.00 (now \\+23%)',
      'Top: Virtual Machines \\$800\\.00, Storage \\$300\\.00, SQL\\_Database \\[prod\\] \\$134\\.40',
    ]);
  });

  it('gives one block per currency, separated by a rule', () => {
    const md = glanceTooltip(glance(eur, usd), texts, 'en');
    const blocks = md.split('\n\n---\n\n');
    assert.equal(blocks.length, 2);
    assert.ok(blocks[0].startsWith('To date: **€512\\.50**'), blocks[0]);
    assert.ok(blocks[1].startsWith('To date: **\\$1,234\\.40**'), blocks[1]);
    assert.equal(glanceTooltip(glance(), texts, 'en'), 'No cost yet.');
  });

  it('writes the change in the locale\'s percent style, and none without a previous month', () => {
    assert.equal(changePercent(90, 100, 'en'), '-10%');
    assert.equal(changePercent(100, 100, 'ko'), '0%');
    assert.equal(changePercent(100, 0, 'en'), undefined);
    assert.equal(changePercent(100, undefined, 'en'), undefined);
  });

  it('never lets a name from Azure act as Markdown, a link or an icon', () => {
    assert.equal(escapeMarkdown('[x](command:evil) $(zap) *b*'), '\\[x\\]\\(command:evil\\) \\$\\(zap\\) \\*b\\*');
  });
});
