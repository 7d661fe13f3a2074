// Prices reduced usage (monthlyQuantities.ts) under several alternatives at once: another offer's
// rate card, another region's retail prices. A meter an alternative cannot price is listed with the
// reason, never priced at zero. An offer's monthly monetary credit (Visual Studio subscriptions,
// sponsorships) is taken off each month's cost, down to zero, and shown as such.

import { FIXED_ZERO, Fixed } from '../fixedDecimal';
import { cumulativeCost, TieredRate } from '../tieredCost';
import type { MonthlyQuantities } from './monthlyQuantities';

export type UnpricedReason = 'unknownMeter' | 'notSoldInRegion' | 'regionlessMeter' | 'ambiguousMatch' | 'unitMismatch';

export type MeterPrice = { kind: 'priced'; rate: TieredRate } | { kind: 'unpriced'; reason: UnpricedReason };

export interface Alternative {
  id: string;
  /** Looked up once per meter. */
  priceOf(meterId: string): MeterPrice;
  /** Monetary credit per calendar month (an offer's), in the alternative's currency. */
  monthlyCredit?: Fixed;
}

export interface AlternativeResult {
  id: string;
  /** Before credit: Σ of the priced meters. */
  gross: Fixed;
  creditApplied: Fixed;
  /** gross − creditApplied. */
  total: Fixed;
  perMeter: Map<string, Fixed>;
  unpriced: Array<{ meterId: string; reason: UnpricedReason }>;
}

export function priceAlternatives(quantities: MonthlyQuantities, alternatives: readonly Alternative[]): AlternativeResult[] {
  return alternatives.map((alternative) => {
    const perMeter = new Map<string, Fixed>();
    const perMonth = new Map<string, Fixed>();
    const unpriced: AlternativeResult['unpriced'] = [];
    for (const [meterId, months] of quantities) {
      const price = alternative.priceOf(meterId);
      if (price.kind === 'unpriced') {
        unpriced.push({ meterId, reason: price.reason });
        continue;
      }
      let meterCost = FIXED_ZERO;
      for (const [month, quantity] of months) {
        const cost = cumulativeCost(price.rate, quantity);
        meterCost += cost;
        perMonth.set(month, (perMonth.get(month) ?? FIXED_ZERO) + cost);
      }
      perMeter.set(meterId, meterCost);
    }
    let gross = FIXED_ZERO;
    let creditApplied = FIXED_ZERO;
    for (const monthCost of perMonth.values()) {
      gross += monthCost;
      const credit = alternative.monthlyCredit ?? FIXED_ZERO;
      creditApplied += monthCost < credit ? (monthCost > FIXED_ZERO ? monthCost : FIXED_ZERO) : credit;
    }
    return { id: alternative.id, gross, creditApplied, total: gross - creditApplied, perMeter, unpriced };
  });
}
