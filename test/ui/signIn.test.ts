// Signing in with the editor's Microsoft account, as a person does it: the welcome view's Sign in
// button, Allow in the editor's consent dialog, the directories and accounts appear; Sign Out
// from the command palette brings the welcome view back. The editor's Microsoft sign-in is the
// test-only stand-in from test/fixtures/standin-auth, which gets real tokens from the emulator.
import * as assert from 'assert';
import { emulators } from './support/harness';
import { activityBarTitle, paletteTitle, welcomeButtonLabel } from './support/manifest';
import { activityBarItem, openWorkbench, screenshotOnFailure, treeRow, Workbench } from './support/workbench';

suite("Signing in with the editor's Microsoft account", function () {
  this.timeout(180_000);
  let wb: Workbench;

  const signInButton = () => wb.page.locator('.welcome-view-content a.monaco-button', { hasText: welcomeButtonLabel('azureBilling.signIn') });

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'ui-sign-in', authentication: 'editor', standInAuth: true });
  });

  suiteTeardown(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb, 'sign-in');

  test('signed out, the view offers to sign in', async () => {
    await activityBarItem(wb.page, activityBarTitle()).click();
    await signInButton().waitFor({ timeout: 30_000 });
    assert.strictEqual(await wb.page.locator('.monaco-list-row[role="treeitem"]').filter({ visible: true }).count(), 0, 'no tree rows before signing in');
    await wb.screenshot('sign-in-1-signed-out');
  });

  test('Sign in, then Allow, shows the directories and their billing accounts', async () => {
    await signInButton().click();
    // The editor asks whether the extension may use the Microsoft account.
    const allow = wb.page.getByRole('button', { name: 'Allow', exact: true });
    await allow.waitFor({ timeout: 30_000 });
    await wb.screenshot('sign-in-2-consent');
    await allow.click();

    const tenants = await emulators.listTenants(wb.emulator);
    for (const tenant of tenants) { await treeRow(wb.page, tenant.displayName).waitFor({ timeout: 30_000 }); }
    const home = tenants.find((t) => t.tenantId === wb.emulator.tenantId);
    assert.ok(home, 'the home directory is among the tenants');
    const accounts = await emulators.listBillingAccounts(wb.emulator, home.tenantId);
    assert.ok(accounts.length > 0, 'the home directory has billing accounts');
    const row = treeRow(wb.page, home.displayName);
    if ((await row.getAttribute('aria-expanded')) !== 'true') { await row.click(); }
    for (const account of accounts) { await treeRow(wb.page, account.displayName).waitFor({ timeout: 30_000 }); }
    await wb.screenshot('sign-in-3-signed-in');
  });

  test('Sign Out from the command palette brings the welcome view back', async () => {
    await wb.page.keyboard.press('F1');
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`>${paletteTitle('azureBilling.signOut')}`);
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: paletteTitle('azureBilling.signOut') }).first().waitFor({ timeout: 10_000 });
    await wb.page.keyboard.press('Enter');
    await signInButton().waitFor({ timeout: 30_000 });
    const home = (await emulators.listTenants(wb.emulator)).find((t) => t.tenantId === wb.emulator.tenantId);
    await treeRow(wb.page, home!.displayName).waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.screenshot('sign-in-4-signed-out-again');
  });
});
