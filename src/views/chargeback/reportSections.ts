// The report as the panel shows it, built from the allocation and the reconciliation: rows per
// owner with their share, the drill-down behind each owner (subscriptions, resource groups, tag
// values, the shared rules and untagged cost it took), and the reconciliation line by line. Pure:
// the views pass in how to format an amount and the words, so this file knows no language.

import type { ChargebackDocument, CurrencySection, DrillGroup, DrillLine, ReconciliationLine, ReportAmount } from '../../shared/chargebackMessages';
import { currencyFractionDigits } from '../../insight/currency';
import { unitsToDecimalString } from '../../insight/fixedDecimal';
import type { AllocationNote, CurrencyReport, OwnerCost } from '../../insight/chargeback/allocate';
import type { Reconciliation, ReconciliationStep } from '../../insight/chargeback/reconcile';
import { sharePercent } from '../../insight/chargeback/reportExports';

export interface SectionWords {
  /** Formats minor units of a currency for people. */
  money(units: bigint, currency: string): string;
  drillTitles: { subscriptions: string; resourceGroups: string; tagValues: string; allocated: string };
  sharedRule(name: string): string;
  untaggedLine: string;
  note(note: AllocationNote): string;
  steps: Record<ReconciliationStep['kind'] | 'reportTotal' | 'invoicedTotal', string>;
  /** Summary of a reconciliation: balanced, or how much is unexplained. */
  summary(rec: Reconciliation | undefined, unexplained: bigint, currency: string): string;
}

export function reportAmount(units: bigint, currency: string, words: Pick<SectionWords, 'money'>): ReportAmount {
  const raw = unitsToDecimalString(units, currencyFractionDigits(currency));
  return { text: words.money(units, currency), value: Number(raw), raw };
}

function sumBy<K>(owner: OwnerCost, keyOf: (s: OwnerCost['sources'][number]) => K | undefined, labelOf: (k: K) => string, currency: string, words: SectionWords): DrillLine[] {
  const sums = new Map<string, { key: K; amount: bigint }>();
  for (const source of owner.sources) {
    const key = keyOf(source);
    if (key === undefined) {continue;}
    const id = JSON.stringify(key);
    const entry = sums.get(id) ?? { key, amount: 0n };
    entry.amount += source.amount;
    sums.set(id, entry);
  }
  return [...sums.values()]
    .sort((a, b) => (a.amount === b.amount ? 0 : a.amount > b.amount ? -1 : 1))
    .map((e) => ({ label: labelOf(e.key), amount: reportAmount(e.amount, currency, words) }));
}

export function drillDown(owner: OwnerCost, currency: string, words: SectionWords, subscriptionName: (id: string) => string = (id) => id): DrillGroup[] {
  const direct = (pick: (s: Extract<OwnerCost['sources'][number], { kind: 'direct' }>) => string) => (s: OwnerCost['sources'][number]) =>
    s.kind === 'direct' ? pick(s) : undefined;
  const groups: DrillGroup[] = [
    { title: words.drillTitles.subscriptions, lines: sumBy(owner, direct((s) => s.subscriptionId), (id) => subscriptionName(id) || '—', currency, words) },
    {
      title: words.drillTitles.resourceGroups,
      lines: sumBy(owner, direct((s) => `${s.subscriptionId}/${s.resourceGroup.toLowerCase()}`), (k) => {
        const [sub, rg] = k.split('/');
        return `${rg || '—'} (${subscriptionName(sub) || '—'})`;
      }, currency, words),
    },
    { title: words.drillTitles.tagValues, lines: sumBy(owner, direct((s) => `${s.tagKey}=${s.tagValue}`), (k) => k, currency, words) },
    {
      title: words.drillTitles.allocated,
      lines: sumBy(owner, (s) => (s.kind === 'shared' ? `shared:${s.rule}` : s.kind === 'untagged' ? 'untagged' : undefined), (k) => (k === 'untagged' ? words.untaggedLine : words.sharedRule(k.slice('shared:'.length))), currency, words),
    },
  ];
  return groups.filter((g) => g.lines.length > 0);
}

/** The unexplained part of a reconciliation (0 when everything is named). */
export function unexplainedOf(rec: Reconciliation | undefined): bigint {
  return (rec?.steps ?? []).filter((s) => s.kind === 'unexplained').reduce((a, s) => a + s.amount, 0n);
}

export function reconciliationLines(rec: Reconciliation, currency: string, words: SectionWords): ReconciliationLine[] {
  return [
    { label: words.steps.reportTotal, amount: reportAmount(rec.reportTotal, currency, words), kind: 'reportTotal' },
    ...rec.steps.map((s): ReconciliationLine => ({ label: words.steps[s.kind], amount: reportAmount(s.amount, currency, words), kind: s.kind === 'unexplained' ? 'unexplained' : 'step' })),
    { label: words.steps.invoicedTotal, amount: reportAmount(rec.invoicedTotal, currency, words), kind: 'invoicedTotal' },
  ];
}

export function currencySection(
  report: CurrencyReport,
  rec: Reconciliation | undefined,
  words: SectionWords,
  subscriptionName?: (id: string) => string,
): CurrencySection {
  const c = report.currency;
  return {
    currency: c,
    owners: report.owners.map((o) => ({
      id: o.owner,
      displayName: o.displayName,
      direct: reportAmount(o.direct, c, words),
      shared: reportAmount(o.shared, c, words),
      untagged: reportAmount(o.untagged, c, words),
      total: reportAmount(o.total, c, words),
      share: sharePercent(o.total, report.total),
      drill: drillDown(o, c, words, subscriptionName),
    })),
    total: reportAmount(report.total, c, words),
    notes: report.notes.map((n) => words.note(n)),
    reconciliation: rec ? reconciliationLines(rec, c, words) : undefined,
    reconciliationSummary: words.summary(rec, unexplainedOf(rec), c),
  };
}

export function chargebackDocument(
  head: Pick<ChargebackDocument, 'title' | 'subtitle' | 'language' | 'labels'>,
  reports: readonly CurrencyReport[],
  reconciliations: ReadonlyMap<string, Reconciliation>,
  words: SectionWords,
  subscriptionName?: (id: string) => string,
): ChargebackDocument {
  return { ...head, currencies: reports.map((r) => currencySection(r, reconciliations.get(r.currency), words, subscriptionName)) };
}
