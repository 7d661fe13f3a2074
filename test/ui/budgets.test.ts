// As a person: open a billing profile's Budgets folder, see the world's budget with its spend as a
// percentage (worked out here from the emulator's own answer), create a budget through the wizard
// from the folder's context menu (typing, a refused value, Back), and see it in the tree with its
// percentage, which equals the emulator's Cost Management total for the profile this month over the
// amount. Screenshots are kept.
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import type { Page } from 'playwright-core';
import type { Emulator } from '../emulator/server';
import type { WorldBillingAccount, WorldBillingProfile } from '../emulator/world/billing/types';
import { emulatorCostSums } from './support/costQuery';
import { emulators, HostEmulator } from './support/harness';
import { activityBarTitle } from './support/manifest';
import { activityBarItem, openWorkbench, screenshotOnFailure, treeRow, Workbench } from './support/workbench';

type DOMTokenListLike = { contains(token: string): boolean };

interface WireBudget { properties: { amount: number; currentSpend: { amount: number } } }

function getBudget(emu: HostEmulator, path: string): Promise<{ status: number; body?: WireBudget }> {
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(`${path}?api-version=2024-08-01`, emu.baseUrl), { ca: fs.readFileSync(emu.caCertPath), headers: { authorization: `Bearer ${emu.issueToken()}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: res.statusCode === 200 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as WireBudget) : undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

const percent = (part: number, whole: number) => {
  const p = (part / whole) * 100;
  return new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: Math.abs(p) < 10 ? 1 : 0 }).format(p / 100);
};

async function expand(page: Page, label: string) {
  const row = treeRow(page, label).first();
  await row.waitFor({ timeout: 30_000 });
  await row.scrollIntoViewIfNeeded();
  if ((await row.getAttribute('aria-expanded')) !== 'true') { await row.click(); }
  return row;
}

const quickInput = (page: Page) => page.locator('.quick-input-widget input');

/** Waits for the input box whose prompt contains `prompt`, types `text` and presses Enter. */
async function answer(page: Page, prompt: string, text?: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-message', { hasText: prompt }).first().waitFor({ timeout: 30_000 });
  if (text !== undefined) { await quickInput(page).fill(text); }
  await page.keyboard.press('Enter');
}

/** Waits for the quick pick whose placeholder contains `placeholder` and picks `label`. */
async function choose(page: Page, placeholder: string, label: string): Promise<void> {
  await page.locator(`.quick-input-widget input[placeholder*="${placeholder}"]`).first().waitFor({ timeout: 30_000 });
  await quickInput(page).fill(label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

suite('Budgets, as a person', function () {
  this.timeout(240_000);
  let wb: Workbench;
  let emu: Emulator;
  let account: WorldBillingAccount;
  let profile: WorldBillingProfile;
  let profilePath: string;

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'ui-budgets' });
    emu = wb.emulator as unknown as Emulator;
    account = emu.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement' && a.tenantId === emu.tenantId)!;
    profile = account.profiles[0];
    profilePath = `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(account.name)}/billingProfiles/${profile.name}`;
    const homeName = (await emulators.listTenants(wb.emulator)).find((t) => t.tenantId === emu.tenantId)!.displayName;
    await activityBarItem(wb.page, activityBarTitle()).click();
    await expand(wb.page, homeName);
    await expand(wb.page, account.displayName);
    await expand(wb.page, profile.displayName);
  });
  suiteTeardown(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb, 'budgets');

  test('the profile\'s Budgets folder shows its budget with spend as % of the amount', async () => {
    await expand(wb.page, 'Budgets');
    const wire = await getBudget(wb.emulator, `${profilePath}/providers/Microsoft.Consumption/budgets/operations-quarterly`);
    assert.strictEqual(wire.status, 200);
    const p = wire.body!.properties;
    const row = treeRow(wb.page, 'operations-quarterly').first();
    await row.filter({ hasText: `${percent(p.currentSpend.amount, p.amount)} spent` }).waitFor({ timeout: 30_000 });
    await wb.screenshot('budgets-1-folder');
  });

  test('Create Budget from the folder\'s context menu: the wizard, then the budget in the tree with its percentage', async () => {
    const folder = treeRow(wb.page, 'Budgets').first();
    await folder.click({ button: 'right' });
    const item = wb.page.locator('.monaco-menu .action-item', { hasText: 'Create Budget' }).first();
    await item.waitFor({ timeout: 10_000 });
    for (let i = 0; i < 8 && !(await item.evaluate((e: { classList: DOMTokenListLike }) => e.classList.contains('focused'))); i++) { await wb.page.keyboard.press('ArrowDown'); }
    await wb.page.keyboard.press('Enter');

    await answer(wb.page, 'Name of the budget', 'ui budget');
    // A space is refused, with the rule, and the prompt stays.
    await wb.page.locator('.quick-input-widget', { hasText: 'letters, digits' }).first().waitFor({ timeout: 10_000 });
    await wb.screenshot('budgets-2-name-refused');
    await quickInput(wb.page).fill('ui-budget');
    await wb.page.keyboard.press('Enter');
    await answer(wb.page, 'Amount per period', '400');
    await choose(wb.page, 'How often', 'Monthly');
    await answer(wb.page, 'Start date');
    await answer(wb.page, 'End date', '');
    await choose(wb.page, 'Notifications', 'Add a notification');
    await choose(wb.page, 'actual or forecasted', 'Actual');
    await answer(wb.page, 'Threshold in percent', '80');
    await answer(wb.page, 'E-mail addresses', 'finops@contoso.com');
    await wb.screenshot('budgets-3-notifications');
    await choose(wb.page, 'Notifications', 'Continue');
    await choose(wb.page, 'Which costs', 'All costs');

    const saved = treeRow(wb.page, 'ui-budget').first();
    await saved.waitFor({ timeout: 30_000 });
    const wire = await getBudget(wb.emulator, `${profilePath}/providers/Microsoft.Consumption/budgets/ui-budget`);
    assert.strictEqual(wire.status, 200);
    assert.strictEqual(wire.body!.properties.amount, 400);
    // Its spend is the profile's Cost Management total from the 1st of this month to yesterday.
    const now = new Date();
    const first = `${now.toISOString().slice(0, 8)}01`;
    const yesterday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1)).toISOString().slice(0, 10);
    const sums = yesterday < first ? new Map<string, number>() : await emulatorCostSums(wb.emulator, profilePath.slice(1), { from: first, to: yesterday }, 'ServiceName', 'Currency');
    const cents = [...sums.values()].reduce((a, b) => a + b, 0);
    assert.strictEqual(Math.round(wire.body!.properties.currentSpend.amount * 100), cents);
    await saved.filter({ hasText: `${percent(cents / 100, 400)} spent` }).waitFor({ timeout: 30_000 });
    await wb.screenshot('budgets-4-created');
  });
});
