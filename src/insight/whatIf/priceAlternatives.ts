// Prices reduced usage (monthlyQuantities.ts) under several alternatives at once: the
// subscription's own rate card (the baseline), another offer's, another region's retail prices. A
// month is priced as the tiered cost of its cumulative quantity under the rate in effect; a month
// in which the rate changes is walked day by day, as the usage panel's estimate does, so the
// baseline equals that estimate. A meter an alternative cannot price is listed with the reason,
// never priced at zero. An offer's monthly monetary credit (Visual Studio subscriptions,
// sponsorships) is taken off each month's cost, down to zero, and shown as such.

import { dateParts, dayFromParts, DayNumber } from '../calendar';
import { divRound, FIXED_ZERO, Fixed } from '../fixedDecimal';
import type { PriceSchedule } from '../rateIndex';
import { cumulativeCost, incrementalCost } from '../tieredCost';
import { unitRatio } from '../units';
import type { MeterQuantities, MeterUsage } from './monthlyQuantities';

export type UnpricedReason = 'unknownMeter' | 'notSoldInRegion' | 'regionlessMeter' | 'ambiguousMatch' | 'unitMismatch' | 'noRateInEffect';

/** Price rows of one meter, oldest first; retail prices (today's) have one, effective since ever. */
export type MeterPrice = { kind: 'priced'; schedules: readonly PriceSchedule[] } | { kind: 'unpriced'; reason: UnpricedReason };

export interface Alternative {
  id: string;
  /** Looked up once per meter. */
  priceOf(meterId: string): MeterPrice;
  /** Monetary credit per calendar month (an offer's), in the alternative's currency. */
  monthlyCredit?: Fixed;
}

export interface MeterCost {
  cost: Fixed;
  /** The first tier's price of the latest row, per `unit` (shown; the cost uses every tier). */
  unitPrice: Fixed;
  /** The price list's unit. */
  unit: string;
}

export interface AlternativeResult {
  id: string;
  /** Before credit: Σ of the priced meters. */
  gross: Fixed;
  creditApplied: Fixed;
  /** gross − creditApplied. */
  total: Fixed;
  /** By meter key (monthlyQuantities.ts). */
  perMeter: Map<string, MeterCost>;
  unpriced: Array<{ key: string; meterId: string; reason: UnpricedReason }>;
}

export function priceAlternatives(quantities: MeterQuantities, alternatives: readonly Alternative[]): AlternativeResult[] {
  return alternatives.map((alternative) => {
    const perMeter = new Map<string, MeterCost>();
    const perMonth = new Map<number, Fixed>();
    const unpriced: AlternativeResult['unpriced'] = [];
    for (const [key, usage] of quantities) {
      const price = alternative.priceOf(usage.meterId);
      const priced = price.kind === 'priced' ? priceMeter(usage, price.schedules) : price;
      if (priced.kind === 'unpriced') {
        unpriced.push({ key, meterId: usage.meterId, reason: priced.reason });
        continue;
      }
      let meterCost = FIXED_ZERO;
      for (const [month, cost] of priced.months) {
        meterCost += cost;
        perMonth.set(month, (perMonth.get(month) ?? FIXED_ZERO) + cost);
      }
      const latest = price.kind === 'priced' ? price.schedules[price.schedules.length - 1] : undefined;
      perMeter.set(key, { cost: meterCost, unitPrice: latest?.tiers[0]?.price ?? FIXED_ZERO, unit: latest?.unit ?? usage.unit });
    }
    let gross = FIXED_ZERO;
    let creditApplied = FIXED_ZERO;
    const credit = alternative.monthlyCredit ?? FIXED_ZERO;
    for (const monthCost of perMonth.values()) {
      gross += monthCost;
      creditApplied += monthCost < credit ? (monthCost > FIXED_ZERO ? monthCost : FIXED_ZERO) : credit;
    }
    return { id: alternative.id, gross, creditApplied, total: gross - creditApplied, perMeter, unpriced };
  });
}

type Priced = { kind: 'priced'; months: Map<number, Fixed> } | { kind: 'unpriced'; reason: UnpricedReason };

function scheduleOn(schedules: readonly PriceSchedule[], day: DayNumber): PriceSchedule | undefined {
  let found: PriceSchedule | undefined;
  for (const s of schedules) {
    if (s.effectiveDay <= day) { found = s; }
    else { break; }
  }
  return found;
}

function priceMeter(usage: MeterUsage, schedules: readonly PriceSchedule[]): Priced {
  const months = new Map<number, Fixed>();
  for (const [month, { total, before, days, pricedFrom }] of usage.months) {
    const first = firstDayOfMonthKey(month);
    const last = firstDayOfMonthKey(month + 1) - 1;
    const atStart = scheduleOn(schedules, first);
    // One rate the whole month (the common case): the month's cumulative quantity, once.
    if (atStart && atStart === scheduleOn(schedules, last)) {
      const q = convert(total, usage.unit, atStart.unit);
      const prefix = convert(before, usage.unit, atStart.unit);
      if (q === undefined || prefix === undefined) { return { kind: 'unpriced', reason: 'unitMismatch' }; }
      months.set(month, before === 0n ? cumulativeCost(atStart, q) : incrementalCost(atStart, prefix, q));
      continue;
    }
    // The rate changes inside the month: day by day, each day at its own rate; days before the
    // period only move month-to-date.
    let toDate = 0n;
    let cost = 0n;
    for (const day of [...days.keys()].sort((a, b) => a - b)) {
      const schedule = scheduleOn(schedules, day);
      const quantity = days.get(day)!;
      const q = schedule && convert(quantity, usage.unit, schedule.unit);
      if (day < pricedFrom) {
        if (q !== undefined) { toDate += q; }
        continue;
      }
      if (!schedule) { return { kind: 'unpriced', reason: 'noRateInEffect' }; }
      if (q === undefined) { return { kind: 'unpriced', reason: 'unitMismatch' }; }
      cost += incrementalCost(schedule, toDate, q);
      toDate += q;
    }
    months.set(month, cost);
  }
  return { kind: 'priced', months };
}

function convert(quantity: Fixed, from: string, to: string): Fixed | undefined {
  const ratio = unitRatio(from, to);
  if (!ratio) { return undefined; }
  return ratio.numerator === ratio.denominator ? quantity : divRound(quantity * ratio.numerator, ratio.denominator);
}

/** The day number of the first day of a monthKey (year × 12 + month − 1). */
function firstDayOfMonthKey(key: number): DayNumber {
  const year = Math.floor(key / 12);
  return dayFromParts(year, key - year * 12 + 1, 1);
}

/** Calendar month of a monthKey as "YYYY-MM" (exports and per-month tables). */
export function monthLabel(key: number): string {
  const p = dateParts(firstDayOfMonthKey(key));
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}
