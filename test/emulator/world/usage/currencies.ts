// The 17 currencies of the retail prices API, also offered by RateCard and used for subscriptions.
// A price in another currency is a reference value rounded on its own (not USD × rate, see
// docs/azure-apis.md#retail-prices-requests): the USD price times a reference rate, nudged per
// meter by up to ±3 %.
import { Random } from '../random';

export const CURRENCIES: Readonly<Record<string, number>> = {
  USD: 1, AUD: 1.52, BRL: 5.4, CAD: 1.37, CHF: 0.88, CNY: 7.2, DKK: 6.85, EUR: 0.92, GBP: 0.79,
  INR: 83.1, JPY: 150.2, KRW: 1352, NOK: 10.7, NZD: 1.65, RUB: 92.5, SEK: 10.45, TWD: 32.1,
};

export function isCurrency(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CURRENCIES, code);
}

/** Prices carry at most 6 decimals, so that a price × a quantity (4 decimals) is exact in integers. */
export function roundPrice(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A USD unit price in `currency`, stable per (seed, meter, currency). */
export function convertPrice(seed: number, meterKey: string, usd: number, currency: string): number {
  if (currency === 'USD' || usd === 0) { return usd; }
  const nudge = 1 + (Random.of(seed, 'fx', meterKey, currency).next() - 0.5) * 0.06;
  return Math.max(0.000001, roundPrice(usd * CURRENCIES[currency] * nudge));
}
