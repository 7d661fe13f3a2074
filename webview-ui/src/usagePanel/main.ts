// The usage-and-cost panel inside the webview. It draws what the host sends (aggregated series,
// localised strings, the locale) and reports what the person picks; it never computes money
// itself beyond turning minor units into decimals for display.

import './usagePanel.css';
import type { CreditsPayload, CurrencySeries, HostToWebview, PanelSelection, SeriesPayload, UsagePanelStrings } from '../../../src/shared/usagePanelMessages';
import { BurnDownChart } from './burnDownChart';
import { BarSeries, ChartSpec, ChartView } from './chartView';
import { balanceTable, burnDownSpec, creditsCards, creditsLegend, lotTable } from './creditsView';
import { toolbar } from './controls';
import { costTable, usageTable } from './dataTable';
import { el, replaceChildren } from './dom';
import { FALLBACK_STRINGS, withFallbacks } from './fallbackStrings';
import { Formatters } from './format';
import { legend } from './legend';
import { comparisonTable, forecastCards, notes, unpricedList } from './summary';
import { groupColour, readTheme, watchTheme } from './theme';
import { loadState, post, saveState } from './vscodeApi';

type Status =
  | { kind: 'loading'; message?: string }
  | { kind: 'ready' }
  | { kind: 'empty'; message: string; hint?: string }
  | { kind: 'error'; message: string; detail?: string; retryable: boolean };

const DEFAULT_SELECTION: PanelSelection = { groupBy: 'meterCategory', period: { preset: 'billingPeriod' }, view: 'cost', source: 'estimate' };

let strings: UsagePanelStrings = FALLBACK_STRINGS;
let formatters = new Formatters(navigator.language || 'en-US');
let state = loadState();
let selection: PanelSelection = state.selection ?? DEFAULT_SELECTION;
let payload: SeriesPayload | undefined;
/** The Credits view's data, and whether the host offers that view (a billing profile with credits). */
let credits: CreditsPayload | undefined;
let creditsOffered = false;
let status: Status = { kind: 'loading' };
let periodError: { field: 'from' | 'to'; message: string } | undefined;
let theme = readTheme();

const toolbarBox = el('div', { class: 'toolbar-box' });
const statusBox = el('div', { class: 'status', 'aria-live': 'polite' });
const summaryBox = el('div', { class: 'summary' });
const canvas = el('canvas', { role: 'img' });
const chartBox = el('div', { class: 'chart-box' }, canvas);
const legendBox = el('div', { class: 'legend-box' });
const tableBox = el('div', { class: 'table-box' });
const heading = el('h1', {}, strings.title);
document.body.append(el('main', { class: 'usage-panel' }, heading, toolbarBox, statusBox, summaryBox, chartBox, legendBox, tableBox));
const chart = new ChartView(canvas);
// The burn-down's canvas exists only while the Credits view is shown: the page has one chart at a time.
let burnDown: { box: HTMLElement; chart: BurnDownChart } | undefined;

function currentCurrency(p: SeriesPayload): CurrencySeries | undefined {
  return p.currencies.find((c) => c.currency === state.currency) ?? p.currencies[0];
}

function choose(next: PanelSelection): void {
  selection = next;
  periodError = undefined;
  state = saveState({ selection });
  status = { kind: 'loading' };
  post({ type: 'select', selection });
  render();
}

function render(): void {
  heading.textContent = payload?.title ? `${strings.title} · ${payload.title}` : strings.title;
  replaceChildren(toolbarBox, toolbar({ strings, selection, payload, currency: state.currency, meterId: state.meterId, periodError, creditsOffered }, {
    select: choose,
    currency: (code) => {
      state = saveState({ currency: code });
      render();
    },
    meter: (meterId) => {
      state = saveState({ meterId });
      render();
    },
    exportCsv: () => post({ type: 'exportCsv', selection }),
    whatIf: () => post({ type: 'whatIf' }),
    refresh: () => {
      status = { kind: 'loading' };
      post({ type: 'refresh' });
      render();
    },
    exportPng: () => {
      const dataUrl = selection.view === 'credits' ? burnDown?.chart.toPng() : chart.toPng();
      if (dataUrl) { post({ type: 'exportPng', dataUrl }); }
    },
  }));
  renderStatus();
  const inCredits = selection.view === 'credits';
  const showData = (inCredits ? credits !== undefined : payload !== undefined) && status.kind !== 'empty' && status.kind !== 'error';
  showBurnDown(inCredits && showData);
  chartBox.hidden = !showData || inCredits;
  legendBox.hidden = !showData;
  tableBox.hidden = !showData;
  summaryBox.hidden = !showData;
  document.body.setAttribute('aria-busy', status.kind === 'loading' ? 'true' : 'false');
  if (showData && inCredits && credits) { renderCredits(credits); }
  else if (showData && payload) { renderData(payload); }
}

function showBurnDown(show: boolean): void {
  if (show && !burnDown) {
    const burnCanvas = el('canvas', { role: 'img', id: 'burn-down' });
    const box = el('div', { class: 'chart-box burn-down-box' }, burnCanvas);
    chartBox.after(box);
    burnDown = { box, chart: new BurnDownChart(burnCanvas) };
  } else if (!show && burnDown) {
    burnDown.chart.destroy();
    burnDown.box.remove();
    burnDown = undefined;
  }
}

function renderCredits(p: CreditsPayload): void {
  heading.textContent = `${strings.title} · ${p.title}`;
  burnDown?.chart.render(burnDownSpec(p, strings, formatters), theme);
  replaceChildren(summaryBox, creditsCards(p, strings, formatters), el('ul', { class: 'notes' }, ...p.notes.map((n) => el('li', {}, n))));
  replaceChildren(legendBox, creditsLegend(strings, { actual: theme.palette[0], projected: theme.palette[1] ?? theme.line, mark: theme.mark }));
  replaceChildren(tableBox, lotTable(p, strings, formatters), balanceTable(p, strings, formatters));
}

function renderStatus(): void {
  switch (status.kind) {
    case 'loading':
      replaceChildren(statusBox, el('p', { class: 'loading' }, status.message ?? strings.loading));
      break;
    case 'empty':
      replaceChildren(statusBox, el('div', { class: 'empty' }, el('p', { class: 'status-title' }, status.message), status.hint ? el('p', {}, status.hint) : null));
      break;
    case 'error': {
      const retry = status.retryable ? el('button', { type: 'button', id: 'retry' }, strings.retry) : null;
      retry?.addEventListener('click', () => {
        status = { kind: 'loading' };
        post({ type: 'retry' });
        render();
      });
      replaceChildren(statusBox, el('div', { class: 'error', role: 'alert' },
        el('p', { class: 'status-title' }, status.message), status.detail ? el('p', {}, status.detail) : null, retry));
      break;
    }
    default:
      replaceChildren(statusBox);
  }
}

function renderData(p: SeriesPayload): void {
  const hourly = p.granularity === 'hour';
  const labels = p.buckets.map((b) => formatters.bucket(b));
  const hidden = new Set(state.hidden ?? []);
  if (selection.view === 'usage') {
    const meter = p.usage.find((m) => m.meterId === state.meterId) ?? p.usage[0];
    replaceChildren(summaryBox, unpricedList(p, strings, formatters), notes(p));
    if (!meter) {
      chartBox.hidden = true;
      replaceChildren(legendBox);
      replaceChildren(tableBox, el('p', {}, strings.emptyHint));
      return;
    }
    const colour = groupColour(theme, 0);
    const spec: ChartSpec = {
      labels,
      bars: [{ key: meter.meterId, label: `${meter.name} (${meter.unit})`, data: meter.values, colour, hidden: false }],
      yTitle: `${strings.quantity} (${meter.unit})`,
      stacked: false,
      format: (v) => formatters.number(v),
      ariaLabel: `${strings.chartLabel}: ${meter.name}`,
    };
    chart.render(spec, theme);
    replaceChildren(legendBox, legend(strings.legend, [{ key: meter.meterId, label: `${meter.name} (${meter.unit})`, colour, total: formatters.number(meter.total), hidden: false }], () => undefined));
    replaceChildren(tableBox, usageTable(meter, p.buckets, hourly, strings, formatters));
    return;
  }
  const series = currentCurrency(p);
  replaceChildren(summaryBox, forecastCards(p, strings, formatters), notes(p), unpricedList(p, strings, formatters));
  if (!series) { return; }
  const scale = 10 ** series.fractionDigits;
  let paletteIndex = 0;
  const bars: BarSeries[] = series.groups.map((g) => ({
    key: g.key,
    label: g.label,
    data: g.values.map((v) => v / scale),
    colour: g.kind === 'other' ? theme.other : groupColour(theme, paletteIndex++),
    hidden: hidden.has(g.key),
  }));
  const money = (amount: number) => formatters.currency(Math.round(amount * scale), series.currency, series.fractionDigits);
  chart.render({
    labels,
    bars,
    line: { label: strings.cumulative, data: series.cumulative.map((v) => v / scale) },
    yTitle: `${strings.views[selection.view]} (${series.currency})`,
    y2Title: strings.cumulative,
    stacked: true,
    format: money,
    ariaLabel: `${strings.chartLabel} (${series.currency})`,
  }, theme);
  replaceChildren(legendBox, legend(strings.legend, bars.map((b, i) => ({
    key: b.key, label: b.label, colour: b.colour, total: formatters.currency(series.groups[i].total, series.currency, series.fractionDigits), hidden: b.hidden,
  })), toggleGroup));
  const comparison = p.sources.length > 1 && !hourly ? comparisonTable(p, series.currency, strings, formatters) : undefined;
  replaceChildren(tableBox, costTable(series, p.buckets, hourly, strings, formatters), comparison);
}

function toggleGroup(key: string): void {
  const hidden = new Set(state.hidden ?? []);
  if (hidden.has(key)) { hidden.delete(key); }
  else { hidden.add(key); }
  state = saveState({ hidden: [...hidden] });
  render();
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      strings = withFallbacks(message.strings);
      formatters = new Formatters(message.locale || navigator.language || 'en-US');
      if (message.restore !== undefined) { state = saveState({ restore: message.restore }); }
      break;
    case 'loading':
      status = { kind: 'loading', message: message.message };
      break;
    case 'creditsOffered':
      creditsOffered = true;
      break;
    case 'credits':
      credits = message.payload;
      status = { kind: 'ready' };
      break;
    case 'series':
      payload = message.payload;
      // A series sent before the person chose Credits can arrive after that choice: the host never
      // answers Credits with a series, so keep the Credits view and wait for its own answer.
      if (selection.view === 'credits') { break; }
      selection = message.payload.selection;
      state = saveState({ selection });
      status = { kind: 'ready' };
      break;
    case 'empty':
      status = { kind: 'empty', message: message.message, hint: message.hint };
      break;
    case 'error':
      status = { kind: 'error', message: message.message, detail: message.detail, retryable: message.retryable };
      break;
    case 'periodInvalid':
      periodError = { field: message.field, message: message.message };
      status = { kind: 'ready' };
      break;
  }
  render();
});

watchTheme(() => {
  theme = readTheme();
  render();
});

render();
post({ type: 'ready', selection: state.selection });
