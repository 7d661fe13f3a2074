// Which commitments the retail list offers for a meter billed by the hour, and what each would have
// cost over the period's usage (docs/what-if.md#commitments). Reservation rows carry the whole
// term's price per instance although their unit says "1 Hour"; savings plans are hourly prices on
// the consumption row (sometimes on a non-primary twin only).

import type { RetailPrice } from '../../billing/models/retailPrice';
import { fixedToNumber } from '../fixedDecimal';
import { parseUnit } from '../units';
import { CommitmentOutcome, reservationOutcome, savingsPlanOutcome } from './commitments';
import type { MeterUsage } from './monthlyQuantities';

export type CommitmentKind = 'reservation' | 'savingsPlan';

export interface CommitmentOption extends CommitmentOutcome {
  kind: CommitmentKind;
  years: 1 | 3;
}

const HOURS_PER_YEAR = 8760;
const termYears = (term: string | undefined): 1 | 3 | undefined => (/^1 year/i.test(term ?? '') ? 1 : /^3 years/i.test(term ?? '') ? 3 : undefined);

/**
 * `rows`: every retail row of the meter's id (consumption, reservation); `periodHours`: the hours
 * of the period priced. Costs are for that period: a reservation is paid for all of it, used or not.
 */
export function commitmentOptions(usage: MeterUsage, rows: readonly RetailPrice[], periodHours: number): CommitmentOption[] {
  if (parseUnit(usage.unit).base !== 'hour' || periodHours <= 0) { return []; }
  const current = rows.filter((r) => r.effectiveEndDate === undefined);
  const consumption = current.find((r) => r.type === 'Consumption' && r.tierMinimumUnits === 0 && r.isPrimaryMeterRegion !== false)
    ?? current.find((r) => r.type === 'Consumption' && r.tierMinimumUnits === 0);
  const hourlyPrice = consumption ? (consumption.unitPrice ?? consumption.price.amount) : 0;
  if (!consumption || hourlyPrice <= 0) { return []; }
  let hoursUsed = 0;
  for (const month of usage.months.values()) { hoursUsed += fixedToNumber(month.total); }
  const input = { hoursUsed, hoursInMonth: periodHours, hourlyPrice };
  // reservationOutcome prices a month; the period is periodHours / (8760 / 12) of them.
  const periodMonths = periodHours / (HOURS_PER_YEAR / 12);
  const out: CommitmentOption[] = [];
  for (const r of current) {
    const years = termYears(r.reservationTerm);
    if (r.type !== 'Reservation' || !years) { continue; }
    out.push({ kind: 'reservation', years, ...reservationOutcome(input, r.price.amount * periodMonths, years) });
  }
  const plans = new Map<1 | 3, number>();
  for (const r of current) {
    for (const plan of r.type === 'Consumption' ? r.savingsPlan : []) {
      const years = termYears(plan.term);
      if (years && !plans.has(years)) { plans.set(years, plan.retailPrice); }
    }
  }
  for (const [years, price] of plans) { out.push({ kind: 'savingsPlan', years, ...savingsPlanOutcome(input, price) }); }
  return out.sort((a, b) => (a.kind === b.kind ? a.years - b.years : a.kind === 'reservation' ? -1 : 1));
}
