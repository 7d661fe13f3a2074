// Where the table panel's CSV export goes is the host's decision: a table restored from the page's
// saved state cannot choose the file (name, extension or folder) it is written to.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { TableDocument } from '../../../src/shared/tablePanelMessages';
import { csvExportTarget, csvFileName, panelExportArgument, tableToExport } from '../../../src/views/tablePanel/exportTarget';

function table(overrides: Partial<TableDocument> = {}): TableDocument {
  return {
    kind: 'creditEvents',
    title: 'Credit events — Contoso',
    language: 'en',
    columns: [{ id: 'd', label: 'Description', kind: 'text' }],
    rows: [{ id: '1', cells: { d: { text: 'x', sort: 'x', raw: 'x' } } }],
    totals: [],
    labels: { export: 'Export CSV', rows: '1 row', empty: 'none', sortAscending: 'asc', sortDescending: 'desc' },
    exportFileName: 'credit-events-2026-01-01_2026-03-31.csv',
    exportFolder: { billingProfileName: 'Contoso', billingAccountName: 'Contoso Ltd' },
    ...overrides,
  };
}

const hostileNames = ['../../.vscode/tasks.json', 'x.ps1', '..\\..\\.vscode\\settings.json', '/etc/cron.d/job', '.vscode', 'run.bat\u202Evsc.csv'];

/** Joined to a folder, the name lands directly inside it, on both path flavours, and is a .csv file. */
function staysAsCsvInside(name: string): boolean {
  for (const flavour of [path.posix, path.win32]) {
    const folder = flavour === path.posix ? '/ws/invoices/Contoso' : 'C:\\ws\\invoices\\Contoso';
    const joined = flavour.resolve(folder, name);
    if (flavour.dirname(joined) !== folder || flavour.extname(joined).toLowerCase() !== '.csv') { return false; }
  }
  return true;
}

describe('table export target', () => {
  it('a restored table goes through a save dialog with a default name of our own, whatever the page stored', () => {
    for (const name of hostileNames) {
      const restored = table({ exportFileName: name, exportFolder: { billingProfileName: name, billingAccountName: name } });
      assert.deepEqual(csvExportTarget(restored, 'restored'), { via: 'saveDialog', defaultFileName: 'credit-events.csv' }, name);
    }
  });

  it('a restored table with a kind the host never made gets a neutral default name', () => {
    for (const kind of ['../../.vscode/tasks', 'x.ps1', '__proto__', 'constructor', 42]) {
      const restored = table({ kind: kind as TableDocument['kind'], exportFileName: 'x.ps1' });
      assert.deepEqual(csvExportTarget(restored, 'restored'), { via: 'saveDialog', defaultFileName: 'table.csv' }, String(kind));
    }
  });

  it('a table the host built goes into its profile\'s folder under the name the host gave it', () => {
    assert.deepEqual(csvExportTarget(table(), 'host'), {
      via: 'invoiceFolder',
      fileName: 'credit-events-2026-01-01_2026-03-31.csv',
      folderNames: { billingProfileName: 'Contoso', billingAccountName: 'Contoso Ltd' },
    });
  });

  it('even a host table\'s name can only ever be one .csv file inside the folder', () => {
    for (const name of hostileNames) {
      const target = csvExportTarget(table({ exportFileName: name }), 'host');
      assert.equal(target.via, 'invoiceFolder');
      const fileName = target.via === 'invoiceFolder' ? target.fileName : '';
      assert.ok(staysAsCsvInside(fileName), `${JSON.stringify(name)} became ${JSON.stringify(fileName)}`);
      assert.notEqual(fileName, 'tasks.json');
    }
    assert.equal(csvFileName('x.ps1', 'table'), 'x.ps1.csv');
    assert.equal(csvFileName('', 'credit-lots'), 'credit-lots.csv');
  });

  it('a restored panel\'s Export reaches the command as a restored table, so its names are never used', () => {
    for (const name of hostileNames) {
      const pageState = table({ exportFileName: name, exportFolder: { billingProfileName: '..', billingAccountName: name } });
      const given = tableToExport(panelExportArgument(undefined, pageState));
      assert.ok(given);
      assert.equal(given.origin, 'restored');
      assert.deepEqual(csvExportTarget(given.doc, given.origin), { via: 'saveDialog', defaultFileName: 'credit-events.csv' });
    }
  });

  it('a panel showing the host\'s own table exports that table, not the page\'s copy', () => {
    const own = table();
    const given = tableToExport(panelExportArgument(own, table({ exportFileName: 'x.ps1' })));
    assert.deepEqual(given, { doc: own, origin: 'host' });
    assert.equal(tableToExport({ restoredTable: { exportFileName: 'x.ps1' } }), undefined, 'not a table at all');
    assert.equal(tableToExport(undefined), undefined);
  });
});
