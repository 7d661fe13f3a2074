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
