// RateCard rows indexed by meter, to find the row in effect on a usage day: the one with the latest
// EffectiveDate on or before that day (docs/azure-apis.md#estimating-cost-from-usage). Join on
// meterId only; names, units and regions are spelled differently between UsageAggregates and
// RateCard.

import { DayNumber, dayOfInstant } from './calendar';
import { fixedFromNumber } from './fixedDecimal';
import { RateCard } from './inputs';
import { TieredRate } from './tieredCost';

export interface PriceSchedule extends TieredRate {
  effectiveDay: DayNumber;
  /** The RateCard unit the prices are per ("1 Hour", "10K"). */
  unit: string;
}

export type RateLookup =
  | { kind: 'priced'; schedule: PriceSchedule }
  | { kind: 'unknown-meter' }
  | { kind: 'no-rate-in-effect'; firstEffectiveDay: DayNumber };

export class RateIndex {
  readonly currency: string;
  readonly offerTerms: RateCard['offerTerms'];
  private readonly byMeter = new Map<string, PriceSchedule[]>();

  constructor(card: RateCard) {
    this.currency = card.currency;
    this.offerTerms = card.offerTerms;
    for (const meter of card.meters) {
      const tiers = meter.meterRates
        .map((r) => ({ threshold: fixedFromNumber(r.threshold), price: fixedFromNumber(r.price) }))
        .sort((a, b) => (a.threshold < b.threshold ? -1 : a.threshold > b.threshold ? 1 : 0));
      const schedule: PriceSchedule = {
        effectiveDay: dayOfInstant(meter.effectiveDate),
        unit: meter.unit,
        tiers,
        includedQuantity: fixedFromNumber(meter.includedQuantity || 0),
      };
      const key = meter.meterId.toLowerCase();
      const list = this.byMeter.get(key) ?? [];
      list.push(schedule);
      this.byMeter.set(key, list);
    }
    for (const list of this.byMeter.values()) { list.sort((a, b) => a.effectiveDay - b.effectiveDay); }
  }

  /** Every row of a meter, oldest first (what-if prices whole months from them). */
  schedulesOf(meterId: string): readonly PriceSchedule[] | undefined {
    return this.byMeter.get(meterId.toLowerCase());
  }

  lookup(meterId: string, day: DayNumber): RateLookup {
    const list = this.byMeter.get(meterId.toLowerCase());
    if (!list) { return { kind: 'unknown-meter' }; }
    let found: PriceSchedule | undefined;
    for (const schedule of list) {
      if (schedule.effectiveDay <= day) { found = schedule; }
      else { break; }
    }
    return found ? { kind: 'priced', schedule: found } : { kind: 'no-rate-in-effect', firstEffectiveDay: list[0].effectiveDay };
  }
}
