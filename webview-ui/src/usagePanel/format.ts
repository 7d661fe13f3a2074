// Numbers, money and dates in the editor's display language (the host sends its locale).
// Amounts arrive as integer minor units so totals stay exact; they become decimals only here.

export class Formatters {
  private readonly money = new Map<string, Intl.NumberFormat>();
  private readonly quantity: Intl.NumberFormat;
  private readonly day: Intl.DateTimeFormat;
  private readonly hour: Intl.DateTimeFormat;

  constructor(readonly locale: string) {
    this.quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    // Usage days and hours are UTC; showing them in UTC keeps a day's bar on its own day.
    this.day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    this.hour = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', timeZone: 'UTC' });
  }

  currency(minorUnits: number, currency: string, fractionDigits: number): string {
    let f = this.money.get(currency);
    if (!f) {
      try {
        f = new Intl.NumberFormat(this.locale, { style: 'currency', currency, minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
      } catch {
        f = new Intl.NumberFormat(this.locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
      }
      this.money.set(currency, f);
    }
    return f.format(minorUnits / 10 ** fractionDigits);
  }

  number(value: number): string {
    return this.quantity.format(value);
  }

  /** "2024-05-01" or "2024-05-01T13:00Z" → "May 1" / "May 1, 1 PM". */
  bucket(label: string): string {
    const date = new Date(label.length === 10 ? `${label}T00:00:00Z` : label.replace(/Z$/, ':00Z'));
    if (Number.isNaN(date.getTime())) { return label; }
    return label.length === 10 ? this.day.format(date) : this.hour.format(date);
  }
}
