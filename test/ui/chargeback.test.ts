// Chargeback as a person runs it: a rules file written into the workspace, opened in the editor,
// Run Chargeback clicked in the CodeLens above it; the report's table shows owners whose totals add
// up to the total line and to the charges of the month's invoice (from the emulator's world, not
// from the extension), the drill-down behind an owner opens, and Export writes a CSV whose owner
// totals add up to the same total. Screenshots of the report and of its drill-down are kept.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import type { Emulator } from '../emulator/server';
import { axeRun, describeViolations, serious } from './support/axe';
import { emulators } from './support/harness';
import { activityBarTitle, localized } from './support/manifest';
import { chooseFromMenu } from './support/treeMenu';
import { visibleWebviewFrame } from './support/webviewFrame';
import { activityBarItem, openWorkbench, screenshotOnFailure, treeRow, Workbench } from './support/workbench';

/** "$1,234.56" or "-$0.12" (en-US currency format) → cents. */
function centsOf(text: string): number {
  const negative = /^-|\(/.test(text.trim());
  const digits = text.replace(/[^0-9.]/g, '');
  return (negative ? -1 : 1) * Math.round(Number(digits) * 100);
}

/** One CSV line's cells (RFC 4180: quoted text, doubled quotes). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"(.*)"$/s, '$1').replace(/""/g, '"')).slice(0, -1);
}

/** The month before today (UTC) as YYYY-MM: the last closed billing period the CodeLens runs. */
function lastClosedMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/** Opens the palette (F1) and fills it with `text`: a '>' command, or a file name for Go to File. */
async function palette(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 0; !(await input.isVisible()); attempt++) {
    if (attempt >= 5) {throw new Error('the palette did not show');}
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  }
  await input.fill(text);
}

async function openFile(page: Page, name: string): Promise<void> {
  await palette(page, name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click({ timeout: 30_000 });
}

async function runFromPalette(page: Page, title: string): Promise<void> {
  await palette(page, `>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click({ timeout: 30_000 });
}

suite('Chargeback, as a person', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let emu: Emulator;
  let profileName: string;
  let profileLabel: string;
  let accountLabel: string;
  let invoiceCents: number;
  let frame: Frame;
  const month = lastClosedMonth();

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'ui-chargeback' });
    emu = wb.emulator as unknown as Emulator;
    const account = emu.world.billing.visibleAccounts(emu.tenantId).find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
    const profile = account.profiles.find((p) => p.currency === 'USD' && account.subscriptions.some((s) => s.billingProfileName === p.name))!;
    profileName = profile.name;
    profileLabel = profile.displayName;
    accountLabel = account.displayName;
    const invoice = emu.world.billing.invoicesOfProfile(profile).find((i) => i.documentType === 'Invoice' && i.periodStart.startsWith(month));
    assert.ok(invoice, `the emulator invoiced ${month}`);
    invoiceCents = invoice.chargesCents;
    const rules = {
      scope: { billingProfile: `/providers/Microsoft.Billing/billingAccounts/${account.name}/billingProfiles/${profile.name}` },
      tagKeys: ['CostCenter'],
      normalize: { case: 'upper', aliases: { cc1001: 'CC-1001', cc2040: 'CC-2040', cc3300: 'CC-3300' } },
      untagged: { mode: 'proportional' },
      shared: [{ name: 'Shared services', match: { tag: { key: 'workload', value: 'shared-services' } }, split: { mode: 'proportional' } }],
      owners: { 'CC-1001': { displayName: 'Platform' }, 'CC-2040': { displayName: 'Data' } },
    };
    fs.writeFileSync(path.join(wb.server.dirs.workspace, 'teams.chargeback.json'), JSON.stringify(rules, null, 2));
  });
  suiteTeardown(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb, 'chargeback');

  test('Run Chargeback from the CodeLens shows owners adding up to the invoice charges', async () => {
    await openFile(wb.page, 'teams.chargeback.json');
    const lens = wb.page.locator('.codelens-decoration a', { hasText: 'Run Chargeback' }).first();
    await lens.waitFor({ timeout: 60_000 });
    await lens.click();
    frame = await visibleWebviewFrame(wb.page, 'table.owners tbody tr.total', undefined, 120_000);
    const totals = await frame.locator('table.owners tbody tr:not(.total) td:nth-of-type(4)').allTextContents();
    const totalLine = (await frame.locator('table.owners tbody tr.total td:nth-of-type(4)').textContent()) ?? '';
    assert.ok(totals.length >= 3, `several owners: ${totals.join(', ')}`);
    const names = await frame.locator('table.owners tbody tr:not(.total) th').allTextContents();
    assert.deepStrictEqual(names.slice(0, 2), ['Platform', 'Data'], 'declared owners first, by display name');
    assert.strictEqual(totals.reduce((a, t) => a + centsOf(t), 0), centsOf(totalLine), 'the owners add up to the total line');
    assert.strictEqual(centsOf(totalLine), invoiceCents, 'the total is the charges of the month\'s invoice');
    const unexplained = await frame.locator('.reconciliation tr.step-unexplained').count();
    assert.strictEqual(unexplained, 0, 'nothing unexplained against the invoice');
    await wb.screenshot('chargeback-1-report');
  });

  test('the drill-down shows the subscriptions, resource groups and tag values behind an owner', async () => {
    await frame.locator('table.owners button.drill', { hasText: 'Platform' }).click();
    const box = frame.locator('.drill-down');
    await box.waitFor({ timeout: 10_000 });
    const captions = await box.locator('caption').allTextContents();
    assert.ok(captions.some((c) => c.startsWith('Subscriptions')) && captions.some((c) => c.startsWith('Resource groups')) && captions.some((c) => c.startsWith('Tag values')), captions.join(' | '));
    // The emulator's tag mess: the platform's cost centre is written in more than one way.
    const values = await box.locator('table.drill-group').nth(2).locator('td:first-child').allTextContents();
    assert.ok(values.length >= 1 && values.every((v) => /^costcenter=/i.test(v)), values.join(', '));
    await wb.screenshot('chargeback-2-drill-down');
    // The report with its drill-down open passes axe with nothing serious or critical.
    const { violations, passedRules } = await axeRun(frame);
    assert.ok(passedRules > 10, `axe checked the page (${passedRules} rules passed)`);
    assert.deepStrictEqual(serious(violations).map((v) => v.id), [], describeViolations('chargeback report', violations));
  });

  test('Export writes a CSV whose owners add up to the total on screen', async () => {
    const totalLine = (await frame.locator('table.owners tbody tr.total td:nth-of-type(4)').textContent()) ?? '';
    await frame.locator('button.export').click();
    const file = path.join(wb.server.dirs.workspace, 'chargeback', `${profileName}-${month}.csv`);
    const until = Date.now() + 30_000;
    const markdown = file.replace(/\.csv$/, '.md');
    // The two files are written one after the other: wait for both.
    while (!(fs.existsSync(file) && fs.existsSync(markdown)) && Date.now() < until) {await new Promise((r) => setTimeout(r, 200));}
    assert.ok(fs.existsSync(file), `${path.basename(file)} is in the chargeback folder`);
    assert.ok(fs.existsSync(markdown), 'and the Markdown beside it');
    const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/).slice(1).map(csvCells);
    const total = lines.find((l) => l[0] === 'Total')!;
    const owners = lines.filter((l) => l !== total);
    const sum = owners.reduce((a, l) => a + Math.round(Number(l[6]) * 100), 0);
    assert.strictEqual(sum, Math.round(Number(total[6]) * 100), 'the CSV\'s owners add up to its total');
    assert.strictEqual(sum, centsOf(totalLine), 'which is the total on screen');
    await frame.locator('.exported', { hasText: '.csv' }).waitFor({ timeout: 10_000 });
  });

  test('Run Chargeback from the billing profile\'s context menu picks the rules file, and the rerun comes from the cache', async () => {
    // Close the report, so the one that appears next is the new run's.
    await runFromPalette(wb.page, 'View: Close All Editors');
    await wb.page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
    await activityBarItem(wb.page, activityBarTitle()).click();
    const home = (await emulators.listTenants(wb.emulator)).find((t) => t.tenantId === emu.tenantId)!;
    for (const label of [home.displayName, accountLabel]) {
      const row = treeRow(wb.page, label).first();
      await row.waitFor({ timeout: 30_000 });
      if ((await row.getAttribute('aria-expanded')) !== 'true') {await row.click();}
    }
    const row = treeRow(wb.page, profileLabel).first();
    await row.waitFor({ timeout: 30_000 });
    const queriesBefore = emu.stats.byRoute['POST /{*scope}/providers/Microsoft.CostManagement/query'] ?? 0;
    await chooseFromMenu(wb.page, row, localized('%command.runChargeback%'));
    // Only the rules files for this profile are offered, then the period (the last closed one first).
    const files = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'teams.chargeback.json' });
    await files.first().waitFor({ timeout: 30_000 });
    await files.first().click();
    const periods = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'last closed billing period' });
    await periods.first().waitFor({ timeout: 10_000 });
    await wb.page.keyboard.press('Enter');
    frame = await visibleWebviewFrame(wb.page, 'h1', profileLabel, 120_000);
    await frame.locator('table.owners tbody tr.total').waitFor({ timeout: 30_000 });
    assert.ok(((await frame.locator('h1').textContent()) ?? '').includes(profileLabel), 'the report is titled with the profile\'s name');
    assert.strictEqual(emu.stats.byRoute['POST /{*scope}/providers/Microsoft.CostManagement/query'] ?? 0, queriesBefore, 'the same period again asks Cost Management nothing');
  });
});
