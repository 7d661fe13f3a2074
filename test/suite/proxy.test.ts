// The extension behind a proxy in a real VS Code: with `http.proxy` pointing at a real HTTP CONNECT
// proxy (test/support/testProxy.ts), the whole explorer and an invoice download reach the emulator
// only through tunnels to its ARM and blob origins; when the proxy asks for credentials it was not
// given, the tree says Azure could not be reached and to check the proxy settings, the log names
// the proxy and its 407, and the password given appears nowhere; with `http.proxySupport: off` the
// proxy is ignored. The suite calls no emulator control route while the proxy is set, so every
// tunnel it counts is the extension's own.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { RequestRecorder } from '../../src/azure/instrumentation';
import { startTestProxy, TestProxy } from '../support/testProxy';
import { accountNode, childOfKind, english, rawInvoicePdf } from './explorerBillingHelpers';
import { emulatorSuite } from './emulatorSuite';
import { recordMetric } from './metrics';
import { emulatorBlobUrl, emulatorUrl } from './support/emulatorControl';
import { refresh, ShownNode, shownChildren } from './support/extensionApi';
import { logUpTo } from './support/extensionLog';
import type { AzureBillingApi } from '../../src/extension';

const GLOBAL = vscode.ConfigurationTarget.Global;
const http = () => vscode.workspace.getConfiguration('http');
const kindOf = (n: ShownNode) => n.contextValue.split(' ')[0];

/** Every node down to `maxDepth` (each expansion loads from the emulator), breadth first. */
async function walk(api: AzureBillingApi, maxDepth: number, maxNodes: number): Promise<ShownNode[]> {
  const seen: ShownNode[] = [];
  let parents: unknown[] = [undefined];
  for (let depth = 0; depth <= maxDepth && parents.length > 0 && seen.length < maxNodes; depth++) {
    const next: unknown[] = [];
    for (const parent of parents) {
      if (seen.length >= maxNodes) { break; }
      const children = await shownChildren(api, parent);
      seen.push(...children);
      next.push(...children.filter((c) => c.collapsible).map((c) => c.node));
    }
    parents = next;
  }
  return seen;
}

const idOf = (n: ShownNode) => (n.node as { id: string }).id;

/** The node with this id, reached by expanding only the nodes on its path (ids nest like paths). */
async function nodeById(api: AzureBillingApi, id: string): Promise<ShownNode | undefined> {
  let level = await shownChildren(api);
  for (let depth = 0; depth < 10; depth++) {
    const found = level.find((n) => idOf(n) === id);
    if (found) { return found; }
    const onPath = level.find((n) => id.startsWith(`${idOf(n)}/`));
    if (!onPath) { return undefined; }
    level = await shownChildren(api, onPath.node);
  }
  return undefined;
}

interface Downloaded {
  invoiceName: string;
  uri?: string;
  outcome?: string;
  failure?: string;
}

describe('Azure Billing: through an HTTP proxy (http.proxy)', function () {
  this.timeout(240_000);
  // Faults are cleared once at the end: a control call while the proxy refuses would fail.
  const host = emulatorSuite({ refreshTree: true, clearFaults: 'after' });
  let proxy: TestProxy;
  const recorder = new RequestRecorder();
  let invoice: { node: ShownNode; id: string; name: string; document?: string } | undefined;
  let expectedPdf: Buffer | undefined;

  const withCredentials = (user: string, password: string) => {
    const url = new URL(proxy.url);
    url.username = user;
    url.password = password;
    return url.toString().replace(/\/$/, '');
  };
  const hostOf = (origin: string) => new URL(origin).host;

  before(async () => {
    proxy = await startTestProxy();
    host.api.sessions.onRequest = recorder.listener;
  });
  after(async () => {
    await http().update('proxy', undefined, GLOBAL);
    await http().update('proxySupport', undefined, GLOBAL);
    host.api.sessions.onRequest = undefined;
    await proxy.close();
    await refresh();
  });

  it('walks the whole explorer and downloads an invoice only through tunnels to the emulator\'s ARM and blob origins', async () => {
    // An invoice of the MCA account and its document as the emulator serves it, read before the
    // proxy is set (the control calls below would go through it too).
    const direct = await walk(host.api, 6, 600);
    const { shown: account } = await accountNode(host.api, 'MicrosoftCustomerAgreement');
    const profile = await childOfKind(host.api, account.node, 'billingProfile');
    const folder = await childOfKind(host.api, profile.node, 'invoicesFolder');
    const invoiceNode = await childOfKind(host.api, folder.node, 'invoice');
    const wire = (invoiceNode.node as { invoice: { id: string; name: string; documents: Array<{ kind?: string; name?: string }> } }).invoice;
    const document = (wire.documents.find((d) => d.kind === 'Invoice') ?? wire.documents[0])?.name;
    expectedPdf = await rawInvoicePdf(wire.id, document);

    await http().update('proxy', proxy.url, GLOBAL);
    await refresh();
    proxy.connects.length = 0;
    recorder.clear();
    const nodes = await walk(host.api, 6, 600);
    const errors = nodes.filter((n) => /\bretryable\b/.test(n.contextValue)).map((n) => `${n.label}: ${n.description}`);
    assert.deepStrictEqual(errors, [], 'nodes that failed to load through the proxy');
    assert.deepStrictEqual(nodes.map((n) => n.label), direct.map((n) => n.label), 'the tree through the proxy differs from the tree without it');

    const again = nodes.find((n) => idOf(n) === idOf(invoiceNode)) ?? (await nodeById(host.api, idOf(invoiceNode)));
    assert.ok(again, `the tree through the proxy has no node ${idOf(invoiceNode)}`);
    invoice = { node: again, id: wire.id, name: wire.name, document };
    const downloads = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'proxy-downloads');
    await vscode.workspace.getConfiguration('azureBilling').update('invoiceFolder', 'proxy-downloads', vscode.ConfigurationTarget.Workspace);
    try {
      const result = await vscode.commands.executeCommand<Downloaded>('azureBilling.downloadInvoice', again.node);
      assert.strictEqual(result.outcome, 'saved', `the download ended ${result.outcome ?? result.failure}`);
      const saved = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.parse(result.uri!)));
      assert.ok(saved.equals(expectedPdf), `the PDF that came through the proxy (${saved.length} bytes) equals the emulator's (${expectedPdf.length} bytes)`);
    } finally {
      await vscode.workspace.getConfiguration('azureBilling').update('invoiceFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(downloads, { recursive: true }).then(undefined, () => undefined);
    }

    const arm = recorder.countWhere((e) => hostOf(e.url) === hostOf(emulatorUrl()));
    const blob = recorder.countWhere((e) => hostOf(e.url) === hostOf(emulatorBlobUrl()));
    assert.ok(arm > 10 && blob >= 1, `the extension made ${arm} ARM and ${blob} blob requests`);
    assert.ok(proxy.connectsTo(emulatorUrl()) >= 1, `no tunnel to ARM: ${proxy.connects.join(', ')}`);
    assert.ok(proxy.connectsTo(emulatorBlobUrl()) >= 1, `no tunnel to the blob origin: ${proxy.connects.join(', ')}`);
    const elsewhere = proxy.connects.filter((c) => c !== hostOf(emulatorUrl()) && c !== hostOf(emulatorBlobUrl()));
    assert.deepStrictEqual(elsewhere, [], 'tunnels to anything but the emulator');
    recordMetric('proxyRequests', arm + blob);
    recordMetric('proxyTunnels', proxy.connects.length);
  });

  it('a proxy that wants credentials it was not given: the tree says Azure could not be reached and to check http.proxy; the log names the proxy and its 407; the download fails', async () => {
    assert.ok(invoice, 'the walk above found an invoice');
    proxy.requireCredentials('alice', 'the-right-one');
    await http().update('proxy', withCredentials('alice', 'Wr0ng-pr0xy-pw'), GLOBAL);
    try {
      await refresh();
      const shown = await walk(host.api, 2, 40);
      const failed = shown.filter((n) => /\bretryable\b/.test(n.contextValue));
      assert.ok(failed.length >= 1, `no node says it failed: ${shown.map((n) => n.label).join(', ')}`);
      if (english()) { assert.strictEqual(failed[0].description, 'Azure could not be reached.'); }
      assert.match(failed[0].tooltip, /http\.proxy/);
      assert.ok(proxy.refused.length >= 1, 'the proxy refused nothing');

      const result = await vscode.commands.executeCommand<Downloaded>('azureBilling.downloadInvoice', invoice.node.node);
      assert.ok(result.failure, `the download ended ${result.outcome}`);

      const log = await logUpTo(host.api, `proxy suite ${Date.now().toString(36)}: refused`);
      const at = proxy.url.replace(/[.:/]/g, '\\$&');
      assert.match(log, new RegExp(`the proxy ${at}/? refused to connect to Azure: it asks for a user name and password \\(407|could not be reached through the proxy ${at}`));
      assert.ok(!log.includes('Wr0ng-pr0xy-pw'), 'the proxy password reached the log');
    } finally {
      proxy.requireCredentials(undefined);
      await http().update('proxy', undefined, GLOBAL);
    }
  });

  it('http.proxySupport off: the proxy in http.proxy is not used', async () => {
    await http().update('proxySupport', 'off', GLOBAL);
    await http().update('proxy', proxy.url, GLOBAL);
    try {
      await refresh();
      proxy.connects.length = 0;
      const shown = await walk(host.api, 2, 40);
      assert.deepStrictEqual(shown.filter((n) => /\bretryable\b/.test(n.contextValue)).map((n) => n.label), []);
      assert.ok(shown.some((n) => kindOf(n) === 'azureBilling.billingAccount'), 'the tree shows billing accounts');
      assert.deepStrictEqual(proxy.connects, []);
    } finally {
      await http().update('proxy', undefined, GLOBAL);
      await http().update('proxySupport', undefined, GLOBAL);
    }
  });
});
