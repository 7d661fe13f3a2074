// The table under the chart: the same numbers as the bars, so it is also the accessible view of
// the chart (screen readers read the table; the canvas only has a label). Its totals are the
// host's totals, which are exactly the sums of the bars.

import type { CurrencySeries, MeterUsage, UsagePanelStrings } from '../../../src/shared/usagePanelMessages';
import { el } from './dom';
import { Formatters } from './format';

export function costTable(
  series: CurrencySeries,
  buckets: string[],
  hourly: boolean,
  strings: UsagePanelStrings,
  f: Formatters,
): HTMLTableElement {
  const money = (v: number) => f.currency(v, series.currency, series.fractionDigits);
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, hourly ? strings.hour : strings.date),
    ...series.groups.map((g) => el('th', { scope: 'col' }, g.label)),
    el('th', { scope: 'col' }, strings.total),
    el('th', { scope: 'col' }, strings.cumulative),
  );
  const rows = buckets.map((bucket, i) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, f.bucket(bucket)),
      ...series.groups.map((g) => el('td', {}, money(g.values[i]))),
      el('td', {}, money(series.bucketTotals[i])),
      el('td', {}, money(series.cumulative[i])),
    ),
  );
  const foot = el(
    'tr',
    {},
    el('th', { scope: 'row' }, strings.total),
    ...series.groups.map((g) => el('td', {}, money(g.total))),
    el('td', { 'data-role': 'grand-total' }, money(series.total)),
    el('td', {}),
  );
  return el(
    'table',
    { class: 'data-table' },
    el('caption', {}, `${strings.tableCaption} (${series.currency})`),
    el('thead', {}, head),
    el('tbody', {}, ...rows),
    el('tfoot', {}, foot),
  );
}

export function usageTable(meter: MeterUsage, buckets: string[], hourly: boolean, strings: UsagePanelStrings, f: Formatters): HTMLTableElement {
  return el(
    'table',
    { class: 'data-table' },
    el('caption', {}, `${meter.name} (${meter.unit})`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, hourly ? strings.hour : strings.date), el('th', { scope: 'col' }, `${strings.quantity} (${meter.unit})`))),
    el('tbody', {}, ...buckets.map((b, i) => el('tr', {}, el('th', { scope: 'row' }, f.bucket(b)), el('td', {}, f.number(meter.values[i]))))),
    el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, strings.total), el('td', {}, f.number(meter.total)))),
  );
}
