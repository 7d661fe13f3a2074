// Builds the table's DOM with textContent only: every string came from Azure through the host and
// is shown as text, never parsed as HTML.
import type { TableDocument, TableRow } from '../../../src/shared/tablePanelMessages';
import type { SortOrder } from './sortRows';

export interface RenderCallbacks {
  onSort(columnId: string): void;
  onExport(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text !== undefined) { node.textContent = text; }
  return node;
}

export function renderTable(root: HTMLElement, doc: TableDocument, rows: TableRow[], order: SortOrder | undefined, callbacks: RenderCallbacks): void {
  document.documentElement.lang = doc.language;
  document.title = doc.title;
  const header = el('header', 'table-header');
  const headings = el('div', 'headings');
  headings.append(el('h1', undefined, doc.title));
  if (doc.subtitle) { headings.append(el('p', 'subtitle', doc.subtitle)); }
  headings.append(el('p', 'row-count', doc.labels.rows));
  const exportButton = el('button', 'export', doc.labels.export);
  exportButton.type = 'button';
  exportButton.addEventListener('click', () => callbacks.onExport());
  header.append(headings, exportButton);

  if (doc.rows.length === 0) {
    root.replaceChildren(header, el('p', 'empty', doc.labels.empty));
    return;
  }

  const table = el('table', 'data');
  const thead = el('thead');
  const headRow = el('tr');
  for (const column of doc.columns) {
    const th = el('th', `kind-${column.kind}`);
    th.scope = 'col';
    const sorted = order?.columnId === column.id;
    th.setAttribute('aria-sort', sorted ? (order.descending ? 'descending' : 'ascending') : 'none');
    const button = el('button', 'sort', column.label);
    button.type = 'button';
    button.dataset.column = column.id;
    button.title = sorted && !order.descending ? doc.labels.sortDescending : doc.labels.sortAscending;
    if (sorted) { button.append(el('span', 'sort-mark', order.descending ? ' ▼' : ' ▲')); }
    button.addEventListener('click', () => callbacks.onSort(column.id));
    th.append(button);
    headRow.append(th);
  }
  thead.append(headRow);

  const tbody = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    tr.dataset.row = row.id;
    for (const column of doc.columns) {
      const cell = row.cells[column.id];
      const td = el('td', `kind-${column.kind}`, cell?.text ?? '');
      td.dataset.column = column.id;
      tr.append(td);
    }
    tbody.append(tr);
  }

  table.append(thead, tbody);
  if (doc.totals.length > 0) {
    const tfoot = el('tfoot');
    for (const total of doc.totals) {
      const tr = el('tr', 'totals');
      tr.dataset.currency = total.currency;
      doc.columns.forEach((column, index) => {
        const text = index === 0 ? total.label : total.cells[column.id] ?? '';
        const cell = index === 0 ? el('th', `kind-${column.kind}`, text) : el('td', `kind-${column.kind}`, text);
        if (index === 0) { cell.scope = 'row'; }
        cell.dataset.column = column.id;
        tr.append(cell);
      });
      tfoot.append(tr);
    }
    table.append(tfoot);
  }
  const scroller = el('div', 'scroller');
  scroller.append(table);
  root.replaceChildren(header, scroller);
}
