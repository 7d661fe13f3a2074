// The what-if panel's page: the alternatives side by side (total, credit, difference to today's),
// a bar chart by meter category, the per-meter table, commitments, and what could not be priced.
// Everything arrives formatted from the host; text goes in through textContent only (dom.ts).
import type { WhatIfHostToWebview, WhatIfView, WhatIfWebviewToHost } from '../../../src/shared/whatIfMessages';
import { ChartView } from '../usagePanel/chartView';
import { el, replaceChildren } from '../usagePanel/dom';
import { legend } from '../usagePanel/legend';
import { groupColour, readTheme, watchTheme } from '../usagePanel/theme';
import './whatIfPanel.css';

interface VsCodeApi {
  postMessage(message: WhatIfWebviewToHost): void;
  getState(): { view?: WhatIfView } | undefined;
  setState(state: { view?: WhatIfView }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app') ?? document.body;
let chart: ChartView | undefined;
let current: WhatIfView | undefined = vscode.getState()?.view;
/** Alternatives hidden through the legend (by index). */
const hidden = new Set<number>();

function table(columns: string[], rows: string[][], numeric: boolean[] = [], className = ''): HTMLTableElement {
  return el('table', { class: className },
    el('thead', {}, el('tr', {}, ...columns.map((c, i) => el('th', { scope: 'col', class: numeric[i] ? 'num' : undefined }, c)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((cell, i) => el(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : undefined, class: numeric[i] ? 'num' : undefined }, cell))))),
  );
}

function draw(view: WhatIfView): void {
  const s = view.strings;
  const cards = el('section', { class: 'cards', 'aria-label': view.title },
    ...view.cards.map((c) => el('article', { class: `card ${c.kind}`, 'data-id': c.id },
      el('h2', {}, c.label),
      el('p', { class: 'total', 'data-total-minor': String(c.totalMinor) }, c.total),
      c.credit ? el('p', { class: 'credit' }, `${c.gross} ${s.beforeCredit} − ${c.credit} ${s.credit}`) : null,
      el('p', { class: `difference trend${c.trend}` }, c.kind === 'baseline' ? s.baseline : c.difference),
      c.unpriced.length ? el('details', { class: 'unpriced' },
        el('summary', {}, `${s.unpriced}: ${c.unpriced.length}`),
        el('ul', {}, ...c.unpriced.map((u) => el('li', {}, `${u.meter} — ${u.reason}`)))) : null,
    )),
  );
  const canvas = el('canvas', { role: 'img' });
  const legendBox = el('div', { class: 'legend-box' });
  const refused = view.refused.length
    ? el('section', { class: 'refused' }, el('h2', {}, s.refused), el('ul', {}, ...view.refused.map((r) => el('li', {}, el('strong', {}, r.label), ` — ${r.reason}`))))
    : null;
  replaceChildren(root,
    el('header', { class: 'header' },
      el('div', {}, el('h1', {}, view.title), el('p', { class: 'subtitle' }, view.subtitle)),
      el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'export-csv' }, s.exportCsv),
        el('button', { type: 'button', id: 'export-md' }, s.exportMarkdown))),
    el('p', { class: 'note', role: 'note' }, view.note),
    cards,
    refused,
    el('h2', {}, s.byCategory),
    legendBox,
    el('div', { class: 'chart' }, canvas),
    el('h2', {}, s.perMeter),
    table(view.meters.columns, view.meters.rows, view.meters.numeric, 'meters'),
    view.commitments.rows.length ? el('h2', {}, s.commitments) : null,
    view.commitments.rows.length ? table(view.commitments.columns, view.commitments.rows, view.commitments.columns.map((_, i) => i >= 3), 'commitments') : null,
  );
  document.getElementById('export-csv')?.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'csv' }));
  document.getElementById('export-md')?.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'markdown' }));
  chart?.destroy();
  chart = new ChartView(canvas);
  paint(view, legendBox);
}

function paint(view: WhatIfView, legendBox = document.querySelector('.legend-box')): void {
  const theme = readTheme();
  legendBox?.replaceChildren(legend(view.chart.ariaLabel, view.cards.map((c, i) => ({ key: String(i), label: c.label, colour: groupColour(theme, i), total: c.total, hidden: hidden.has(i) })), (key) => {
    const index = Number(key);
    if (hidden.has(index)) { hidden.delete(index); } else { hidden.add(index); }
    paint(view);
  }));
  const money = new Intl.NumberFormat(view.chart.locale, { style: 'currency', currency: view.chart.currency });
  chart?.render({
    labels: view.chart.categories,
    bars: view.chart.series.map((series, i) => ({ key: String(i), label: series.label, data: series.values, colour: groupColour(theme, i), hidden: hidden.has(i) })),
    yTitle: view.chart.yTitle,
    stacked: false,
    format: (v) => money.format(v),
    ariaLabel: view.chart.ariaLabel,
  }, theme);
}

window.addEventListener('message', (event: MessageEvent<WhatIfHostToWebview>) => {
  if (event.data?.type !== 'show') { return; }
  current = event.data.view;
  vscode.setState({ view: current });
  draw(current);
});
watchTheme(() => { if (current) { paint(current); } });
if (current) { draw(current); }
vscode.postMessage({ type: 'ready' });
