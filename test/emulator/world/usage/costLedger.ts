// A subscription's costs for one calendar month, per stream and day, in whole cents: the usage
// priced with the subscription's offer (tiers on the month-to-date quantity of each meter in the
// subscription, IncludedQuantity first, the rates in effect that day; rounding in tierCost.ts).
// A meter's cents for a day are shared among the resources that used it in proportion to their
// quantity (largest remainder), so per-resource rows add up exactly to the meter's cents.
import { dayUnits } from './hourlyUsage';
import type { PriceBook } from './priceBook';
import type { Stream } from './resources';
import { exactTieredCost, roundToCents } from './tierCost';

export interface MonthLedger {
  firstDay: number;
  days: number;
  streams: readonly Stream[];
  /** Quantity in 1e-4 units, at [streamPosition * days + dayOffset]. */
  quantity: Float64Array;
  /** Cents in the subscription's currency, same layout. */
  cents: Float64Array;
  /** Cents of the same usage at the offer's USD prices (Cost Management's CostUSD), same layout. */
  centsUsd: Float64Array;
  /** Cents per day, all meters. */
  dayCents: Float64Array;
}

export function buildMonthLedger(
  streams: readonly Stream[], firstDay: number, days: number, offerId: string, currency: string, prices: PriceBook,
): MonthLedger {
  const n = streams.length;
  const ledger: MonthLedger = {
    firstDay, days, streams,
    quantity: new Float64Array(n * days), cents: new Float64Array(n * days), centsUsd: new Float64Array(n * days), dayCents: new Float64Array(days),
  };
  const byMeter = new Map<number, number[]>();
  streams.forEach((s, pos) => {
    const list = byMeter.get(s.meter.index);
    if (list) { list.push(pos); }
    else { byMeter.set(s.meter.index, [pos]); }
  });
  for (const positions of byMeter.values()) {
    const meter = streams[positions[0]].meter;
    let cumulative = 0;
    for (let d = 0; d < days; d++) {
      const day = firstDay + d;
      let total = 0;
      for (const pos of positions) {
        const q = dayUnits(streams[pos], day);
        ledger.quantity[pos * days + d] = q;
        total += q;
      }
      if (total === 0) { continue; }
      const before = cumulative;
      cumulative += total;
      const local = prices.ratesOn(meter, offerId, currency, day);
      const cents = roundToCents(exactTieredCost(cumulative, local.tiers, meter.includedQuantity)) - roundToCents(exactTieredCost(before, local.tiers, meter.includedQuantity));
      const usd = prices.ratesOn(meter, offerId, 'USD', day);
      const centsUsd = roundToCents(exactTieredCost(cumulative, usd.tiers, meter.includedQuantity)) - roundToCents(exactTieredCost(before, usd.tiers, meter.includedQuantity));
      share(ledger, ledger.cents, positions, d, total, cents);
      share(ledger, ledger.centsUsd, positions, d, total, centsUsd);
      ledger.dayCents[d] += cents;
    }
  }
  return ledger;
}

/** Splits `cents` among the streams by quantity; the largest remainders (then the lower position) get the leftover cents. */
function share(ledger: MonthLedger, into: Float64Array, positions: number[], d: number, totalQuantity: number, cents: number): void {
  if (cents === 0) { return; }
  const days = ledger.days;
  let given = 0;
  const remainders: Array<[number, number]> = [];
  for (const pos of positions) {
    const q = ledger.quantity[pos * days + d];
    const base = Math.floor((cents * q) / totalQuantity);
    into[pos * days + d] = base;
    given += base;
    remainders.push([pos, cents * q - base * totalQuantity]);
  }
  remainders.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (let i = 0; i < cents - given; i++) { into[remainders[i][0] * days + d] += 1; }
}
