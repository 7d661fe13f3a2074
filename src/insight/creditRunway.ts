// How long the credits last at the forecast spend, and what is lost: the day the balance runs
// out, and per lot the amount projected to expire unused. Azure consumes credit lots earliest
// expiry first, so the simulation does the same: each day's spend is taken from the lot that
// expires soonest (ties in the order given; a lot without an expiry date last), and a lot still
// holding money after its last day loses the rest. Exact decimals throughout (fixedDecimal.ts);
// every amount must be in the balance's currency — credits are never added across currencies.

import type { Money } from '../billing/models/money';
import { DayNumber, parseIsoDate } from './calendar';
import { currencyFractionDigits } from './currency';
import { Fixed, FIXED_ONE, fixedFromNumber, fixedMin, fixedToNumber } from './fixedDecimal';

export interface RunwayLot {
  /** Shown back in the result (a lot's ARM id or name). */
  id: string;
  /** What is left of the lot (`closedBalance` of a CreditLot). */
  remaining: Money;
  /** The last day the lot pays for (the day of its `expirationDate`); undefined: it does not expire. */
  lastDay?: DayNumber | string;
}

export interface CreditRunwayInput {
  lots: readonly RunwayLot[];
  /** The current (estimated) balance, authoritative for the total: see `reconcile`. */
  balance: Money;
  /** The first day of spend to simulate. */
  today: DayNumber | string;
  /**
   * Forecast spend in minor units of the balance's currency (cents for USD): one number for every
   * day, or one per day from `today` on, the last carried on beyond the list (a forecast's level).
   */
  dailySpend: number | readonly number[];
}

export interface LotOutcome {
  id: string;
  /** Projected to expire unused on `lastDay` (0 when the lot is spent first). */
  expiresUnused: Money;
  /** The day the lot is used up, when spending empties it. */
  usedUpOn?: DayNumber;
}

export interface CreditRunway {
  /** The day the credits run out, by spending or by the last lot expiring; undefined: never. */
  runsOutOn?: DayNumber;
  runsOutBy?: 'spending' | 'expiry';
  /** Total projected to expire unused. */
  expiresUnused: Money;
  lots: LotOutcome[];
}

/** Days simulated one by one at most (a century); beyond, only lots without expiry remain. */
const MAX_DAYS = 36_525;

export function creditRunway(input: CreditRunwayInput): CreditRunway {
  const currency = input.balance.currency.toUpperCase();
  for (const lot of input.lots) {
    if (lot.remaining.currency.toUpperCase() !== currency) {
      throw new RangeError(
        `Credit lot "${lot.id}" is in ${lot.remaining.currency || 'an unknown currency'} but the balance is in ${currency}: ` +
          'amounts in different currencies cannot be added up, so no runway can be projected.',
      );
    }
  }
  const today = toDay(input.today);
  const minor = FIXED_ONE / 10n ** BigInt(currencyFractionDigits(currency));
  const spends = (typeof input.dailySpend === 'number' ? [input.dailySpend] : [...input.dailySpend]).map((s) => {
    if (!Number.isSafeInteger(s) || s < 0) { throw new RangeError(`Daily spend is a whole, non-negative number of minor units, not ${s}.`); }
    return BigInt(s) * minor;
  });
  const spendOn = (i: number): Fixed => (spends.length ? spends[Math.min(i, spends.length - 1)] : 0n);

  // Earliest expiry first; a stable sort keeps the given order among equals.
  const lots = reconcile(
    input.lots.map((l, order) => ({ id: l.id, order, left: fixedFromNumber(l.remaining.amount), lastDay: l.lastDay === undefined ? undefined : toDay(l.lastDay), expired: 0n, usedUpOn: undefined as DayNumber | undefined })),
    fixedFromNumber(input.balance.amount),
  ).sort((a, b) => (a.lastDay ?? Infinity) - (b.lastDay ?? Infinity));

  // A lot whose last day is already past pays for nothing more; its loss is history, not projection.
  for (const lot of lots) { if (lot.lastDay !== undefined && lot.lastDay < today) { lot.left = 0n; } }

  let runsOutOn: DayNumber | undefined;
  let runsOutBy: CreditRunway['runsOutBy'];
  const lastExpiry = Math.max(today - 1, ...lots.map((l) => l.lastDay ?? -Infinity));
  for (let i = 0; runsOutOn === undefined && i < MAX_DAYS; i++) {
    const d = today + i;
    let need = spendOn(i);
    for (const lot of lots) {
      if (need === 0n) { break; }
      if (lot.left === 0n || (lot.lastDay !== undefined && lot.lastDay < d)) { continue; }
      const take = fixedMin(need, lot.left);
      lot.left -= take;
      need -= take;
      if (lot.left === 0n) { lot.usedUpOn = d; }
    }
    for (const lot of lots) {
      if (lot.lastDay === d && lot.left > 0n) { [lot.expired, lot.left] = [lot.left, 0n]; }
    }
    const left = lots.reduce((a, l) => a + l.left, 0n);
    if (left === 0n) {
      runsOutOn = d;
      runsOutBy = need > 0n || lots.some((l) => l.usedUpOn === d) ? 'spending' : 'expiry';
    } else if (d >= lastExpiry && i + 1 >= spends.length - 1) {
      // Only lots without expiry are left, and the spend is constant from tomorrow on: they last
      // ⌈left ÷ spend⌉ more days. No spend: they never run out.
      const rate = spendOn(i + 1);
      if (rate > 0n) {
        runsOutOn = d + Number((left + rate - 1n) / rate);
        runsOutBy = 'spending';
        for (const l of lots) { if (l.left > 0n) { l.usedUpOn = runsOutOn; } }
      }
      break;
    }
  }
  const money = (x: Fixed): Money => ({ amount: fixedToNumber(x), currency });
  return {
    runsOutOn,
    runsOutBy,
    expiresUnused: money(lots.reduce((a, l) => a + l.expired, 0n)),
    lots: lots
      .filter((l) => l.order >= 0)
      .sort((a, b) => a.order - b.order)
      .map((l) => ({ id: l.id, expiresUnused: money(l.expired), ...(l.usedUpOn !== undefined ? { usedUpOn: l.usedUpOn } : {}) })),
  };
}

/**
 * Lots report what was left at the last invoice; the balance is newer. Spend since then is taken
 * from the lots earliest expiry first, the same order; a balance above the lots' sum (credit not
 * yet in a lot) becomes a part without expiry, reported in no lot but counted in the runway.
 */
function reconcile<L extends { order: number; left: Fixed; lastDay?: DayNumber; id: string; expired: Fixed; usedUpOn?: DayNumber }>(lots: L[], balance: Fixed): L[] {
  const sum = lots.reduce((a, l) => a + l.left, 0n);
  if (balance > sum) { return [...lots, { ...lots[0], id: '', order: -1, left: balance - sum, lastDay: undefined, expired: 0n, usedUpOn: undefined }]; }
  let spent = sum - balance;
  for (const lot of [...lots].sort((a, b) => (a.lastDay ?? Infinity) - (b.lastDay ?? Infinity))) {
    const take = fixedMin(spent, lot.left);
    lot.left -= take;
    spent -= take;
  }
  return lots;
}

function toDay(d: DayNumber | string): DayNumber {
  if (typeof d === 'number') { return d; }
  const n = parseIsoDate(d);
  if (n === undefined) { throw new RangeError(`Not a calendar date: "${d}"`); }
  return n;
}
