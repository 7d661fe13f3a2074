// Money is `{ amount, currency }` and is only ever added up within one currency.
// Azure sends amounts as JSON numbers that stand for decimals (`decimal` in the specs); adding the
// binary doubles directly drifts (0.1 + 0.2), so sums go through integers at a fixed scale.

export interface Money {
  /** The amount as Azure sent it (a JS number). Round only when showing it. */
  amount: number;
  /** ISO 4217 code, upper-case as sent (`USD`, `EUR`); '' when Azure left it out and no fallback was known. */
  currency: string;
}

/** `AmountWithExchangeRate` of Consumption: an amount in the billing currency plus the rate used. */
export interface MoneyWithExchangeRate extends Money {
  exchangeRate?: number;
  /** Month of the rate (1–12) as Azure reports it. */
  exchangeRateMonth?: number;
}

/**
 * Eighteen decimal places. Amounts are read from their shortest decimal spelling (`String(n)`),
 * which gives back the decimal Azure wrote (e.g. 0.000001968949998), so no binary noise enters.
 */
const SCALE_DIGITS = 18;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/** The amount as an integer count of 10^-18 units. */
export function toScaled(amount: number): bigint {
  if (!Number.isFinite(amount)) { throw new RangeError(`Not a finite amount: ${amount}`); }
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(amount));
  if (!m) { throw new RangeError(`Cannot read the amount ${amount}.`); }
  const [, sign, whole, fraction = '', exp = '0'] = m;
  // digits × 10^(exponent − fraction length), then moved to the fixed scale.
  let digits = BigInt(whole + fraction);
  const shift = Number(exp) - fraction.length + SCALE_DIGITS;
  if (shift >= 0) { digits *= 10n ** BigInt(shift); }
  else {
    const divisor = 10n ** BigInt(-shift);
    // Round half away from zero at the 18th decimal.
    digits = (digits + divisor / 2n) / divisor;
  }
  return sign === '-' ? -digits : digits;
}

export function fromScaled(scaled: bigint): number {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = abs / SCALE;
  const fraction = (abs % SCALE).toString().padStart(SCALE_DIGITS, '0');
  return Number(`${negative ? '-' : ''}${whole}.${fraction}`);
}

/**
 * Running totals, one per currency. `add` refuses nothing and mixes nothing: each currency keeps its
 * own sum, and `list()` hands them back side by side.
 */
export class MoneyTotals {
  private readonly sums = new Map<string, bigint>();

  add(money: Money | undefined): this {
    if (!money) { return this; }
    const key = money.currency.toUpperCase();
    this.sums.set(key, (this.sums.get(key) ?? 0n) + toScaled(money.amount));
    return this;
  }

  addAll(items: Iterable<Money | undefined>): this {
    for (const m of items) { this.add(m); }
    return this;
  }

  /** The total in one currency, or undefined when nothing in that currency was added. */
  get(currency: string): Money | undefined {
    const sum = this.sums.get(currency.toUpperCase());
    return sum === undefined ? undefined : { amount: fromScaled(sum), currency: currency.toUpperCase() };
  }

  currencies(): string[] {
    return [...this.sums.keys()].sort();
  }

  /** One Money per currency, sorted by currency code. */
  list(): Money[] {
    return this.currencies().map((c) => ({ amount: fromScaled(this.sums.get(c)!), currency: c }));
  }

  get size(): number {
    return this.sums.size;
  }
}

/** Sums per currency; never converts between currencies. */
export function sumByCurrency(items: Iterable<Money | undefined>): Money[] {
  return new MoneyTotals().addAll(items).list();
}

/** `a - b` in one currency; throws when the currencies differ, because that would be a bug. */
export function subtractMoney(a: Money, b: Money): Money {
  if (a.currency.toUpperCase() !== b.currency.toUpperCase()) {
    throw new Error(`Cannot subtract ${b.currency} from ${a.currency}.`);
  }
  return { amount: fromScaled(toScaled(a.amount) - toScaled(b.amount)), currency: a.currency };
}
