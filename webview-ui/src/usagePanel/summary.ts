// What sits around the chart: month-to-date and forecast per currency, the estimate beside the
// actual cost, meters the estimate could not price, and the host's notes.

import type { SeriesPayload, UsagePanelStrings } from '../../../src/shared/usagePanelMessages';
import { el } from './dom';
import { Formatters } from './format';

export function forecastCards(payload: SeriesPayload, strings: UsagePanelStrings, f: Formatters): HTMLElement | undefined {
  if (payload.forecast.length === 0) { return undefined; }
  return el('div', { class: 'cards' }, ...payload.forecast.map((fc) => {
    const money = (v: number) => f.currency(v, fc.currency, fc.fractionDigits);
    // The range only when there is one to show; Cost Management's forecast only where the scope has one.
    const range = fc.low < fc.high ? [el('dt', {}, strings.forecastRange), el('dd', { class: 'forecast-range' }, `${money(fc.low)} – ${money(fc.high)}`)] : [];
    const azure = fc.costManagement !== undefined ? [el('dt', {}, strings.costManagementForecast), el('dd', { class: 'forecast-azure' }, money(fc.costManagement))] : [];
    return el('dl', { class: 'card' },
      el('dt', {}, strings.monthToDate), el('dd', {}, money(fc.toDate)),
      el('dt', {}, `${strings.forecast} (${f.bucket(fc.periodEnd)})`), el('dd', { class: 'forecast-point' }, money(fc.forecast)),
      ...range,
      ...azure,
      el('dt', {}, strings.dailyRunRate), el('dd', {}, money(fc.dailyRunRate)));
  }));
}

export function comparisonTable(payload: SeriesPayload, currency: string | undefined, strings: UsagePanelStrings, f: Formatters): HTMLElement | undefined {
  const c = payload.comparison.find((x) => x.currency === currency) ?? payload.comparison[0];
  if (!c) { return undefined; }
  const money = (v: number | null) => (v === null ? '—' : f.currency(v, c.currency, c.fractionDigits));
  return el('table', { class: 'data-table comparison' },
    el('caption', {}, `${strings.estimate} / ${strings.actual} (${c.currency})`),
    el('thead', {}, el('tr', {}, ...[strings.date, strings.estimate, strings.actual, strings.difference].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...payload.buckets.map((b, i) => el('tr', {},
      el('th', { scope: 'row' }, f.bucket(b)), el('td', {}, money(c.estimate[i])), el('td', {}, money(c.actual[i])), el('td', {}, money(c.difference[i]))))),
    el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, strings.total),
      el('td', {}, money(c.totals.estimate)), el('td', {}, money(c.totals.actual)), el('td', {}, money(c.totals.difference)))));
}

export function unpricedList(payload: SeriesPayload, strings: UsagePanelStrings, f: Formatters): HTMLElement | undefined {
  if (payload.unpriced.length === 0) { return undefined; }
  return el('section', { class: 'warning', 'aria-label': strings.unpricedTitle },
    el('h2', {}, strings.unpricedTitle),
    el('ul', {}, ...payload.unpriced.map((u) => el('li', {}, `${u.meterName}: ${f.number(Number(u.quantity))} ${u.unit} — ${u.reason}`))));
}

export function notes(payload: SeriesPayload): HTMLElement | undefined {
  if (payload.notes.length === 0) { return undefined; }
  return el('ul', { class: 'notes' }, ...payload.notes.map((n) => el('li', {}, n)));
}
