// What the status bar item says and its tooltip, from the figures (glanceFigures.ts): pure, so the
// text is unit-tested in every locale without VS Code. Amounts are whole units in the status bar
// (it is a glance) and exact in the tooltip; each currency is shown on its own, never summed.

import { safeLocale } from '../format/displayFormat';
import type { CurrencyGlance, Glance } from './glanceFigures';

export const STATUS_ICON = '$(pulse)';

/** The localised words of the tooltip; `{0}`-style values are filled by the functions. */
export interface GlanceTexts {
  toDate: string;
  forecast: string;
  /** "likely {0} to {1}" (the forecast's 10–90 % range). */
  forecastRange(low: string, high: string): string;
  sameDayLastMonth: string;
  /** `percent` comes formatted ("+12%", "-5%"). */
  change(percent: string): string;
  topServices: string;
  /** Shown when the scope has no cost this period. */
  noCost: string;
}

type Formatter = { format: Intl.NumberFormat; withCode: boolean };
const formats = new Map<string, Formatter>();

function formatOf(locale: string, currency: string, whole: boolean): Formatter {
  const key = `${locale}|${currency}|${whole}`;
  let f = formats.get(key);
  if (!f) {
    const digits: Intl.NumberFormatOptions = whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
    try {
      f = { format: new Intl.NumberFormat(safeLocale(locale), { style: 'currency', currency, currencyDisplay: 'symbol', ...digits }), withCode: false };
    } catch {
      // A code Intl does not know: a plain number with the code beside it.
      f = { format: new Intl.NumberFormat(safeLocale(locale), whole ? digits : { minimumFractionDigits: 2, maximumFractionDigits: 2 }), withCode: true };
    }
    formats.set(key, f);
  }
  return f;
}

/** An amount in minor units as the locale writes money: `$1,234` (whole) or `$1,234.56`. */
export function money(minor: number, c: Pick<CurrencyGlance, 'currency' | 'fractionDigits'>, locale: string, whole = false): string {
  const { format, withCode } = formatOf(locale, c.currency, whole);
  const text = format.format(minor / 10 ** c.fractionDigits);
  return withCode ? `${text} ${c.currency}` : text;
}

/**
 * `$(pulse) $1,234 · ~$2,180`; with two currencies `$(pulse) €512 · ~€900 | $1,234 · ~$2,180`.
 * `empty` is said when the period has no cost yet.
 */
export function statusText(glance: Glance, locale: string, empty: string): string {
  if (glance.currencies.length === 0) {return `${STATUS_ICON} ${empty}`;}
  const parts = glance.currencies.map((c) => {
    const toDate = money(c.toDate, c, locale, true);
    return c.forecast ? `${toDate} · ~${money(c.forecast.total, c, locale, true)}` : toDate;
  });
  return `${STATUS_ICON} ${parts.join(' | ')}`;
}

/** "+12%" or "-5%" in the locale's own number style; undefined when there is nothing to compare with. */
export function changePercent(now: number, before: number | undefined, locale: string): string | undefined {
  if (before === undefined || before <= 0) {return undefined;}
  const ratio = (now - before) / before;
  return new Intl.NumberFormat(safeLocale(locale), { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(ratio);
}

/** Text from Azure (service names) is shown, never read as Markdown or as an icon. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$]/g, (c) => `\\${c}`);
}

/** The per-currency part of the tooltip, as Markdown lines. */
export function currencyTooltip(c: CurrencyGlance, texts: GlanceTexts, locale: string): string[] {
  const m = (minor: number) => escapeMarkdown(money(minor, c, locale));
  const lines = [`${texts.toDate}: **${m(c.toDate)}**`];
  if (c.forecast) {lines.push(`${texts.forecast}: **~${m(c.forecast.total)}** (${texts.forecastRange(m(c.forecast.low), m(c.forecast.high))})`);}
  if (c.sameDayLastPeriod !== undefined) {
    const change = changePercent(c.toDate, c.sameDayLastPeriod, locale);
    lines.push(`${texts.sameDayLastMonth}: ${m(c.sameDayLastPeriod)}${change ? ` (${texts.change(escapeMarkdown(change))})` : ''}`);
  }
  if (c.topServices.length > 0) {lines.push(`${texts.topServices}: ${c.topServices.map((s) => `${escapeMarkdown(s.label)} ${m(s.total)}`).join(', ')}`);}
  return lines;
}

/** The tooltip's figures: one block per currency, separated by a rule. */
export function glanceTooltip(glance: Glance, texts: GlanceTexts, locale: string): string {
  if (glance.currencies.length === 0) {return texts.noCost;}
  return glance.currencies.map((c) => currencyTooltip(c, texts, locale).join('  \n')).join('\n\n---\n\n');
}
