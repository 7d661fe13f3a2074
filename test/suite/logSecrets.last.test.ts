// The extension's log of the whole host run, at trace level, holds nothing that grants access or
// names a person: no client secret, no token the emulator issued, no SAS signature, no download
// token, no e-mail address. The run's log level is raised to trace before the first test of any
// suite (a root hook), and this file runs last (index.ts runs `*.last.test.js` after the others),
// so the scan covers what every suite made the extension log. On its own (a grep, another runner's
// order) it still makes the extension do a broad walk first: tree, download, faults, failures.
import * as assert from 'assert';
import { inspect } from 'util';
import * as vscode from 'vscode';
import { accountNode } from './explorerBillingHelpers';
import { emulatorSuite } from './emulatorSuite';
import { addFault, clearFaults, emulatorBlobUrl, emulatorToken } from './support/emulatorControl';
import { refresh, ShownNode, shownChildren } from './support/extensionApi';
import { logLevelIsTrace, logUpTo, setLogLevelToTrace } from './support/extensionLog';
import type { AzureBillingApi } from '../../src/extension';

// A root hook: it runs before the first test of the run, whichever file that test is in.
before(async () => {
  await setLogLevelToTrace().then(undefined, () => undefined); // the suite below says so if it did not take
});

const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/;
const SIG_WITH_VALUE = /\bsig(=|%3D)(?!\[redacted\])[^&\s"'<>]/i;
const DOWNLOAD_TOKEN_WITH_VALUE = /download_?token("?\s*[:=]\s*"?|%3D)(?!\[redacted\])[^&\s"'<>,}]/i;
const BEARER_WITH_VALUE = /\bBearer\s+(?!\[redacted\])[A-Za-z0-9\-._~+/=]{6,}/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** Nodes of the tree down to `maxDepth`, breadth first, at most `maxNodes` of them (each expansion loads from the emulator). */
async function walkTree(api: AzureBillingApi, maxDepth: number, maxNodes: number): Promise<ShownNode[]> {
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

/** The first invoice node below the MCA account's billing profiles. */
async function someInvoice(api: AzureBillingApi): Promise<ShownNode> {
  const { shown } = await accountNode(api, 'MicrosoftCustomerAgreement');
  const profiles = (await shownChildren(api, shown.node)).filter((c) => c.contextValue.split(' ')[0] === 'azureBilling.billingProfile');
  for (const profile of profiles) {
    const folder = (await shownChildren(api, profile.node)).find((c) => c.contextValue.split(' ')[0] === 'azureBilling.invoicesFolder');
    const invoice = folder && (await shownChildren(api, folder.node)).find((c) => c.contextValue.split(' ')[0] === 'azureBilling.invoice');
    if (invoice) { return invoice; }
  }
  throw new Error('no billing profile of the MCA account shows an invoice');
}

describe('Azure Billing: the log of the whole run at trace level', function () {
  this.timeout(240_000);
  const host = emulatorSuite({ refreshTree: true, clearFaults: 'after' });
  const nonce = Date.now().toString(36);
  const planted = { secret: '', token: '', sig: `PlantedSig${nonce}`, downloadToken: `PlantedDRS${nonce}`, email: 'jane.doe@contoso.com' };
  let atTrace = false;
  let log = '';
  let failedDownload: { failure?: string } | undefined;
  let linkError: unknown;

  before(async () => {
    const api = host.api;
    await setLogLevelToTrace();
    atTrace = await logLevelIsTrace(api);
    planted.secret = process.env.AZURE_CLIENT_SECRET ?? '';
    planted.token = await emulatorToken();

    // The walk: the tree, a token ARM calls expired, a refused branch, a download, a download whose
    // link drops, and a signed link that fails on the network inside a command.
    await walkTree(api, 4, 250);
    await addFault({ kind: 'expiredToken', path: '/billingAccounts', times: 1 });
    await refresh();
    await walkTree(api, 1, 50);
    await addFault({ kind: 'forbidden', path: '/billingProfiles', times: 1 });
    await refresh();
    await walkTree(api, 2, 80);
    await clearFaults();
    await refresh(); // the refused branch is remembered as an error node until then
    const invoice = await someInvoice(api);
    await vscode.commands.executeCommand('azureBilling.downloadInvoice', invoice.node);
    await addFault({ kind: 'drop', path: '/blob/', times: 10 });
    failedDownload = await vscode.commands.executeCommand<{ failure?: string }>('azureBilling.downloadInvoice', invoice.node);
    await clearFaults();
    const link = new URL(`/blob/invoices/logscan-${nonce}.pdf?sv=2024-08-04&sr=b&sig=${planted.sig}&se=2026-12-01T00%3A00%3A00Z`, emulatorBlobUrl()).toString();
    await addFault({ kind: 'drop', path: `/logscan-${nonce}`, times: 10 });
    const transport = api.sessions.session().transportFor();
    await api.commands.run('azureBilling.test.logScan', async () => {
      try {
        return await transport.fetchUnauthenticated(link);
      } catch (error) {
        linkError = error;
        throw error;
      }
    });

    // Lines as careless code might write them, at every level, through the extension's logger.
    const logger = api.log.logger;
    logger.trace(`log scan probe ${nonce}: {"accessToken":"${planted.token}","refreshToken":"opaque-${nonce}"} client_secret=${planted.secret}`);
    logger.debug(`log scan probe ${nonce}: Authorization: Bearer ${planted.token}`);
    logger.info(`log scan probe ${nonce}: signed in as ${planted.email}`);
    logger.warn(`log scan probe ${nonce}: GET ${link}&downloadToken=${planted.downloadToken}`);
    logger.error(`log scan probe ${nonce}: {"downloadToken":"${planted.downloadToken}","clientSecret":"${planted.secret}"}`);
    logger.error(`log scan probe ${nonce}: AADSTS7000215: Invalid client secret provided: ${planted.secret}`);
    log = await logUpTo(api, `log scan ${nonce}: end of the walk`);
  });

  it('runs at trace level, and the log tells what the run did', () => {
    assert.ok(atTrace, `the channel's level is ${host.api.log.level}, not trace`);
    assert.match(log, new RegExp(`\\[trace\\] log scan probe ${nonce}`), 'a trace line reached the file');
    assert.match(log, /\[debug\] GET \S+ → 200/, 'requests are logged');
    assert.match(log, /azureBilling\.downloadInvoice/, 'the downloads are logged');
    assert.match(log, /azureBilling\.test\.logScan: failed/, 'the failed command is logged');
  });

  it('holds no client secret', () => {
    assert.ok(planted.secret.length >= 4, 'the test host sets AZURE_CLIENT_SECRET');
    assert.ok(!log.includes(planted.secret), 'the client secret is in the log');
  });

  it('holds no token the emulator issued, nor any bearer token', () => {
    assert.ok(!log.includes(planted.token), 'a token is in the log');
    assert.doesNotMatch(log, JWT);
    assert.doesNotMatch(log, BEARER_WITH_VALUE);
    assert.ok(!log.includes(`opaque-${nonce}`), 'a refresh token field is in the log');
  });

  it('holds no SAS signature or download token with a value', () => {
    assert.doesNotMatch(log, SIG_WITH_VALUE);
    assert.doesNotMatch(log, DOWNLOAD_TOKEN_WITH_VALUE);
    for (const value of [planted.sig, planted.downloadToken]) { assert.ok(!log.includes(value), `${value} is in the log`); }
  });

  it('holds no e-mail address', () => {
    assert.doesNotMatch(log, EMAIL);
  });

  it('shows and keeps no signed link in the errors of a failed download', () => {
    assert.ok(failedDownload?.failure, 'the download with dropped connections failed and said so');
    assert.doesNotMatch(failedDownload.failure, SIG_WITH_VALUE);
    assert.ok(linkError instanceof Error, 'the signed link failed on the network');
    const printed = [String(linkError), linkError.stack, inspect(linkError, { depth: 10, showHidden: true })].join('\n');
    assert.ok(!printed.includes(planted.sig), `the signature is in the error:\n${printed}`);
    assert.match(printed, /\/blob\/invoices\/logscan-/, 'the error still says which document failed');
  });
});
