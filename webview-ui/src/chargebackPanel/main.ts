// The chargeback report's page: per currency a table of owners (direct, shared and untagged cost,
// total, share), a stacked bar chart, the drill-down behind an owner (a button on each row), and the
// reconciliation with the invoices line by line. Everything is built with textContent from the
// data the host posts; the page keeps it with setState so a reload shows the same report.
import type { Chart } from 'chart.js';
import type { ChargebackDocument, ChargebackHostMessage, ChargebackPageMessage, ChargebackPageState, CurrencySection, OwnerRow } from '../../../src/shared/chargebackMessages';
import { watchTheme } from '../usagePanel/theme';
import { drawOwnerChart } from './ownerChart';
import './chargeback.css';

interface VsCodeApi {
  postMessage(message: ChargebackPageMessage): void;
  getState(): ChargebackPageState | undefined;
  setState(state: ChargebackPageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;
let state: ChargebackPageState = vscode.getState() ?? {};
const charts: Array<Chart<'bar'>> = [];
let exportedText = '';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {node.className = className;}
  if (text !== undefined) {node.textContent = text;}
  return node;
}

function cell(tag: 'td' | 'th', text: string, className?: string): HTMLTableCellElement {
  const c = el(tag, className, text);
  if (tag === 'th') {c.scope = 'col';}
  return c;
}

function ownerTable(doc: ChargebackDocument, section: CurrencySection): HTMLTableElement {
  const l = doc.labels;
  const table = el('table', 'owners');
  table.dataset.currency = section.currency;
  const head = el('tr');
  head.append(cell('th', l.owner), ...[l.direct, l.shared, l.untagged, l.total, l.share].map((t) => cell('th', t, 'num')));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  for (const owner of section.owners) {
    const row = el('tr');
    row.dataset.owner = owner.id;
    const name = el('th');
    name.scope = 'row';
    const open = state.open?.[section.currency] === owner.id;
    const button = el('button', 'drill', owner.displayName);
    button.type = 'button';
    button.title = l.showDetails.replace('{0}', owner.displayName);
    button.setAttribute('aria-expanded', String(open));
    button.addEventListener('click', () => toggle(section.currency, owner.id));
    name.append(button);
    row.append(name, ...[owner.direct, owner.shared, owner.untagged, owner.total].map((a) => cell('td', a.text, 'num')), cell('td', owner.share === '' ? '' : `${owner.share} %`, 'num'));
    body.append(row);
  }
  const total = el('tr', 'total');
  const totalName = cell('th', l.totalRow);
  totalName.scope = 'row';
  total.append(totalName, cell('td', ''), cell('td', ''), cell('td', ''), cell('td', section.total.text, 'num'), cell('td', section.owners.length > 0 ? '100.0 %' : '', 'num'));
  body.append(total);
  table.append(body);
  return table;
}

function drillPanel(doc: ChargebackDocument, owner: OwnerRow): HTMLElement {
  const box = el('section', 'drill-down');
  box.setAttribute('aria-label', doc.labels.drillTitle.replace('{0}', owner.displayName));
  box.append(el('h3', undefined, doc.labels.drillTitle.replace('{0}', owner.displayName)));
  for (const group of owner.drill) {
    const table = el('table', 'drill-group');
    const caption = el('caption', undefined, group.title);
    table.append(caption);
    const body = el('tbody');
    for (const line of group.lines) {
      const row = el('tr');
      row.append(cell('td', line.label), cell('td', line.amount.text, 'num'));
      body.append(row);
    }
    table.append(body);
    box.append(table);
  }
  return box;
}

function reconciliation(doc: ChargebackDocument, section: CurrencySection): HTMLElement {
  const box = el('section', 'reconciliation');
  box.append(el('h3', undefined, doc.labels.reconciliation));
  box.append(el('p', 'summary', section.reconciliationSummary));
  if (section.reconciliation) {
    const table = el('table', 'steps');
    const body = el('tbody');
    for (const line of section.reconciliation) {
      const row = el('tr', `step-${line.kind}`);
      row.append(cell('td', line.label), cell('td', line.amount.text, 'num'));
      body.append(row);
    }
    table.append(body);
    box.append(table);
  }
  return box;
}

function draw(): void {
  const doc = state.document;
  if (!doc) {return;}
  document.documentElement.lang = doc.language;
  document.title = doc.title;
  for (const chart of charts.splice(0)) {chart.destroy();}
  const header = el('header', 'report-header');
  const headings = el('div');
  headings.append(el('h1', undefined, doc.title), el('p', 'subtitle', doc.subtitle));
  const exportButton = el('button', 'export', doc.labels.export);
  exportButton.type = 'button';
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  header.append(headings, exportButton);
  const status = el('p', 'exported', exportedText);
  status.setAttribute('role', 'status');
  const parts: HTMLElement[] = [header, status];
  const canvases: Array<[HTMLCanvasElement, CurrencySection]> = [];
  for (const section of doc.currencies) {
    const block = el('section', 'currency');
    block.dataset.currency = section.currency;
    block.append(el('h2', undefined, section.currency), ownerTable(doc, section));
    const openOwner = section.owners.find((o) => o.id === state.open?.[section.currency]);
    if (openOwner) {block.append(drillPanel(doc, openOwner));}
    for (const note of section.notes) {block.append(el('p', 'note', note));}
    const chartBox = el('div', 'chart');
    chartBox.style.height = `${Math.max(150, 36 * section.owners.length + 90)}px`;
    const canvas = el('canvas');
    chartBox.append(canvas);
    block.append(chartBox, reconciliation(doc, section));
    canvases.push([canvas, section]);
    parts.push(block);
  }
  root.replaceChildren(...parts);
  for (const [canvas, section] of canvases) {charts.push(drawOwnerChart(canvas, section, doc.labels));}
}

function toggle(currency: string, owner: string): void {
  const open = { ...(state.open ?? {}) };
  if (open[currency] === owner) {delete open[currency];}
  else {open[currency] = owner;}
  update({ open });
}

function update(change: Partial<ChargebackPageState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
  draw();
}

window.addEventListener('message', (event: MessageEvent<ChargebackHostMessage>) => {
  const message = event.data;
  if (message?.type === 'show') {
    exportedText = '';
    update({ document: message.document });
  } else if (message?.type === 'exported') {
    exportedText = message.text;
    const status = root.querySelector('.exported');
    if (status) {status.textContent = message.text;}
  }
});
watchTheme(draw);
draw();
vscode.postMessage({ type: 'ready' });
