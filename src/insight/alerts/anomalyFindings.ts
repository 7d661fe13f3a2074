// The anomaly rules (anomalyRules.ts) applied to one scope's daily cost per currency, as findings
// with stable keys: a spike by its day, a new meter by its name and first day, a rise by the day
// it started (a rise that goes on for another day is the same rise).
import { DayNumber, formatIsoDate } from '../calendar';
import type { GroupedCosts } from '../grouping';
import { AnomalyThresholds, DailyCost, findNewMeters, findSpikes, findSteadyRise, MeterDay } from './anomalyRules';
import type { AnomalyFinding } from './findings';

export interface ScopeDailyCosts {
  currency: string;
  /** Oldest first, one per day (0 for a day without cost), ending with the last complete day. */
  days: DailyCost[];
  /** Per service (or meter) and day, over the same days. */
  byService: MeterDay[];
}

function keyOf(scope: string, kind: string, subject: string): string {
  return `${kind}|${scope.toLowerCase()}|${subject}`;
}

export function anomalyFindings(scope: string, costs: ScopeDailyCosts, t: AnomalyThresholds): AnomalyFinding[] {
  const days = costs.days.map((d) => d.day);
  const anomalies = [...findSpikes(costs.days, t), ...findNewMeters(costs.byService, days, t), ...findSteadyRise(costs.days, t)];
  return anomalies.map((anomaly): AnomalyFinding => {
    const subject = anomaly.kind === 'spike' ? anomaly.day : anomaly.kind === 'newMeter' ? `${anomaly.meter}|${anomaly.day}` : anomaly.from;
    return { kind: anomaly.kind, key: keyOf(scope, anomaly.kind, `${costs.currency}|${subject}`), scope, anomaly, currency: costs.currency };
  });
}

/**
 * Daily totals and per-service rows from costs grouped by service (meter category) with one bucket
 * per day starting at day `first`, per currency; amounts in the currency's units.
 */
export function dailyCostsOf(grouped: GroupedCosts, first: DayNumber): ScopeDailyCosts[] {
  return grouped.currencies.map((c) => {
    const scale = 10 ** c.fractionDigits;
    const day = (i: number) => formatIsoDate(first + i);
    const days: DailyCost[] = c.bucketTotals.map((amount, i) => ({ day: day(i), amount: amount / scale }));
    const byService: MeterDay[] = c.groups.flatMap((g) => (g.kind === 'value' ? g.values.flatMap((amount, i) => (amount ? [{ day: day(i), meter: g.label, amount: amount / scale }] : [])) : []));
    return { currency: c.currency, days, byService };
  });
}
