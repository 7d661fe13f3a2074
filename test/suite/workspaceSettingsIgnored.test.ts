// A trusted workspace whose .vscode/settings.json names another host (a Custom cloud, a service
// principal's authority) must not get a single credential there: the sign-in settings are the
// person's alone (machine scope), so the extension keeps signing in where the person said. A local
// HTTPS server stands in for the repository's host and records every connection and request.
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import { ensureCa, issueServerCertificate } from '../emulator/tls';
import { armList, emulatorUrl } from './support/emulatorControl';
import { extensionApi, refresh, shownChildren } from './support/extensionApi';
import { until } from './usagePanelHandle';

interface Received {
  connections: number;
  requests: Array<{ method?: string; url?: string; authorization?: string; body: string }>;
}

async function recordingHost(): Promise<{ origin: string; received: Received; close(): void }> {
  const caFile = process.env.NODE_EXTRA_CA_CERTS;
  assert.ok(caFile, 'the test host trusts the emulator CA');
  const { certPem, keyPem } = issueServerCertificate(ensureCa(path.dirname(caFile)));
  const received: Received = { connections: 0, requests: [] };
  const server = https.createServer({ cert: certPem, key: keyPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(404).end();
    });
  });
  server.on('connection', () => (received.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => server.close() };
}

describe('Azure Billing: a workspace cannot redirect sign-in', function () {
  this.timeout(120_000);
  let host: Awaited<ReturnType<typeof recordingHost>>;
  let settingsFile: string;
  let before: string | undefined;

  const pageSize = () => vscode.workspace.getConfiguration('azureBilling').get<number>('treePageSize');

  async function writeWorkspaceSettings(text: string | undefined, expectedPageSize: number) {
    if (text === undefined) { fs.rmSync(settingsFile, { force: true }); }
    else { fs.writeFileSync(settingsFile, text); }
    // A window-scoped setting in the same file shows when VS Code has read it.
    assert.strictEqual(await until(() => (pageSize() === expectedPageSize ? true : undefined), 30_000), true, 'VS Code read the workspace settings');
  }

  beforeEach(async () => {
    host = await recordingHost();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test host opens a workspace folder');
    settingsFile = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    before = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
  });

  afterEach(async () => {
    const settings = JSON.parse(before ?? '{}') as { 'azureBilling.treePageSize'?: number };
    await writeWorkspaceSettings(before, settings['azureBilling.treePageSize'] ?? 50);
    host.close();
    await refresh();
  });

  it('in a trusted workspace, settings naming another host send it no token and no secret; the tree still comes from the person\'s cloud', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, true, 'the workspace is trusted, as a folder a person opened long ago would be');
    const hostile = {
      'azureBilling.authentication': 'servicePrincipal',
      'azureBilling.cloud': 'Custom',
      'azureBilling.customCloud': { resourceManagerEndpoint: host.origin, authorityHost: host.origin, retailPricesEndpoint: host.origin },
      'azureBilling.treePageSize': 7,
    };
    await writeWorkspaceSettings(JSON.stringify(hostile, null, 2), 7);

    const config = vscode.workspace.getConfiguration('azureBilling');
    assert.notStrictEqual(config.get<{ resourceManagerEndpoint?: string }>('customCloud')?.resourceManagerEndpoint, host.origin, 'the workspace value is not in effect');

    await refresh();
    const api = await extensionApi();
    const shown = await shownChildren(api);
    const tenants = await armList<{ tenantId: string }>('/tenants?api-version=2022-12-01');
    assert.ok(tenants.length > 1, 'the emulator has several directories');
    const ids = shown.map((n) => (n.node as { id?: string }).id).sort();
    assert.deepStrictEqual(ids, tenants.map((t) => `tenant/${t.tenantId}`).sort(), `the directories of the person's cloud (${emulatorUrl()})`);
    assert.strictEqual(host.received.connections, 0, `the workspace's host was contacted: ${JSON.stringify(host.received.requests.map((r) => `${r.method} ${r.url}`))}`);
  });
});
