// Cost per group per bucket, derived from a cube on demand (so regrouping needs no refetch):
// the top N groups by total plus "Other", one series set per currency (never summed across
// currencies), rounded so every total is exactly the sum of the bars it stands for.

import { apportion } from './apportion';
import { CostCube, CubeLine, DayRange, bucketLabel, bucketSpan } from './costCube';
import { currencyFractionDigits } from './currency';
import { Fixed } from './fixedDecimal';

export type GroupBy =
  | 'meterCategory'
  | 'service'
  | 'resourceGroup'
  | 'region'
  | 'resource'
  | 'meter'
  | 'subscription'
  | `tag:${string}`;

/** Buckets that are not a value of the dimension itself. */
export type GroupKind = 'value' | 'other' | 'untagged' | 'none';

export interface GroupSeries {
  key: string;
  label: string;
  kind: GroupKind;
  /** Cost per bucket in minor units of the currency (cents for USD). */
  values: number[];
  total: number;
}

export interface CurrencyCostSeries {
  currency: string;
  /** Decimals of the minor unit: amount = value / 10^fractionDigits. */
  fractionDigits: number;
  groups: GroupSeries[];
  /** Sum of every group's value per bucket. */
  bucketTotals: number[];
  /** Running sum of bucketTotals. */
  cumulative: number[];
  total: number;
}

export interface GroupedCosts {
  granularity: CostCube['granularity'];
  /** "YYYY-MM-DD" or "YYYY-MM-DDTHH:00Z" per bucket. */
  buckets: string[];
  currencies: CurrencyCostSeries[];
}

export interface GroupOptions {
  groupBy: GroupBy;
  range: DayRange;
  /** Groups shown by name; the rest are added up into "Other". */
  topN: number;
  /** Labels for the special buckets, localised by the caller. */
  labels?: Partial<Record<Exclude<GroupKind, 'value'>, string>>;
}

const FALLBACK_LABELS = { other: 'Other', untagged: 'Untagged', none: '(none)' };

interface GroupKey {
  key: string;
  label: string;
  kind: GroupKind;
}

export function groupKeyOf(line: CubeLine, groupBy: GroupBy): GroupKey {
  const value = (text: string, label = text): GroupKey =>
    text ? { key: text, label, kind: 'value' } : { key: '\u0000none', label: '', kind: 'none' };
  switch (groupBy) {
    case 'meterCategory':
      return value(line.meter.category);
    case 'service':
      return value(line.resource.service);
    case 'resourceGroup':
      return value(line.resource.resourceGroup);
    case 'region':
      return value(line.resource.region);
    case 'resource':
      return value(line.resource.key, line.resource.name || line.resource.uri);
    case 'meter':
      return value(`${line.meter.meterId}\n${line.meter.unit}`, line.meter.name);
    case 'subscription':
      return value(line.subscriptionId.toLowerCase(), line.subscriptionName || line.subscriptionId);
    default: {
      const tagValue = findTag(line.resource.tags, groupBy.slice('tag:'.length));
      return tagValue === undefined ? { key: '\u0000untagged', label: '', kind: 'untagged' } : value(tagValue);
    }
  }
}

/** Azure tag names are case-insensitive; values are kept as they are. */
function findTag(tags: Readonly<Record<string, string>>, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(tags, name)) { return tags[name]; }
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(tags)) { if (k.toLowerCase() === lower) { return v; } }
  return undefined;
}

interface Accumulator extends GroupKey {
  cells: Fixed[];
  total: Fixed;
}

export function groupCosts(cube: CostCube, options: GroupOptions): GroupedCosts {
  const { start, end } = bucketSpan(cube, options.range);
  const width = end - start;
  const byCurrency = new Map<string, Map<string, Accumulator>>();
  for (const line of cube.lines) {
    if (!line.cost || !line.currency) { continue; }
    let groups = byCurrency.get(line.currency);
    if (!groups) { byCurrency.set(line.currency, (groups = new Map<string, Accumulator>())); }
    const id = groupKeyOf(line, options.groupBy);
    let acc = groups.get(id.key);
    if (!acc) { groups.set(id.key, (acc = { ...id, cells: new Array<Fixed>(width).fill(0n), total: 0n })); }
    for (let b = start; b < end; b++) {
      const c = line.cost[b];
      if (c !== 0n) {
        acc.cells[b - start] += c;
        acc.total += c;
      }
    }
  }
  const labels = { ...FALLBACK_LABELS, ...options.labels };
  const currencies = [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, groups]) => currencySeries(currency, topGroups([...groups.values()], options.topN, width), labels));
  const buckets = Array.from({ length: width }, (_, i) => bucketLabel(cube, start + i));
  return { granularity: cube.granularity, buckets, currencies };
}

/** The N largest groups by total, then one "Other" holding the rest (only if there is a rest). */
function topGroups(groups: Accumulator[], topN: number, width: number): Accumulator[] {
  groups.sort((a, b) => (a.total === b.total ? a.label.localeCompare(b.label) : a.total > b.total ? -1 : 1));
  if (groups.length <= topN) { return groups; }
  const other: Accumulator = { key: '\u0000other', label: '', kind: 'other', cells: new Array<Fixed>(width).fill(0n), total: 0n };
  for (const g of groups.slice(Math.max(0, topN))) {
    for (let i = 0; i < width; i++) { other.cells[i] += g.cells[i]; }
    other.total += g.total;
  }
  return [...groups.slice(0, Math.max(0, topN)), other];
}

function currencySeries(currency: string, groups: Accumulator[], labels: typeof FALLBACK_LABELS): CurrencyCostSeries {
  const digits = currencyFractionDigits(currency);
  const width = groups.length > 0 ? groups[0].cells.length : 0;
  // Round all cells together so the grand total is the exact total, rounded once.
  const rounded = apportion(groups.flatMap((g) => g.cells), digits);
  const bucketTotals = new Array<number>(width).fill(0);
  const series: GroupSeries[] = groups.map((g, gi) => {
    const values = rounded.slice(gi * width, (gi + 1) * width).map(Number);
    values.forEach((v, i) => (bucketTotals[i] += v));
    const label = g.kind === 'value' ? g.label : labels[g.kind];
    return { key: g.key, label, kind: g.kind, values, total: values.reduce((s, v) => s + v, 0) };
  });
  const cumulative: number[] = [];
  let running = 0;
  for (const t of bucketTotals) { cumulative.push((running += t)); }
  return { currency, fractionDigits: digits, groups: series, bucketTotals, cumulative, total: running };
}
