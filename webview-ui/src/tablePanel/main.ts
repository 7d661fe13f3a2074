// The table panel's page: shows the TableDocument the host posts, sorts on header clicks, asks the
// host to export, and keeps document and sort order in the webview state so a reload restores both.
import type { HostToWebviewMessage, TableDocument, TableWebviewState, WebviewToHostMessage } from '../../../src/shared/tablePanelMessages';
import { renderTable } from './renderTable';
import { SortOrder, sortRows } from './sortRows';
import './table.css';

interface VsCodeApi {
  postMessage(message: WebviewToHostMessage): void;
  getState(): TableWebviewState | undefined;
  setState(state: TableWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;
let state: TableWebviewState = vscode.getState() ?? {};

function draw(): void {
  const doc = state.document;
  if (!doc) { return; }
  renderTable(root, doc, sortRows(doc.rows, state.sort), state.sort, {
    onSort: (columnId) => {
      const descending = state.sort?.columnId === columnId ? !state.sort.descending : false;
      update({ sort: { columnId, descending } });
    },
    onExport: () => vscode.postMessage({ type: 'export' }),
  });
}

function update(change: Partial<TableWebviewState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
  draw();
}

function sortStillValid(doc: TableDocument, sort: SortOrder | undefined): SortOrder | undefined {
  return sort && doc.columns.some((c) => c.id === sort.columnId) ? sort : undefined;
}

window.addEventListener('message', (event: MessageEvent<HostToWebviewMessage>) => {
  const message = event.data;
  if (message?.type === 'show') { update({ document: message.document, sort: sortStillValid(message.document, state.sort) }); }
});

draw();
vscode.postMessage({ type: 'ready' });
