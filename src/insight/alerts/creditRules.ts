// Credit alerts of a billing profile: a lot that expires within `expiryDays` with balance left
// (it will be lost unless spent), and a runway (creditRunway.ts) shorter than `runwayDays`.
import type { CreditLot } from '../../billing/models/credit';
import { DayNumber, dayOfInstant, formatIsoDate } from '../calendar';
import type { CreditExpiryFinding, CreditRunwayFinding } from './findings';

export function expiringLots(scope: string, lots: readonly CreditLot[], today: DayNumber, expiryDays: number): CreditExpiryFinding[] {
  const found: CreditExpiryFinding[] = [];
  for (const lot of lots) {
    if (!lot.expirationDate || !lot.closedBalance || lot.closedBalance.amount <= 0) {continue;}
    // Commitments (MACC) are not credit that expires unused; expired or used-up lots are past news.
    if (lot.source === 'ConsumptionCommitment' || (lot.status !== undefined && lot.status !== 'Active')) {continue;}
    const lastDay = dayOfInstant(lot.expirationDate);
    const daysLeft = lastDay - today;
    if (daysLeft < 0 || daysLeft > expiryDays) {continue;}
    const expires = formatIsoDate(lastDay);
    found.push({ kind: 'creditExpiry', key: `creditExpiry|${scope.toLowerCase()}|${lot.name.toLowerCase()}|${expires}`, scope, lotName: lot.name, expires, daysLeft, balance: lot.closedBalance });
  }
  return found.sort((a, b) => a.daysLeft - b.daysLeft);
}

/**
 * `runsOutOn`: the runway's end (undefined: the credits last). The key holds the month the runway
 * ends in, so a runway that keeps shortening within a month is one alert, and one that moves to
 * another month is news.
 */
export function shortRunway(scope: string, runsOutOn: DayNumber | undefined, by: 'spending' | 'expiry' | undefined, today: DayNumber, runwayDays: number): CreditRunwayFinding[] {
  if (runsOutOn === undefined) {return [];}
  const daysLeft = runsOutOn - today;
  if (daysLeft > runwayDays) {return [];}
  const day = formatIsoDate(runsOutOn);
  return [{ kind: 'creditRunway', key: `creditRunway|${scope.toLowerCase()}|${day.slice(0, 7)}`, scope, runsOutOn: day, daysLeft: Math.max(0, daysLeft), by: by ?? 'spending' }];
}
