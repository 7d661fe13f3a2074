// The credit balance over time for a burn-down chart: the balance the ledger reported (actual),
// then the projection the runway makes — each day's forecast spend taken off, and on a lot's last
// day what it still holds (runway.lots[].expiresUnused) — down to zero or to the horizon. Pure:
// it only rearranges the runway's own figures, so the chart and the tooltip never disagree.
// The usage panel's Credits view draws it (creditsPayload.ts); see docs/credit-runway.md.

import type { DayNumber } from '../../insight/calendar';
import { currencyFractionDigits } from '../../insight/currency';
import type { ProfileRunway } from './profileRunway';

export interface BurnDownPoint {
  day: DayNumber;
  /** Minor units of the balance's currency. */
  balance: number;
}

export interface BurnDownMark {
  day: DayNumber;
  lotId: string;
  /** Minor units lost to expiry that day (0 when the lot was used up first). */
  expiresUnused: number;
}

export interface BurnDown {
  currency: string;
  actual: BurnDownPoint[];
  /** From today on; starts at the runway's balance. */
  projected: BurnDownPoint[];
  expiries: BurnDownMark[];
}

/** Days projected at most when the credits outlast the horizon. */
export const BURN_DOWN_HORIZON_DAYS = 730;

/**
 * `history` is the balance as the credit ledger reported it on earlier days (minor units), oldest
 * first; it is kept as given, up to the day before `today`.
 */
export function burnDown(runway: ProfileRunway, today: DayNumber, history: readonly BurnDownPoint[] = []): BurnDown {
  const currency = runway.balance.currency;
  const scale = 10 ** currencyFractionDigits(currency);
  const minor = (amount: number) => Math.round(amount * scale);
  const lossOn = new Map<DayNumber, number>();
  const expiries: BurnDownMark[] = [];
  for (const lot of runway.lots) {
    if (lot.lastDay === undefined || lot.lastDay < today) {continue;}
    const lost = minor(lot.expiresUnused.amount);
    expiries.push({ day: lot.lastDay, lotId: lot.id, expiresUnused: lost });
    if (lost > 0) {lossOn.set(lot.lastDay, (lossOn.get(lot.lastDay) ?? 0) + lost);}
  }
  const end = Math.min(runway.runsOutOn ?? today + BURN_DOWN_HORIZON_DAYS, today + BURN_DOWN_HORIZON_DAYS);
  let left = minor(runway.balance.amount);
  const projected: BurnDownPoint[] = [{ day: today - 1, balance: left }];
  for (let d = today; d <= end && left > 0; d++) {
    left = Math.max(0, left - runway.dailySpend);
    left = Math.max(0, left - (lossOn.get(d) ?? 0));
    projected.push({ day: d, balance: left });
  }
  return {
    currency,
    actual: history.filter((p) => p.day < today),
    projected,
    expiries: expiries.sort((a, b) => a.day - b.day),
  };
}
