// The first level of the Billing Accounts tree against the emulator, signed in as the service
// principal the test host put in the environment (azureBilling.authentication: servicePrincipal,
// azureBilling.cloud: Custom). Expectations come from the emulator's ARM API read independently.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureBillingApi } from '../../src/extension';
import { recordMetric } from './metrics';
import { addFault, armList, clearFaults } from './support/emulatorControl';
import { extensionApi, refresh, ShownNode, shownChildren } from './support/extensionApi';

interface WireTenant {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
}
interface WireAccount {
  name: string;
  properties?: { displayName?: string; agreementType?: string; accountStatus?: string };
}

const english = () => vscode.env.language.toLowerCase().startsWith('en');
const sortedNames = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, vscode.env.language, { sensitivity: 'base', numeric: true }));

describe('Azure Billing: the billing accounts tree', function () {
  this.timeout(60_000);
  let api: AzureBillingApi;
  let tenants: WireTenant[];

  /** The tenant node whose directory is `tenantId`. */
  async function tenantNode(tenantId: string): Promise<ShownNode> {
    const first = await shownChildren(api);
    const found = first.find((n) => (n.node as { id: string }).id === `tenant/${tenantId}`);
    assert.ok(found, `no node for tenant ${tenantId} among ${first.map((n) => n.label).join(', ')}`);
    return found;
  }

  /** Tenants whose principal sees billing accounts, and those that see none. */
  async function tenantsByRole(): Promise<{ withRole: WireTenant; withoutRole: WireTenant; accounts: WireAccount[] }> {
    let withRole: WireTenant | undefined;
    let withoutRole: WireTenant | undefined;
    let accounts: WireAccount[] = [];
    for (const tenant of tenants) {
      const visible = await armList<WireAccount>('/providers/Microsoft.Billing/billingAccounts?api-version=2020-05-01', tenant.tenantId);
      if (visible.length > 0 && !withRole) {
        withRole = tenant;
        accounts = visible;
      }
      if (visible.length === 0 && !withoutRole) {withoutRole = tenant;}
    }
    assert.ok(withRole && withoutRole, 'the emulator world should have a tenant with and one without a billing role');
    return { withRole, withoutRole, accounts };
  }

  before(async () => {
    api = await extensionApi();
    tenants = await armList<WireTenant>('/tenants?api-version=2022-12-01');
    await clearFaults();
    await refresh();
  });

  afterEach(async () => {
    await clearFaults();
  });

  it('shows one node per directory, named as the directory names itself', async () => {
    assert.ok(tenants.length > 1, 'the emulator world has several tenants');
    await refresh();
    const started = performance.now();
    const first = await shownChildren(api);
    recordMetric('firstLevelLoadMs', performance.now() - started);
    assert.deepStrictEqual(
      first.map((n) => n.label),
      sortedNames(tenants.map((t) => t.displayName ?? t.defaultDomain ?? t.tenantId)),
    );
    assert.ok(first.every((n) => n.collapsible && /\brefreshable\b/.test(n.contextValue)));
    assert.strictEqual(api.sessions.signInState, 'signedIn');
    if (english()) {assert.strictEqual(api.explorer.view.description, 'service principal', 'the view says who is signed in');}
  });

  it('lists the billing accounts of a directory with their agreement type and status', async () => {
    const { withRole, accounts } = await tenantsByRole();
    const tenant = await tenantNode(withRole.tenantId);
    const shown = await shownChildren(api, tenant.node);
    assert.deepStrictEqual(
      shown.map((n) => n.label),
      sortedNames(accounts.map((a) => a.properties?.displayName ?? a.name)),
    );
    for (const node of shown) {
      assert.match(node.contextValue, /^azureBilling\.billingAccount\b/);
      const wire = accounts.find((a) => (a.properties?.displayName ?? a.name) === node.label)!;
      // All well, the description is just the agreement; a status shows only when it is trouble.
      if (english() && wire.properties?.accountStatus === 'Active') {assert.doesNotMatch(node.description, /Active/);}
      if (english() && wire.properties?.accountStatus && wire.properties.accountStatus !== 'Active') {assert.match(node.description, new RegExp(`^${wire.properties.accountStatus}`));}
      assert.ok(node.tooltip.includes(wire.name), `the tooltip of ${node.label} names its billing account ID`);
    }
    if (english()) {
      const mca = shown.find((n) => accounts.find((a) => (a.properties?.displayName ?? a.name) === n.label)?.properties?.agreementType === 'MicrosoftCustomerAgreement');
      assert.ok(mca, 'the world has an MCA account');
      // An active account's description is its agreement alone; a screen reader hears it in full.
      assert.strictEqual(mca.description, 'MCA');
      assert.match(mca.accessibleLabel, /Microsoft Customer Agreement/);
    }
  });

  it('says so under a directory where the caller has no billing role, instead of an empty list', async () => {
    const { withoutRole } = await tenantsByRole();
    const tenant = await tenantNode(withoutRole.tenantId);
    const shown = await shownChildren(api, tenant.node);
    assert.strictEqual(shown.length, 1);
    assert.strictEqual((shown[0].node as { id: string }).id, `tenant/${withoutRole.tenantId}/noBillingRole`);
    if (english()) {assert.strictEqual(shown[0].label, 'No billing role in this directory');}
    assert.match(shown[0].tooltip, /Billing account reader/);
  });

  it('shows an error node with Retry that names the missing role, and Retry recovers', async () => {
    const { withRole, accounts } = await tenantsByRole();
    const tenant = await tenantNode(withRole.tenantId);
    await addFault({ kind: 'forbidden', path: '/providers/Microsoft.Billing/billingAccounts' });
    await refresh(tenant.node);
    const failed = await shownChildren(api, tenant.node);
    assert.strictEqual(failed.length, 1);
    const error = failed[0];
    assert.match(error.contextValue, /\bretryable\b/);
    assert.strictEqual(error.command, 'azureBilling.retry');
    assert.match(error.description, /Billing account reader/);

    await clearFaults();
    await vscode.commands.executeCommand('azureBilling.retry', error.node);
    const recovered = await shownChildren(api, tenant.node);
    assert.deepStrictEqual(recovered.map((n) => n.label), sortedNames(accounts.map((a) => a.properties?.displayName ?? a.name)));
  });

  it('tells how long to wait when Azure throttles the list', async () => {
    const { withRole } = await tenantsByRole();
    const tenant = await tenantNode(withRole.tenantId);
    await addFault({ kind: 'throttle', path: '/providers/Microsoft.Billing/billingAccounts', retryAfterSeconds: 600 });
    await refresh(tenant.node);
    const [error] = await shownChildren(api, tenant.node);
    assert.match(error.contextValue, /\bretryable\b/);
    if (english()) {assert.match(error.tooltip, /Retry in 10 minutes/);}
  });

  it('shows the "could not sign in" state when the service principal is incomplete', async () => {
    const secret = process.env.AZURE_CLIENT_SECRET;
    try {
      delete process.env.AZURE_CLIENT_SECRET;
      api.sessions.reconnect('test: service principal without a secret');
      const first = await shownChildren(api);
      assert.deepStrictEqual(first, [], 'the welcome view explains; the tree stays empty');
      assert.strictEqual(api.sessions.signInState, 'unavailable');
    } finally {
      process.env.AZURE_CLIENT_SECRET = secret;
      api.sessions.reconnect('test: secret restored');
    }
    assert.ok((await shownChildren(api)).length > 1);
    assert.strictEqual(api.sessions.signInState, 'signedIn');
  });
});
