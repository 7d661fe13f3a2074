// Money is only ever added up within one currency, and exactly: amounts go through the one decimal
// type (fixedDecimal.ts), so a total equals the sum of its rows to the last digit Azure sent.
import type { Money } from '../billing/models/money';
import { Fixed, fixedFromNumber, fixedToNumber } from './fixedDecimal';

/**
 * Running totals, one per currency. `add` refuses nothing and mixes nothing: each currency keeps its
 * own sum, and `list()` hands them back side by side.
 */
export class MoneyTotals {
  private readonly sums = new Map<string, Fixed>();

  add(money: Money | undefined): this {
    if (!money) return this;
    const key = money.currency.toUpperCase();
    this.sums.set(key, (this.sums.get(key) ?? 0n) + fixedFromNumber(money.amount));
    return this;
  }

  addAll(items: Iterable<Money | undefined>): this {
    for (const m of items) this.add(m);
    return this;
  }

  /** The total in one currency, or undefined when nothing in that currency was added. */
  get(currency: string): Money | undefined {
    const sum = this.sums.get(currency.toUpperCase());
    return sum === undefined ? undefined : { amount: fixedToNumber(sum), currency: currency.toUpperCase() };
  }

  currencies(): string[] {
    return [...this.sums.keys()].sort();
  }

  /** One Money per currency, sorted by currency code. */
  list(): Money[] {
    return this.currencies().map((c) => ({ amount: fixedToNumber(this.sums.get(c) ?? 0n), currency: c }));
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
  return { amount: fixedToNumber(fixedFromNumber(a.amount) - fixedFromNumber(b.amount)), currency: a.currency };
}
