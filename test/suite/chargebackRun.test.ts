// Run Chargeback in the real editor: a rules file for the USD billing profile, the CodeLens above it
// runs the last closed month, and the report panel shows owners that add up to the profile's
// invoice charges for that month (read separately from the emulator), with one Cost Management
// query for the whole profile. Exporting writes the CSV and Markdown into the chargeback folder, and
// the CSV's owner totals add up to its total line. A file with problems runs nothing; New Chargeback
// Rules writes a starting file from one query that runs as it is.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChargebackPanel } from '../../src/views/chargeback/chargebackPanel';
import { emulatorSuite } from './emulatorSuite';
import { armList, eventually } from './explorerBillingHelpers';
import { emulatorStats, resetEmulatorStats } from './support/emulatorControl';
import { until } from './usagePanelHandle';

const QUERY_ROUTE = 'POST /{*scope}/providers/Microsoft.CostManagement/query';

interface WireProfile {
  name: string;
  properties: { currency?: string; displayName: string };
}
interface WireInvoice {
  name: string;
  properties: { invoicePeriodStartDate: string; invoicePeriodEndDate: string; subTotal: { value: number }; documentType?: string };
}

/** One CSV line's cells (RFC 4180: quoted text, doubled quotes). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"(.*)"$/s, '$1').replace(/""/g, '"')).slice(0, -1);
}

/** Cents of a decimal string as the CSV writes it ("-12.30" → -1230). */
function cents(text: string): number {
  return Math.round(Number(text) * 100);
}

describe('Azure Billing: Run Chargeback from the CodeLens', function () {
  this.timeout(120_000);
  emulatorSuite();
  let rulesUri: vscode.Uri;
  let folder: vscode.WorkspaceFolder;
  let account: string;
  let profile: WireProfile;

  before(async () => {
    const accounts = await armList<{ name: string; properties: { agreementType: string } }>('/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01');
    account = accounts.find((a) => a.properties.agreementType === 'MicrosoftCustomerAgreement')!.name;
    const profiles = await armList<WireProfile>(`/providers/Microsoft.Billing/billingAccounts/${account}/billingProfiles?api-version=2024-04-01`);
    profile = profiles.find((p) => p.properties.currency === 'USD')!;
    assert.ok(profile, 'the MCA account has a USD profile');
    folder = vscode.workspace.workspaceFolders![0];
    rulesUri = vscode.Uri.joinPath(folder.uri, 'host-run.chargeback.json');
    const rules = {
      scope: { billingProfile: `/providers/Microsoft.Billing/billingAccounts/${account}/billingProfiles/${profile.name}` },
      tagKeys: ['CostCenter'],
      normalize: { case: 'upper', aliases: { cc1001: 'CC-1001', cc2040: 'CC-2040', cc3300: 'CC-3300' } },
      untagged: { mode: 'proportional' },
      owners: { 'CC-1001': { displayName: 'Platform (CC-1001)' } },
    };
    await vscode.workspace.fs.writeFile(rulesUri, Buffer.from(JSON.stringify(rules, null, 2), 'utf8'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(rulesUri).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, 'chargeback'), { recursive: true }).then(undefined, () => undefined);
  });

  it('shows owners adding up to the month\'s invoice charges, from one query, and exports a CSV that adds up', async () => {
    await vscode.window.showTextDocument(rulesUri);
    const lenses = await eventually(
      async () => (await vscode.commands.executeCommand<vscode.CodeLens[] | undefined>('vscode.executeCodeLensProvider', rulesUri)) ?? [],
      (found) => found.some((l) => l.command?.command === 'azureBilling.runChargeback'),
      20_000,
    );
    assert.ok(lenses.some((l) => l.command?.command === 'azureBilling.runChargeback'), 'Run Chargeback appears above the file');
    const run = lenses.find((l) => l.command?.command === 'azureBilling.runChargeback')!.command!;
    assert.match(run.title, /Run Chargeback/);
    const month = (run.arguments?.[0] as { period: string }).period;

    await resetEmulatorStats();
    const panel = await vscode.commands.executeCommand<ChargebackPanel | undefined>(run.command, ...((run.arguments ?? []) as unknown[]));
    assert.ok(panel, 'the command returns the report panel');
    const stats = await emulatorStats();
    assert.equal(stats?.byRoute[QUERY_ROUTE] ?? 0, 1, 'one Cost Management query for the whole billing profile');

    const shown = await until(() => panel.posted.find((m) => m.type === 'show'), 30_000);
    assert.ok(shown && shown.type === 'show', 'the page received the report');
    const doc = shown.document;
    assert.equal(doc.currencies.length, 1);
    const usd = doc.currencies[0];
    assert.equal(usd.currency, 'USD');
    assert.equal(usd.owners[0].displayName, 'Platform (CC-1001)', 'declared owners come first, with their display names');
    const ownerCents = usd.owners.reduce((a, o) => a + cents(o.total.raw), 0);
    assert.equal(ownerCents, cents(usd.total.raw), 'the owners add up to the total to the cent');
    assert.ok(usd.owners.every((o) => o.drill.length > 0), 'every owner has a drill-down');

    const invoices = await armList<WireInvoice>(
      `/providers/Microsoft.Billing/billingAccounts/${account}/billingProfiles/${profile.name}/invoices?api-version=2024-04-01&periodStartDate=${month}-01&periodEndDate=${new Date().toISOString().slice(0, 10)}`,
    );
    const invoice = invoices.find((i) => i.properties.documentType !== 'CreditNote' && i.properties.invoicePeriodStartDate.startsWith(`${month}-01`));
    assert.ok(invoice, `the emulator invoiced ${month}`);
    assert.equal(cents(usd.total.raw), Math.round(invoice.properties.subTotal.value * 100), 'the report total is the invoice\'s charges');
    assert.ok(usd.reconciliation && !usd.reconciliation.some((l) => l.kind === 'unexplained'), 'every difference to the invoice is explained');

    const said = await panel.export();
    assert.match(said ?? '', /\.csv/);
    const csvUri = vscode.Uri.joinPath(folder.uri, 'chargeback', `${profile.name}-${month}.csv`);
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(csvUri)).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/).slice(1).map(csvCells);
    const totalLine = lines.find((l) => l[0] === 'Total')!;
    const rows = lines.filter((l) => l !== totalLine);
    assert.equal(rows.reduce((a, l) => a + cents(l[6]), 0), cents(totalLine[6]), 'the CSV owners add up to its total line');
    assert.equal(cents(totalLine[6]), cents(usd.total.raw));
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, 'chargeback', `${profile.name}-${month}.md`));
  });

  it('runs nothing for a file with problems: no query, no panel, no file', async () => {
    const bad = vscode.Uri.joinPath(folder.uri, 'host-bad.chargeback.json');
    await vscode.workspace.fs.writeFile(bad, Buffer.from(JSON.stringify({ scope: { billingProfile: 'not-an-id' }, tagKeys: ['CostCenter'], owners: {} }), 'utf8'));
    try {
      await resetEmulatorStats();
      const panel = await vscode.commands.executeCommand<ChargebackPanel | undefined>('azureBilling.runChargeback', { rulesFile: bad, period: '2026-01' });
      assert.equal(panel, undefined);
      assert.equal((await emulatorStats())?.byRoute[QUERY_ROUTE] ?? 0, 0, 'Cost Management was not asked');
      await vscode.window.showTextDocument(bad);
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[] | undefined>('vscode.executeCodeLensProvider', bad)) ?? [];
      assert.ok(!lenses.some((l) => l.command?.command === 'azureBilling.runChargeback'), 'no Run Chargeback above a file with problems');
    } finally {
      await vscode.workspace.fs.delete(bad).then(undefined, () => undefined);
    }
  });

  it('New Chargeback Rules writes a starting file for the profile from one query, and it runs', async () => {
    await resetEmulatorStats();
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('azureBilling.newChargebackRules', {
      usageScope: { kind: 'billingProfile', accountName: account, profileName: profile.name, label: profile.properties.displayName },
      tagKey: 'CostCenter',
    });
    assert.ok(created, 'the command returns the new file');
    try {
      assert.equal((await emulatorStats())?.byRoute[QUERY_ROUTE] ?? 0, 1, 'one Cost Management query for the whole profile');
      assert.match(created.path, new RegExp(`/${profile.name}\\.chargeback\\.json$`));
      const file = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(created))) as { tagKeys: string[]; owners: Record<string, unknown>; scope: { billingProfile: string } };
      assert.deepEqual(file.tagKeys, ['CostCenter']);
      assert.equal(file.scope.billingProfile, `/providers/Microsoft.Billing/billingAccounts/${account}/billingProfiles/${profile.name}`);
      assert.ok(Object.keys(file.owners).length >= 2, `owners from the values seen: ${Object.keys(file.owners).join(', ')}`);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString(), 'the file is opened');
      const lenses = await eventually(
        async () => (await vscode.commands.executeCommand<vscode.CodeLens[] | undefined>('vscode.executeCodeLensProvider', created)) ?? [],
        (found) => found.some((l) => l.command?.command === 'azureBilling.runChargeback'),
        20_000,
      );
      assert.ok(lenses.some((l) => l.command?.command === 'azureBilling.runChargeback'), 'a file without problems: Run Chargeback appears above it');
    } finally {
      await vscode.workspace.fs.delete(created).then(undefined, () => undefined);
    }
  });
});
