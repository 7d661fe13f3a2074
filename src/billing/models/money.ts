// Money is `{ amount, currency }` and is only ever added up within one currency.
// Azure sends amounts as JSON numbers that stand for decimals (`decimal` in the specs); adding the
// binary doubles directly drifts (0.1 + 0.2), so sums go through the one decimal type
// (`src/insight/fixedDecimal.ts`, with the per-currency totals in `src/insight/moneyTotals.ts`).

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
