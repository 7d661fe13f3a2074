// Invoice downloads in a real VS Code against the emulator: the PDF lands in
// invoices/<billing profile>/<invoice id>.pdf, byte-identical to the document the emulator serves
// through the API's own download flow; a second download changes nothing; a different file of the
// same name is never replaced; a connection dropped mid-download on every attempt and a cancelled
// download leave nothing behind; a whole period downloads at once; an invoice whose server-side name
// tries to leave the folder stays inside it (the test host's emulator switched to that through its
// settings route).
import * as assert from 'assert';
import * as https from 'https';
import * as path from 'path';
import * as vscode from 'vscode';
import { accountNode, armList, childOfKind, daysAgo, rawInvoicePdf } from './explorerBillingHelpers';
import { addFault, emulatorCa, emulatorUrl } from './support/emulatorControl';
import { ShownNode, shownChildren } from './support/extensionApi';
import { emulatorSuite } from './emulatorSuite';
import type { BillingProfile, Invoice } from '../support/wireShapes';

const workspace = () => vscode.workspace.workspaceFolders![0].uri;
const files = async (uri: vscode.Uri) => (await vscode.workspace.fs.readDirectory(uri).then(undefined, () => [] as [string, vscode.FileType][])).map(([n]) => n).sort();

type Settings = Record<string, unknown>;

/** `PATCH /_emulator/settings` on the test host's emulator (its CA trusted explicitly); answers the settings now in force. */
function patchEmulatorSettings(patch: Settings): Promise<Settings> {
  const payload = Buffer.from(JSON.stringify(patch));
  return new Promise((resolve, reject) => {
    const req = https.request(new URL('/_emulator/settings', emulatorUrl()), {
      method: 'PATCH',
      ca: emulatorCa(),
      headers: { 'content-type': 'application/merge-patch+json', 'content-length': String(payload.length) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200) { resolve(JSON.parse(text) as Settings); }
        else { reject(new Error(`PATCH /_emulator/settings: HTTP ${res.statusCode} ${text}`)); }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** An invoice as its node in the tree holds it: what a download needs. */
interface NodeInvoice {
  id: string;
  name: string;
  documents: Array<{ kind?: string; name?: string }>;
}

interface Downloaded {
  invoiceName: string;
  uri?: string;
  outcome?: string;
  failure?: string;
}

describe('Azure Billing: invoice downloads', function () {
  this.timeout(120_000);
  const host = emulatorSuite({ refreshTree: true });

  async function usdProfile(): Promise<{ node: ShownNode; displayName: string; folder: vscode.Uri; path: string }> {
    const { shown, wire } = await accountNode(host.api, 'MicrosoftCustomerAgreement');
    const profiles = await armList<BillingProfile>(`/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(wire.name)}/billingProfiles?api-version=2020-05-01`);
    const usd = profiles.find((p) => p.properties.currency === 'USD')!;
    const node = (await shownChildren(host.api, shown.node)).find((c) => (c.node as { id: string }).id.endsWith(`/profile/${usd.name}`))!;
    return { node, displayName: usd.properties.displayName, folder: vscode.Uri.joinPath(workspace(), 'invoices', usd.properties.displayName), path: usd.id };
  }

  /** The newest invoices of the USD profile as the tree shows them, with their wire JSON. */
  async function invoiceNodes(): Promise<Array<{ node: ShownNode; invoice: NodeInvoice }>> {
    const profile = await usdProfile();
    const folder = await childOfKind(host.api, profile.node.node, 'invoicesFolder');
    const shown = (await shownChildren(host.api, folder.node)).filter((n) => /\binvoice\b/.test(n.contextValue));
    return shown.map((node) => ({ node, invoice: (node.node as { invoice: NodeInvoice }).invoice }));
  }

  const documentOf = (invoice: Pick<NodeInvoice, 'documents'>) => (invoice.documents.find((d) => d.kind === 'Invoice') ?? invoice.documents[0])?.name;

  it('saves the PDF into invoices/<billing profile>/<invoice id>.pdf, byte-identical to the emulator\'s document', async () => {
    const [{ node, invoice }] = await invoiceNodes();
    const profile = await usdProfile();
    const result = await vscode.commands.executeCommand<Downloaded>('azureBilling.downloadInvoice', node.node);
    assert.strictEqual(result.outcome, 'saved');
    const uri = vscode.Uri.parse(result.uri!);
    assert.strictEqual(uri.path, vscode.Uri.joinPath(profile.folder, `${invoice.name}.pdf`).path);
    const saved = Buffer.from(await vscode.workspace.fs.readFile(uri));
    const expected = await rawInvoicePdf(invoice.id, documentOf(invoice));
    assert.ok(saved.equals(expected), `the saved PDF (${saved.length} bytes) equals the emulator's (${expected.length} bytes)`);
    assert.deepStrictEqual((await files(profile.folder)).filter((n) => n.endsWith('.part')), [], 'no temporary file left');

    const again = await vscode.commands.executeCommand<Downloaded>('azureBilling.downloadInvoice', node.node);
    assert.strictEqual(again.outcome, 'alreadyThere');
  });

  it('never replaces a different file that has the invoice\'s name', async () => {
    const [, { node, invoice }] = await invoiceNodes();
    const profile = await usdProfile();
    const mine = Buffer.from('my own notes about this invoice');
    const target = vscode.Uri.joinPath(profile.folder, `${invoice.name}.pdf`);
    await vscode.workspace.fs.writeFile(target, mine);
    const result = await vscode.commands.executeCommand<Downloaded>('azureBilling.downloadInvoice', node.node);
    assert.strictEqual(result.outcome, 'savedBeside');
    assert.ok(Buffer.from(await vscode.workspace.fs.readFile(target)).equals(mine), 'the person\'s file is untouched');
    assert.strictEqual(path.posix.basename(vscode.Uri.parse(result.uri!).path), `${invoice.name} (2).pdf`);
  });

  it('a connection dropped in the middle of the PDF on every attempt leaves nothing behind and says what happened', async () => {
    const [, , { node, invoice }] = await invoiceNodes();
    const profile = await usdProfile();
    // Once would be made good by fetching again (the unit layer's fault matrix covers that): every time.
    await addFault({ kind: 'dropMidBody', path: '/blob/' });
    const result = await vscode.commands.executeCommand<Downloaded>('azureBilling.downloadInvoice', node.node);
    assert.ok(result.failure, 'the command says it failed');
    assert.ok(result.failure.includes(invoice.name));
    assert.ok(!(await files(profile.folder)).some((n) => n.startsWith(invoice.name) || n.endsWith('.part')), 'no file, no temporary file');
  });

  it('a cancelled download leaves nothing behind', async () => {
    const [, , , { node, invoice }] = await invoiceNodes();
    const profile = await usdProfile();
    await addFault({ kind: 'latency', latencyMs: 3000, path: '/operationResults/', times: 1 });
    const cancel = new vscode.CancellationTokenSource();
    const pending = vscode.commands.executeCommand<Downloaded | undefined>('azureBilling.downloadInvoice', node.node, { token: cancel.token });
    setTimeout(() => cancel.cancel(), 500);
    assert.strictEqual(await pending, undefined, 'a cancelled command reports nothing');
    assert.ok(!(await files(profile.folder)).some((n) => n.startsWith(invoice.name) || n.endsWith('.part')));
  });

  it('downloads every invoice of a period, each byte-identical', async () => {
    const profile = await usdProfile();
    const results = await vscode.commands.executeCommand<Downloaded[]>('azureBilling.downloadInvoices', profile.node.node, { preset: 'last3Months' });
    const from = daysAgo(91);
    const to = daysAgo(0);
    // Issued in the last three months, read from the API over a wide window.
    const raw = await armList<Invoice>(`${profile.path.split('/').map(encodeURIComponent).join('/')}/invoices?api-version=2024-04-01&periodStartDate=${daysAgo(800)}&periodEndDate=${to}`);
    const expected = raw
      .filter((i) => i.properties.invoiceDate.slice(0, 10) >= from && i.properties.invoiceDate.slice(0, 10) <= to)
      .map((i) => ({ invoice: { id: i.id, name: i.name, documents: i.properties.documents } }));
    assert.ok(expected.length >= 2, 'the period holds several invoices');
    assert.deepStrictEqual(results.map((r) => r.invoiceName).sort(), expected.map((e) => e.invoice.name).sort());
    for (const { invoice } of expected) {
      const r = results.find((x) => x.invoiceName === invoice.name)!;
      assert.ok(r.uri && !r.failure, `${invoice.name}: ${r.failure}`);
      const saved = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.parse(r.uri)));
      assert.ok(saved.equals(await rawInvoicePdf(invoice.id, documentOf(invoice))), invoice.name);
    }
  });

  it('Download Invoice from the palette asks for the source and the invoice', async () => {
    const profile = await usdProfile();
    const [{ invoice }] = await invoiceNodes();
    const window = vscode.window as { showQuickPick: unknown };
    const real = window.showQuickPick;
    const answers = [profile.displayName, invoice.name];
    window.showQuickPick = async (items: Thenable<readonly vscode.QuickPickItem[]> | readonly vscode.QuickPickItem[]) => (await items).find((i) => i.label === answers.shift());
    let result: Downloaded;
    try {
      result = await vscode.commands.executeCommand<Downloaded>('azureBilling.downloadInvoice');
    } finally {
      window.showQuickPick = real;
    }
    assert.strictEqual(result.invoiceName, invoice.name);
    assert.ok(['saved', 'alreadyThere'].includes(result.outcome!));
  });

  it('in an untrusted workspace, says why and saves where the person chooses in a save dialog', async () => {
    const [{ node, invoice }] = await invoiceNodes();
    const workspaceApi = vscode.workspace as { isTrusted: boolean };
    const window = vscode.window as { showWarningMessage: unknown; showSaveDialog: unknown };
    const original = Object.getOwnPropertyDescriptor(workspaceApi, 'isTrusted');
    const realWarning = window.showWarningMessage;
    const realSave = window.showSaveDialog;
    const chosen = vscode.Uri.joinPath(workspace(), 'chosen-elsewhere', 'my-invoice.pdf');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(chosen, '..'));
    const told: string[] = [];
    let offered: vscode.SaveDialogOptions | undefined;
    try {
      Object.defineProperty(workspaceApi, 'isTrusted', { get: () => false, configurable: true });
      window.showWarningMessage = (message: string, _options: unknown, ...buttons: string[]) => {
        told.push(message);
        return Promise.resolve(buttons[0]);
      };
      window.showSaveDialog = (options: vscode.SaveDialogOptions) => {
        offered = options;
        return Promise.resolve(chosen);
      };
      const result = await vscode.commands.executeCommand<Downloaded>('azureBilling.downloadInvoice', node.node);
      assert.strictEqual(vscode.Uri.parse(result.uri!).path, chosen.path);
    } finally {
      if (original) { Object.defineProperty(workspaceApi, 'isTrusted', original); }
      window.showWarningMessage = realWarning;
      window.showSaveDialog = realSave;
    }
    assert.strictEqual(told.length, 1, 'the person is told why');
    assert.match(told[0], /not trusted|신뢰/);
    assert.strictEqual(path.posix.basename(offered!.defaultUri!.path), `${invoice.name}.pdf`, 'the dialog suggests the invoice\'s file name');
    const saved = Buffer.from(await vscode.workspace.fs.readFile(chosen));
    assert.ok(saved.equals(await rawInvoicePdf(invoice.id, documentOf(invoice))));
  });

  describe('with an invoice whose server-side name tries to escape', () => {
    const switched = { hostileInvoiceNames: true, downloadPolls: 1, retryAfterSeconds: 0 };
    let previous: Settings = {};

    before(async () => {
      const current = await patchEmulatorSettings({});
      previous = Object.fromEntries(Object.keys(switched).map((k) => [k, current[k]]));
      await patchEmulatorSettings(switched);
      await vscode.commands.executeCommand('azureBilling.refresh');
    });
    after(async () => {
      await patchEmulatorSettings(previous);
      await vscode.commands.executeCommand('azureBilling.refresh');
    });

    it('keeps the file inside invoices/<account>/ whatever the name says', async () => {
      const { shown, wire } = await accountNode(host.api, 'MicrosoftOnlineServicesProgram');
      const folder = await childOfKind(host.api, shown.node, 'invoicesFolder');
      const invoices = await shownChildren(host.api, folder.node);
      const evil = invoices.find((i) => i.label.includes('..'));
      assert.ok(evil, `an invoice with a hostile name among ${invoices.map((i) => i.label).join(', ')}`);
      const before = await files(workspace());
      const result = await vscode.commands.executeCommand<Downloaded>('azureBilling.downloadInvoice', evil.node);
      const uri = vscode.Uri.parse(result.uri!);
      const accountFolder = vscode.Uri.joinPath(workspace(), 'invoices', wire.properties.displayName);
      assert.strictEqual(path.posix.dirname(uri.path), accountFolder.path);
      assert.deepStrictEqual(await files(workspace()), [...new Set([...before, 'invoices'])].sort(), 'nothing new beside the invoices folder');
      const bytes = Buffer.from(await vscode.workspace.fs.readFile(uri));
      assert.strictEqual(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    });
  });
});
