// The description column of the tree, where a 300 px sidebar leaves room for a few words: the
// decisive fact first and short (what is left on a lot and whether it still counts, a profile
// that is past due, the credit balance now), the rest after it or in the tooltip. Pure: the words
// come in localised, so the order and the shortening are unit-tested in plain Node.
import type { LotExpiryState } from './lotExpiry';

export const SEPARATOR = ' · ';

/** The non-empty parts, in order, once each. */
export function joinDescription(...parts: Array<string | undefined | false>): string {
  const kept: string[] = [];
  for (const part of parts) { if (part && !kept.includes(part)) { kept.push(part); } }
  return kept.join(SEPARATOR);
}

export interface LotWords {
  left(amount: string): string;
  of(amount: string): string;
  expired: string;
  usedUp: string;
  expiresIn(days: number): string;
  expires(date: string): string;
}

export interface LotFacts {
  /** Formatted amounts. */
  remaining?: string;
  original?: string;
  state: LotExpiryState;
  daysLeft?: number;
  /** Formatted expiry date. */
  expiry?: string;
}

/** "€0.00 left · expired · of €1,455.40": what is left, whether it still counts, then of how much. */
export function lotDescription(lot: LotFacts, words: LotWords): string {
  let state: string | undefined;
  if (lot.state === 'expiringSoon' && lot.daysLeft !== undefined) { state = words.expiresIn(lot.daysLeft); }
  else if (lot.state === 'expired') { state = words.expired; }
  else if (lot.state === 'usedUp') { state = words.usedUp; }
  else if (lot.expiry) { state = words.expires(lot.expiry); }
  return joinDescription(lot.remaining && words.left(lot.remaining), state, lot.original && words.of(lot.original));
}

/** "Past due · EUR": a profile's trouble (its status reason, else its status) before its currency. */
export function profileDescription(profile: { trouble?: string; currency?: string }): string {
  return joinDescription(profile.trouble, profile.currency);
}

export interface CreditWords {
  estimated(amount: string): string;
  none: string;
}

/** "€120.00 · est. €80.00": the current balance alone first; the estimate only when it differs. */
export function creditsDescription(balance: { current?: string; estimated?: string }, words: CreditWords): string {
  const estimated = balance.estimated && balance.estimated !== balance.current ? words.estimated(balance.estimated) : undefined;
  return joinDescription(balance.current, estimated) || words.none;
}

/** "Disabled · EA": an account's trouble (a status other than active) before its agreement; all well, just the agreement. */
export function accountDescription(account: { trouble?: string; agreement?: string }): string {
  return joinDescription(account.trouble, account.agreement);
}

export interface InvoiceWords {
  due(date: string): string;
  /** The status as a word (Paid, Overdue, Void…); undefined when unknown. */
  status?: string;
  creditNote?: string;
}

/**
 * "$4,591.04 · due Jan 5, 2027", "$0.00 · Paid", "$812.00 · Overdue": the amount, then what the
 * person has to do about it. Only an invoice still due shows its due date (it is in the tooltip
 * for the others); a credit note says so after.
 */
export function invoiceDescription(invoice: { amount?: string; status?: string; dueDate?: string }, words: InvoiceWords): string {
  const state = invoice.status === 'Due' && invoice.dueDate ? words.due(invoice.dueDate) : words.status;
  return joinDescription(invoice.amount, state, words.creditNote);
}

/** "$12.30 this month", "Disabled · $0.00 this month": a subscription's trouble first, its month so far after. */
export function subscriptionDescription(subscription: { trouble?: string; monthToDate?: string }): string {
  return joinDescription(subscription.trouble, subscription.monthToDate);
}
