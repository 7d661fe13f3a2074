// The emulator for a test-host run, started in this process from the compiled test tree, and
// what the VS Code server needs to use it: environment variables (trust of the emulator's CA,
// the service principal, the control-route URL for suites) and the extension's settings.
const fs = require('fs');
const https = require('https');
const path = require('path');
const { onCleanup } = require('./processes');

const root = path.resolve(__dirname, '..', '..');
const caDir = path.join(root, '.cache', 'emulator-ca');

/** Starts the emulator (needs `npx tsc -p .` first); it closes with the other cleanups. */
async function startHostEmulator(options = {}) {
  const serverModule = path.join(root, 'out', 'test', 'emulator', 'server.js');
  if (!fs.existsSync(serverModule)) { throw new Error('out/test/emulator/server.js is missing: compile with `npx tsc -p .` first'); }
  const { startEmulator } = require(serverModule);
  const emulator = await startEmulator({ caDir, ...options });
  stoppers.set(emulator, onCleanup(() => emulator.close()));
  return emulator;
}

const stoppers = new WeakMap();
/** Closes an emulator started by startHostEmulator (once; later cleanups skip it). */
async function stopHostEmulator(emulator) {
  await stoppers.get(emulator)?.();
}

/** Environment of the VS Code server, inherited by its extension host. */
function hostEnvironment(emulator) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // A harness started from a VS Code terminal must not hand that editor's IPC hooks down.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'NODE_OPTIONS') { continue; }
    env[key] = value;
  }
  return {
    ...env,
    NODE_EXTRA_CA_CERTS: emulator.caCertPath,
    AZURE_TENANT_ID: emulator.tenantId,
    AZURE_CLIENT_ID: emulator.clientId,
    AZURE_CLIENT_SECRET: emulator.clientSecret,
    AZURE_AUTHORITY_HOST: emulator.baseUrl,
    // Suites reach the emulator's control routes (/_emulator/faults|stats|info) through this.
    AZURE_BILLING_EMULATOR_URL: emulator.baseUrl,
    // Where download and RateCard links point: another host and port than ARM, as storage is on Azure.
    AZURE_BILLING_EMULATOR_BLOB_URL: emulator.blobBaseUrl,
    // The custom host the person would allow at the first sign-in (SECURITY.md); unattended runs
    // cannot answer that question. The UI layer's consent test leaves this out and clicks Allow.
    AZURE_BILLING_ALLOWED_CUSTOM_HOSTS: emulator.baseUrl,
  };
}

/**
 * Machine settings of the host: the extension pointed at the emulator as a custom cloud, and the
 * workbench kept free of what would cover it (AI sign-in dialog, welcome page, trust prompt).
 * `authentication` is 'servicePrincipal' (suites, vsix) or 'editor' (the sign-in UI test).
 */
function hostSettings(emulator, { authentication = 'servicePrincipal', extra = {} } = {}) {
  return {
    'azureBilling.authentication': authentication,
    'azureBilling.cloud': 'Custom',
    'azureBilling.customCloud': {
      resourceManagerEndpoint: emulator.baseUrl,
      authorityHost: emulator.baseUrl,
      retailPricesEndpoint: emulator.baseUrl,
    },
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // The server forwards the emulator's port and says so in a toast that covers the screenshots.
    'remote.autoForwardPorts': false,
    // The alert monitor would check every scope in the background while other suites count the
    // emulator's requests; the alerts suites turn it on themselves.
    'azureBilling.alerts.enabled': false,
    // The extension host's own fetch() extensions load only the system certificates and would
    // ignore NODE_EXTRA_CA_CERTS; Node's fetch and https trust the emulator's CA without them.
    'http.fetchAdditionalSupport': false,
    ...extra,
  };
}

/** GET a JSON document from the emulator, trusting its CA (this process was not started with it). */
function getJson(emulator, url, tenantId) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, {
      ca: fs.readFileSync(emulator.caCertPath),
      headers: { authorization: `Bearer ${emulator.issueToken(tenantId)}` },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) { return reject(new Error(`GET ${url}: HTTP ${res.statusCode} ${text.slice(0, 200)}`)); }
        try { resolve(JSON.parse(text)); } catch (err) { reject(err); }
      });
    });
    req.on('error', reject);
  });
}

/**
 * The billing accounts as the emulator's ARM API serves them to the service principal signed in
 * to `tenantId` (default: its home tenant): what the extension must show under that directory.
 */
async function listBillingAccounts(emulator, tenantId) {
  const url = new URL('/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01', emulator.baseUrl);
  const accounts = [];
  for (let next = url.toString(); next; ) {
    const body = await getJson(emulator, next, tenantId);
    accounts.push(...body.value);
    next = body.nextLink;
  }
  return accounts.map((a) => ({ id: a.id, name: a.name, displayName: a.properties?.displayName ?? a.name }));
}

/** The tenants as the emulator serves them to the home tenant's principal. */
async function listTenants(emulator) {
  const body = await getJson(emulator, new URL('/tenants?api-version=2022-12-01', emulator.baseUrl).toString());
  return body.value.map((t) => ({ tenantId: t.tenantId, displayName: t.displayName ?? t.defaultDomain ?? t.tenantId }));
}

module.exports = { startHostEmulator, stopHostEmulator, hostEnvironment, hostSettings, listBillingAccounts, listTenants, caDir };
