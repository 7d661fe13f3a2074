// Evaluates a query against the usage world's cost ledgers: one accumulator per (date bucket,
// grouping values, currency), summed in whole cents so that totals are exact. Columns come in
// the order Azure uses: aggregations, then UsageDate / BillingMonth, then groupings, then Currency.
import { addMonths, compactDay, dayString, monthStart } from '../../world/usage/calendar';
import type { UsageWorld } from '../../world/usage';
import type { Stream } from '../../world/usage/resources';
import { QUANTITY_SCALE } from '../../world/usage/tierCost';
import type { WorldSubscription } from '../../world/types';
import type { CostColumn, Filter, QuerySpec } from './definition';
import { DIMENSIONS, tagValue } from './dimensions';
import type { CostScope } from './scope';

export interface Column {
  name: string;
  type: 'Number' | 'String' | 'Datetime';
}

export interface QueryTable {
  columns: Column[];
  rows: Array<Array<string | number>>;
}

interface Accumulator {
  date: number | string | undefined;
  groups: string[];
  currency: string;
  cents: number;
  centsUsd: number;
  quantity: number;
}

function matches(filter: Filter, stream: Stream, sub: WorldSubscription): boolean {
  if ('and' in filter) { return filter.and.every((f) => matches(f, stream, sub)); }
  if ('or' in filter) { return filter.or.some((f) => matches(f, stream, sub)); }
  const wanted = (value: string | undefined, values: string[]) => value !== undefined && values.some((v) => v.toLowerCase() === value.toLowerCase());
  if ('dimensions' in filter) { return wanted(DIMENSIONS[filter.dimensions.name.toLowerCase()].value(stream, sub), filter.dimensions.values); }
  return wanted(tagValue(stream, filter.tags.name), filter.tags.values);
}

export function columnsOf(spec: QuerySpec): Column[] {
  const columns: Column[] = spec.aggregations.map((name) => ({ name, type: 'Number' }));
  if (spec.granularity === 'Daily') { columns.push({ name: 'UsageDate', type: 'Number' }); }
  if (spec.granularity === 'Monthly') { columns.push({ name: 'BillingMonth', type: 'Datetime' }); }
  for (const g of spec.groupings) {
    if (g.type === 'Dimension') { columns.push({ name: g.name, type: 'String' }); }
    else { columns.push({ name: 'TagKey', type: 'String' }, { name: 'TagValue', type: 'String' }); }
  }
  columns.push({ name: 'Currency', type: 'String' });
  return columns;
}

export function aggregateValue(column: CostColumn, acc: { cents: number; centsUsd: number; quantity: number }): number {
  if (column === 'UsageQuantity') { return acc.quantity / QUANTITY_SCALE; }
  return (column === 'CostUSD' || column === 'PreTaxCostUSD' ? acc.centsUsd : acc.cents) / 100;
}

export function runQuery(usage: UsageWorld, scope: CostScope, spec: QuerySpec): QueryTable {
  const from = Math.max(spec.range.from, usage.window.firstDay);
  const to = Math.min(spec.range.to, usage.window.lastDay);
  const accumulators = new Map<string, Accumulator>();
  for (const sub of scope.subscriptions) {
    for (let month = monthStart(from); month <= to; month = addMonths(month, 1)) {
      const ledger = usage.ledger(sub.subscriptionId, month);
      const first = Math.max(from, month) - month;
      const last = Math.min(to, month + ledger.days - 1) - month;
      ledger.streams.forEach((stream, pos) => {
        if (scope.resourceGroup && stream.resource.resourceGroup.toLowerCase() !== scope.resourceGroup) { return; }
        if (spec.filter && !matches(spec.filter, stream, sub)) { return; }
        const groups = spec.groupings.flatMap((g) => {
          if (g.type === 'Dimension') { return [DIMENSIONS[g.name.toLowerCase()].value(stream, sub)]; }
          const value = tagValue(stream, g.name);
          return value === undefined ? ['', ''] : [g.name, value]; // [inf] untagged rows: empty TagKey and TagValue
        });
        const groupKey = groups.join('\u0000');
        for (let d = first; d <= last; d++) {
          const i = pos * ledger.days + d;
          if (ledger.quantity[i] === 0) { continue; }
          const day = month + d;
          const date = spec.granularity === 'Daily' ? compactDay(day) : spec.granularity === 'Monthly' ? `${dayString(month)}T00:00:00` : undefined;
          const key = `${date ?? ''}\u0001${groupKey}\u0001${sub.currency}`;
          let acc = accumulators.get(key);
          if (!acc) {
            acc = { date, groups, currency: sub.currency, cents: 0, centsUsd: 0, quantity: 0 };
            accumulators.set(key, acc);
          }
          acc.cents += ledger.cents[i];
          acc.centsUsd += ledger.centsUsd[i];
          acc.quantity += ledger.quantity[i];
        }
      });
    }
  }
  const sorted = [...accumulators.values()].sort((a, b) =>
    compare(a.date, b.date) || a.groups.join('\u0000').localeCompare(b.groups.join('\u0000')) || a.currency.localeCompare(b.currency));
  const rows = sorted.map((acc) => {
    const row: Array<string | number> = spec.aggregations.map((c) => aggregateValue(c, acc));
    if (acc.date !== undefined) { row.push(acc.date); }
    row.push(...acc.groups, acc.currency);
    return row;
  });
  return { columns: columnsOf(spec), rows };
}

function compare(a: number | string | undefined, b: number | string | undefined): number {
  if (a === b) { return 0; }
  if (a === undefined) { return -1; }
  if (b === undefined) { return 1; }
  return a < b ? -1 : 1;
}
