// What the usage panel's Credits view draws (docs/credit-runway.md): the balance the credit ledger
// reported (actual) and the runway's projection (burnDown.ts), the lots' expiry marks and the lot
// table, as days and minor units for the page. No vscode here: the words come in already localised.

import type { CreditEvent } from '../../billing/models/credit';
import { DayNumber, dayOfInstant, formatIsoDate } from '../../insight/calendar';
import { currencyFractionDigits } from '../../insight/currency';
import type { CreditsPayload } from '../../shared/usagePanelMessages';
import { burnDown, BurnDownPoint } from './burnDown';
import type { ProfileRunway } from './profileRunway';

/**
 * The ledger's running balance (`closedBalance` after each event) in the runway's currency, the
 * last event of each day, before `today`, oldest first. Events without a balance (a Contributor
 * organisation's) or in another currency are left out.
 */
export function balanceHistory(events: readonly CreditEvent[], currency: string, today: DayNumber): BurnDownPoint[] {
  const scale = 10 ** currencyFractionDigits(currency);
  const byDay = new Map<DayNumber, number>();
  const dated = events
    .filter((e) => e.transactionDate && e.closedBalance && e.closedBalance.currency.toUpperCase() === currency.toUpperCase())
    .map((e, order) => ({ day: dayOfInstant(e.transactionDate!), at: e.transactionDate!.getTime(), order, balance: Math.round(e.closedBalance!.amount * scale) }))
    // The ledger lists events in time order; equal instants keep that order, so the day's last wins.
    .sort((a, b) => a.at - b.at || a.order - b.order);
  for (const e of dated) {if (e.day < today) {byDay.set(e.day, e.balance);}}
  return [...byDay].sort((a, b) => a[0] - b[0]).map(([day, balance]) => ({ day, balance }));
}

export interface CreditsPayloadInput {
  runway: ProfileRunway;
  events: readonly CreditEvent[];
  today: DayNumber;
  title: string;
  notes: string[];
}

export function creditsPayload(input: CreditsPayloadInput): CreditsPayload {
  const { runway, today } = input;
  const currency = runway.balance.currency;
  const digits = currencyFractionDigits(currency);
  const minor = (amount: number) => Math.round(amount * 10 ** digits);
  const chart = burnDown(runway, today, balanceHistory(input.events, currency, today));
  const iso = (d: DayNumber | undefined) => (d === undefined ? undefined : formatIsoDate(d));
  return {
    title: input.title,
    currency,
    fractionDigits: digits,
    actual: chart.actual.map((p) => ({ day: formatIsoDate(p.day), balance: p.balance })),
    projected: chart.projected.map((p) => ({ day: formatIsoDate(p.day), balance: p.balance })),
    expiries: chart.expiries.map((m) => ({ day: formatIsoDate(m.day), lot: m.lotId, expiresUnused: m.expiresUnused })),
    lots: runway.lots.map((l) => ({
      lot: l.id,
      remaining: minor(l.remaining.amount),
      expires: iso(l.lastDay),
      expiresUnused: minor(l.expiresUnused.amount),
      usedUp: iso(l.usedUpOn),
    })),
    balance: minor(runway.balance.amount),
    dailySpend: runway.dailySpend,
    runsOut: iso(runway.runsOutOn),
    expiresUnused: minor(runway.expiresUnused.amount),
    notes: input.notes,
  };
}
