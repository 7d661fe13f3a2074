// Credit runway of an MCA billing profile (docs/credit-runway.md): the balance summary and the
// credit lots from Consumption, and the forecast daily spend of the profile from its shared cost
// source (the usage panel's, so no query of its own), handed to the pure model in
// src/insight/creditRunway.ts, which consumes lots earliest expiry first. No vscode here.

import type { Money } from '../../billing/models/money';
import type { CreditBalanceSummary, CreditLot } from '../../billing/models/credit';
import { DayNumber, dayOfInstant } from '../../insight/calendar';
import { creditRunway, CreditRunway, RunwayLot } from '../../insight/creditRunway';
import { currencyFractionDigits } from '../../insight/currency';

/** Lot states that pay for nothing any more, or not yet (Azure's own words). */
const SPENT = new Set(['expired', 'complete', 'canceled']);

export interface ProfileRunway extends CreditRunway {
  /** The balance the runway starts from (estimated, else current). */
  balance: Money;
  /** Forecast spend per day the runway assumes, in minor units of the balance's currency. */
  dailySpend: number;
  /** The lots it consumed, with their last day, earliest expiry first. */
  lots: Array<CreditRunway['lots'][number] & { remaining: Money; lastDay?: DayNumber }>;
}

export type RunwayAnswer =
  | { kind: 'runway'; runway: ProfileRunway }
  /** Nothing to run out: no balance left. */
  | { kind: 'noBalance' }
  /** The credit is in another currency than the forecast spend (credits are never converted). */
  | { kind: 'otherCurrency'; creditCurrency: string; spendCurrency: string }
  /** No forecast spend in the credit's currency (no cost this period or last). */
  | { kind: 'noSpend' };

/**
 * The runway from what was read: the summary, every lot, and the forecast daily spend per
 * currency (minor units). Pure: same input, same answer.
 */
export function runwayOf(summary: CreditBalanceSummary, lots: readonly CreditLot[], dailySpend: ReadonlyMap<string, number>, today: DayNumber): RunwayAnswer {
  const balance = summary.estimatedBalance ?? summary.currentBalance;
  if (!balance || balance.amount <= 0) {return { kind: 'noBalance' };}
  const currency = balance.currency.toUpperCase();
  const spend = dailySpend.get(currency);
  if (spend === undefined) {
    const other = [...dailySpend.keys()][0];
    return other ? { kind: 'otherCurrency', creditCurrency: currency, spendCurrency: other } : { kind: 'noSpend' };
  }
  const live: Array<RunwayLot & { remaining: Money; lastDay?: DayNumber }> = lots
    .filter((l) => l.closedBalance && l.closedBalance.amount > 0 && !SPENT.has((l.status ?? '').toLowerCase()))
    .filter((l) => l.closedBalance!.currency.toUpperCase() === currency)
    .map((l) => ({ id: l.name || l.id, remaining: l.closedBalance!, lastDay: l.expirationDate ? dayOfInstant(l.expirationDate) : undefined }));
  const result = creditRunway({ lots: live, balance: { amount: balance.amount, currency }, today, dailySpend: Math.max(0, Math.round(spend)) });
  const byId = new Map(live.map((l) => [l.id, l]));
  const withLots = result.lots
    .map((o) => ({ ...o, remaining: byId.get(o.id)!.remaining, lastDay: byId.get(o.id)!.lastDay }))
    .sort((a, b) => (a.lastDay ?? Infinity) - (b.lastDay ?? Infinity));
  return { kind: 'runway', runway: { ...result, balance: { amount: balance.amount, currency }, dailySpend: Math.round(spend), lots: withLots } };
}

/** Minor units to an amount, for messages. */
export function minorToAmount(minor: number, currency: string): number {
  return minor / 10 ** currencyFractionDigits(currency);
}
