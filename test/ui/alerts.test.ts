// Alerts as a person meets them: with a budget past its threshold (planted in the emulator's budget
// store) the monitor, once turned on, shows the threshold notification with its actions; the
// Alerts folder at the top of the billing account lists the alert, and Dismiss from its context
// menu takes it away. Screenshots of both.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Emulator } from '../emulator/server';
import { budgetStoreOf } from '../emulator/routes/consumption/budgetStore';
import { seedBudgets } from '../emulator/routes/consumption/budgetSeeds';
import { addMonths, monthStart } from '../emulator/world/billing/calendar';
import { emulators } from './support/harness';
import { activityBarTitle, localized } from './support/manifest';
import { chooseFromMenu } from './support/treeMenu';
import { activityBarItem, openWorkbench, screenshotOnFailure, treeRow, Workbench } from './support/workbench';

const BUDGET = 'ui-threshold';

/** Turns the monitor on as a person would in their settings (VS Code picks up the file's change). */
function enableAlerts(wb: Workbench): void {
  const dirs = wb.server.dirs as typeof wb.server.dirs & { serverData?: string };
  const folders = [path.join(dirs.userData, 'Machine'), path.join(dirs.userData, 'User'), ...(dirs.serverData ? [path.join(dirs.serverData, 'data', 'Machine')] : [])];
  for (const folder of folders) {
    const file = path.join(folder, 'settings.json');
    if (!fs.existsSync(file)) {continue;}
    const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    settings['azureBilling.alerts.enabled'] = true;
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(settings, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  }
}

suite('Alerts (en)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let emu: Emulator;

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'ui-alerts' });
    emu = wb.emulator as unknown as Emulator;
    // An annual budget of 100 that started eleven months ago on the first MCA subscription: its
    // spend this period is far past 80 % of it.
    const account = emu.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement' && a.tenantId === emu.tenantId)!;
    const sub = account.profiles[0].subscriptions[0];
    const start = addMonths(monthStart(emu.world.options.asOf), -11);
    // The world's own budgets are taken away first: they cross thresholds too, and a pass shows
    // only the first alerts as notifications (the rest are counted), so this one would not be seen.
    const store = budgetStoreOf(emu.world);
    for (const seeded of seedBudgets(emu.world)) {store.delete(seeded.scopePath, seeded.name);}
    store.put(`/subscriptions/${sub.subscriptionId}`, BUDGET, {
      category: 'Cost', amount: 100, timeGrain: 'Annually', timePeriod: { startDate: start, endDate: addMonths(start, 24) },
      notifications: { Actual_GreaterThan_80_Percent: { enabled: true, operator: 'GreaterThan', threshold: 80, thresholdType: 'Actual', locale: 'en-us', contactEmails: ['finops@contoso.com'], contactRoles: [], contactGroups: [] } },
    });
    await activityBarItem(wb.page, activityBarTitle('en')).click();
    enableAlerts(wb);
  });
  suiteTeardown(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb, 'alerts');

  test('the budget threshold arrives as a notification with Open Usage and Cost, Show Budget, Snooze and Turn Off', async () => {
    const toast = wb.page.locator('.notification-toast').filter({ hasText: `Budget ${BUDGET}` }).first();
    await toast.waitFor({ timeout: 120_000 });
    const text = (await toast.textContent()) ?? '';
    assert.match(text, /passed 80 % of/);
    for (const action of ['Open Usage and Cost', 'Show Budget', 'Snooze for a Day']) {
      assert.ok(await toast.locator('a.monaco-button, .monaco-button').filter({ hasText: action }).count(), `the notification offers ${action}`);
    }
    await wb.screenshot('alerts-notification');
  });

  test('the Alerts folder lists the alert at the top of the billing account, and Dismiss takes it away', async () => {
    const account = emu.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement' && a.tenantId === emu.tenantId)!;
    const home = (await emulators.listTenants(wb.emulator)).find((t) => t.tenantId === emu.tenantId)!;
    for (const label of [home.displayName, account.displayName]) {
      const row = treeRow(wb.page, label).first();
      await row.waitFor({ timeout: 30_000 });
      if ((await row.getAttribute('aria-expanded')) !== 'true') {await row.click();}
    }
    const folder = treeRow(wb.page, 'Alerts').first();
    await folder.waitFor({ timeout: 30_000 });
    if ((await folder.getAttribute('aria-expanded')) !== 'true') {await folder.click();}
    const alert = wb.page.locator('.monaco-list-row[role="treeitem"]').filter({ hasText: `Budget ${BUDGET}` });
    await alert.first().waitFor({ timeout: 60_000 });
    await wb.screenshot('alerts-tree');
    await chooseFromMenu(wb.page, alert.first(), localized('%command.dismissAlert%', 'en'));
    await alert.first().waitFor({ state: 'detached', timeout: 30_000 });
    assert.strictEqual(await alert.count(), 0);
  });
});
