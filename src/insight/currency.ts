// How many decimals a currency's amounts are shown and rounded with (USD 2, JPY 0, KWD 3).

const cache = new Map<string, number>();

export function currencyFractionDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = cache.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    } catch {
      // Not an ISO 4217 code Intl knows: two decimals is what Azure uses for almost everything.
      digits = 2;
    }
    cache.set(code, digits);
  }
  return digits;
}
