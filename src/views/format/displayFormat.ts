// How amounts and dates read to a person, in the editor's display language. Only views format;
// everything below keeps raw numbers and ISO dates. The locale is a parameter (the caller passes
// `vscode.env.language`) so this file stays testable in plain Node.
import type { Money } from '../../billing/models/money';
import type { CalendarDate } from '../../billing/models/dates';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached formatter: building one is the expensive part of Intl, and trees format hundreds of rows. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(safeLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

/** VS Code hands over tags like `ko`, `en`, `zh-tw`, `qps-ploc`; Intl rejects only malformed ones. */
export function safeLocale(locale: string | undefined): string {
  if (!locale) { return 'en'; }
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * `{ amount: 1234.5, currency: 'EUR' }` → `€1,234.50` (en) or `€1,234.50`/`1.234,50 €` as the
 * locale writes it. An amount without a known currency keeps its code beside a plain number
 * rather than pretending to be in some currency.
 */
export function formatMoney(money: Money, locale: string): string {
  const code = money.currency.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(code)) {
    try {
      return numberFormat(locale, { style: 'currency', currency: code, currencyDisplay: 'symbol' }).format(money.amount);
    } catch {
      // An ISO-shaped code Intl does not know: fall through to number + code.
    }
  }
  const number = numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(money.amount);
  return code ? `${number} ${code}` : number;
}

/** Several currencies side by side, never added together. */
export function formatMoneyList(amounts: readonly Money[], locale: string): string {
  return amounts.map((m) => formatMoney(m, locale)).join(' · ');
}

/** A calendar date (billing periods, due dates) as the locale writes dates; no time zone shift. */
export function formatCalendarDate(date: CalendarDate | string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) { return date; }
  const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(instant);
}

/** An instant (a sign-in expiry, a last refresh) in the person's own time zone. */
export function formatInstant(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}

/** "30 s", "2 min": waits in messages (throttling) in the locale's own unit words. */
export function formatWait(seconds: number, locale: string): string {
  const rounded = Math.max(1, Math.ceil(seconds));
  if (rounded < 90) { return numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(rounded); }
  return numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(Math.ceil(rounded / 60));
}
