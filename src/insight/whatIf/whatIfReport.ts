// What the what-if panel, its exports and its tests read: every alternative's totals, the
// difference to the baseline, the meters each could not price (with why), a table per meter and a
// sum per meter category. Amounts are in minor units (cents) apportioned so that, in every
// alternative, the meters add up exactly to the total shown (apportion.ts).

import { apportion } from '../apportion';
import { currencyFractionDigits } from '../currency';
import { Fixed, fixedToNumber } from '../fixedDecimal';
import type { CommitmentOption } from './commitmentOptions';
import type { MeterQuantities } from './monthlyQuantities';
import type { AlternativeResult, UnpricedReason } from './priceAlternatives';

export type AlternativeKind = 'baseline' | 'offer' | 'region';

export interface AlternativeLabel {
  id: string;
  kind: AlternativeKind;
  /** "Pay-As-You-Go Dev/Test (MS-AZR-0023P)", "westeurope". */
  label: string;
}

export interface ReportAlternative extends AlternativeLabel {
  /** Minor units (cents), Σ of the meters' `costs` of this alternative. */
  grossMinor: number;
  creditMinor: number;
  totalMinor: number;
  /** totalMinor − the baseline's totalMinor. */
  differenceMinor: number;
  unpriced: Array<{ meterKey: string; meterName: string; reason: UnpricedReason }>;
}

export interface ReportMeter {
  key: string;
  meterId: string;
  name: string;
  category: string;
  region: string;
  unit: string;
  quantity: number;
  /** Per alternative, in the order of `alternatives`: priced (minor units and the unit price) or why not. */
  cells: Array<{ costMinor: number; unitPrice: number; priceUnit: string } | { reason: UnpricedReason }>;
}

export interface ReportCommitment {
  meterKey: string;
  meterName: string;
  region: string;
  hoursUsed: number;
  options: CommitmentOption[];
}

/** Offers and currencies that could not be priced at all, with a sentence why. */
export interface RefusedAlternative {
  label: string;
  reason: string;
}

export interface WhatIfReport {
  currency: string;
  /** Decimals of the currency's minor unit. */
  fractionDigits: number;
  period: { from: string; to: string };
  alternatives: ReportAlternative[];
  meters: ReportMeter[];
  /** Sum per meter category and alternative (minor units; unpriced meters count nothing). */
  categories: Array<{ category: string; costsMinor: number[] }>;
  commitments: ReportCommitment[];
  refused: RefusedAlternative[];
}

export interface ReportInput {
  currency: string;
  period: { from: string; to: string };
  quantities: MeterQuantities;
  /** The baseline first. */
  labels: AlternativeLabel[];
  results: AlternativeResult[];
  commitments?: ReportCommitment[];
  refused?: RefusedAlternative[];
}

export function buildWhatIfReport(input: ReportInput): WhatIfReport {
  const digits = currencyFractionDigits(input.currency);
  const keys = [...input.quantities.keys()];
  // Minor units per alternative and meter, apportioned so each column adds up to its gross.
  const minor = input.results.map((r) => {
    const values: Fixed[] = keys.map((k) => r.perMeter.get(k)?.cost ?? 0n);
    const parts = apportion(values, digits);
    return new Map(keys.map((k, i) => [k, Number(parts[i])]));
  });
  const alternatives = input.results.map((r, i): ReportAlternative => {
    const grossMinor = [...minor[i].values()].reduce((a, b) => a + b, 0);
    const creditMinor = Number(apportion([r.creditApplied], digits)[0]);
    return {
      ...input.labels[i],
      grossMinor,
      creditMinor,
      totalMinor: grossMinor - creditMinor,
      differenceMinor: 0,
      unpriced: r.unpriced.map((u) => ({ meterKey: u.key, meterName: input.quantities.get(u.key)?.meter.name ?? u.meterId, reason: u.reason })),
    };
  });
  for (const a of alternatives) { a.differenceMinor = a.totalMinor - (alternatives[0]?.totalMinor ?? 0); }
  const meters = keys.map((key): ReportMeter => {
    const usage = input.quantities.get(key)!;
    let quantity = 0n;
    for (const m of usage.months.values()) { quantity += m.total; }
    return {
      key,
      meterId: usage.meterId,
      name: usage.meter.name,
      category: usage.meter.category,
      region: usage.meter.region,
      unit: usage.unit,
      quantity: fixedToNumber(quantity),
      cells: input.results.map((r, i) => {
        const cost = r.perMeter.get(key);
        if (cost) { return { costMinor: minor[i].get(key) ?? 0, unitPrice: fixedToNumber(cost.unitPrice), priceUnit: cost.unit }; }
        return { reason: r.unpriced.find((u) => u.key === key)?.reason ?? 'unknownMeter' };
      }),
    };
  });
  const byCategory = new Map<string, number[]>();
  for (const m of meters) {
    const sums = byCategory.get(m.category) ?? input.results.map(() => 0);
    m.cells.forEach((c, i) => { if ('costMinor' in c) { sums[i] += c.costMinor; } });
    byCategory.set(m.category, sums);
  }
  const categories = [...byCategory].map(([category, costsMinor]) => ({ category, costsMinor })).sort((a, b) => (b.costsMinor[0] ?? 0) - (a.costsMinor[0] ?? 0) || a.category.localeCompare(b.category));
  meters.sort((a, b) => {
    const ca = 'costMinor' in a.cells[0] ? a.cells[0].costMinor : -1;
    const cb = 'costMinor' in b.cells[0] ? b.cells[0].costMinor : -1;
    return cb - ca || a.name.localeCompare(b.name);
  });
  return {
    currency: input.currency,
    fractionDigits: digits,
    period: input.period,
    alternatives,
    meters,
    categories,
    commitments: input.commitments ?? [],
    refused: input.refused ?? [],
  };
}
