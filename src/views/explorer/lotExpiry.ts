// Which credit lots deserve attention: those that expire soon while money is still on them.

/** A lot expiring within this many days is marked in the tree. */
export const EXPIRING_SOON_DAYS = 90;

export type LotExpiryState =
  /** Past its expiration date, or marked Expired by Azure. */
  | 'expired'
  /** Active, with a balance left, expiring within EXPIRING_SOON_DAYS. */
  | 'expiringSoon'
  /** Nothing left on it (Complete, or a zero balance). */
  | 'usedUp'
  | 'active'
  /** Not started, cancelled, or without dates: nothing to say. */
  | 'other';

export interface LotExpiryInput {
  status?: string;
  expirationDate?: Date;
  startDate?: Date;
  closedBalance?: { amount: number };
}

export function lotExpiryState(lot: LotExpiryInput, asOf: Date): LotExpiryState {
  const status = (lot.status ?? '').toLowerCase();
  if (status === 'expired' || (lot.expirationDate && lot.expirationDate.getTime() <= asOf.getTime())) { return 'expired'; }
  if (status === 'complete' || (lot.closedBalance && lot.closedBalance.amount <= 0)) { return 'usedUp'; }
  if (status === 'canceled' || status === 'inactive' || status === 'none') { return 'other'; }
  if (lot.startDate && lot.startDate.getTime() > asOf.getTime()) { return 'other'; }
  const days = daysLeft(lot, asOf);
  if (days !== undefined && days <= EXPIRING_SOON_DAYS) { return 'expiringSoon'; }
  return 'active';
}

/** Whole days until the lot expires, counting a part of a day as a day; undefined without a date. */
export function daysLeft(lot: LotExpiryInput, asOf: Date): number | undefined {
  if (!lot.expirationDate) { return undefined; }
  return Math.ceil((lot.expirationDate.getTime() - asOf.getTime()) / 86_400_000);
}
