// The usage and cost panel as a person uses it: open it from a subscription's context menu in
// the tree, see the chart drawn (coloured pixels in the plot area, a legend of the groups Cost
// Management reports), change the period, the cost source and the grouping, export the CSV into
// the workspace (its days add up to the total on screen), and look at it in a light and a dark
// theme. Expectations come from the emulator's own Cost Management answers, fetched here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import type { Emulator } from '../emulator/server';
import { emulatorCost } from './support/costQuery';
import { emulators } from './support/harness';
import { activityBarTitle, paletteTitle } from './support/manifest';
import { activityBarItem, openWorkbench, screenshotOnFailure, treeRow, Workbench } from './support/workbench';

const webview = (page: Page): FrameLocator => page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
const usd = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

/** Last calendar month before today (UTC), as the panel's "Last month" preset resolves it. */
function lastMonth(): { from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** The legend the panel must show for groups of Cost Management: the six largest, then "Other". */
function expectedLegend(groups: Map<string, number>): string[] {
  const sorted = [...groups].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  return sorted.length > 6 ? [...sorted.slice(0, 6), 'Other'].sort() : sorted.sort();
}

/** Canvas pixels that are not transparent in the plot area (the middle 80 %), and the area's size. */
async function drawnPixels(frame: FrameLocator): Promise<{ drawn: number; area: number }> {
  return frame.locator('canvas').evaluate((canvas: { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } }) => {
    const x0 = Math.floor(canvas.width * 0.1), y0 = Math.floor(canvas.height * 0.1);
    const w = Math.floor(canvas.width * 0.8), h = Math.floor(canvas.height * 0.8);
    const data = canvas.getContext('2d').getImageData(x0, y0, w, h).data;
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) {if (data[i] > 0) {drawn++;}}
    return { drawn, area: w * h };
  });
}

/** Waits until the page shows an answer for the period from–to (the heading names it) and is not loading. */
async function settled(frame: FrameLocator, period?: { from: string; to: string }): Promise<void> {
  // The heading writes the days as the rest of the product does ("Oct 1, 2026"), in English here.
  const day = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`));
  if (period) {await frame.locator('h1', { hasText: `${day(period.from)} to ${day(period.to)}` }).waitFor({ timeout: 60_000 });}
  await frame.locator('body[aria-busy="false"] .legend-entry').first().waitFor({ timeout: 60_000 });
}

async function legendLabels(frame: FrameLocator): Promise<string[]> {
  return (await frame.locator('.legend-label').allTextContents()).map((t) => t.trim()).sort();
}

async function chooseTheme(page: Page, theme: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  // F1 pressed while the webview has the focus can be swallowed by its frame: give the focus back
  // to the workbench (the side bar's title) and press again until the palette shows.
  for (let attempt = 0; !(await input.isVisible()); attempt++) {
    if (attempt >= 5) {throw new Error('the command palette did not open');}
    await page.locator('.part.sidebar .composite.title .title-label').first().click();
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  }
  await input.fill('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first().click();
  // The picker lists "Light Modern" for the setting's "Default Light Modern".
  const shown = theme.replace(/^Default /, '');
  await input.fill(shown);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: shown }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

suite('Usage and cost panel, as a person', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let emu: Emulator;
  let subscriptionId: string;
  const period = lastMonth();

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'ui-usage-panel' });
    emu = wb.emulator as unknown as Emulator;
    const payg = emu.world.subscriptions.find((s) => s.displayName === 'Pay-As-You-Go' && s.tenantId === emu.tenantId);
    assert.ok(payg, 'the world has the Pay-As-You-Go subscription');
    subscriptionId = payg.subscriptionId;
    await activityBarItem(wb.page, activityBarTitle()).click();
  });
  suiteTeardown(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb, 'usage-panel');

  test('Show Usage and Cost from a subscription\'s context menu draws the chart', async () => {
    const home = (await emulators.listTenants(wb.emulator)).find((t) => t.tenantId === emu.tenantId)!.displayName;
    for (const label of [home, 'Contoso Pay-As-You-Go', 'Subscriptions']) {
      const row = treeRow(wb.page, label).first();
      await row.waitFor({ timeout: 30_000 });
      if ((await row.getAttribute('aria-expanded')) !== 'true') {await row.click();}
    }
    const row = treeRow(wb.page, 'Pay-As-You-Go').first();
    await row.waitFor({ timeout: 30_000 });
    await row.click({ button: 'right' });
    const title = paletteTitle('azureBilling.showUsageAndCost').split(': ').pop()!;
    const item = wb.page.locator('.monaco-menu .action-item', { hasText: title }).first();
    await item.waitFor({ timeout: 10_000 });
    await wb.page.waitForTimeout(300); // the menu ignores clicks while it fades in
    const started = Date.now();
    await item.click();
    const frame = webview(wb.page);
    if (emu.world.options.asOf.endsWith('-01')) {
      // The billing period began today and no usage is reported yet: the page says so, and a
      // person picks the month before to see a chart.
      await frame.locator('body[aria-busy="false"]', { hasText: 'No usage' }).waitFor({ timeout: 60_000 });
      await frame.locator('#period').selectOption('lastMonth');
    }
    await settled(frame);
    console.log(`      panel opened and charted in ${Date.now() - started} ms (from the menu click to the legend)`);
    const { drawn, area } = await drawnPixels(frame);
    assert.ok(drawn > area * 0.02, `bars are drawn in the plot area: ${drawn} of ${area} pixels`);
  });

  test('Last month, actual cost: the legend is the meter categories Cost Management reports', async () => {
    const frame = webview(wb.page);
    await frame.locator('#period').selectOption('lastMonth');
    await settled(frame, period);
    await frame.locator('#source').selectOption('actual');
    await frame.locator('body[aria-busy="false"] #source').waitFor({ timeout: 60_000 });
    await settled(frame, period);
    const categories = await emulatorCost(wb.emulator, subscriptionId, period, 'MeterCategory');
    assert.deepStrictEqual(await legendLabels(frame), expectedLegend(categories));
    const total = [...categories.values()].reduce((s, v) => s + v, 0);
    assert.strictEqual((await frame.locator('[data-role="grand-total"]').first().textContent())?.trim(), usd(total));
    await wb.screenshot('usage-panel-1-last-month-actual');
  });

  test('grouping by resource group: the legend follows, the total stays', async () => {
    const frame = webview(wb.page);
    await frame.locator('#group-by').selectOption('resourceGroup');
    await frame.locator('.legend-label', { hasText: /^rg-|[a-z]/ }).first().waitFor({ timeout: 60_000 });
    await settled(frame, period);
    const groups = await emulatorCost(wb.emulator, subscriptionId, period, 'ResourceGroupName');
    assert.deepStrictEqual(await legendLabels(frame), expectedLegend(groups));
    const { drawn } = await drawnPixels(frame);
    assert.ok(drawn > 0);
  });

  test('Export CSV saves into the workspace, and its days add up to the total on screen', async () => {
    const frame = webview(wb.page);
    const shown = (await frame.locator('[data-role="grand-total"]').first().textContent())?.trim() ?? '';
    await frame.locator('#export-csv').click();
    // The save dialog opens at the workspace with the file name filled in: accept it.
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await wb.page.keyboard.press('Enter');
    const file = path.join(wb.server.dirs.workspace, `usage-cost-${subscriptionId.slice(0, 8)}-${period.from}.csv`);
    const until = Date.now() + 30_000;
    while (!fs.existsSync(file) && Date.now() < until) {await new Promise((r) => setTimeout(r, 200));}
    assert.ok(fs.existsSync(file), `${path.basename(file)} is in the workspace`);
    const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    // Day rows are "date","currency",…,total: text quoted, the last cell a number we wrote, never quoted.
    const days = lines.filter((l) => /^"\d{4}-\d{2}-\d{2}",/.test(l));
    assert.strictEqual(days.length, Number(period.to.slice(8)), 'one row per day of the month');
    const cents = days.reduce((s, l) => s + Math.round(Number(l.split(',').pop()) * 100), 0);
    assert.strictEqual(usd(cents), shown);
  });

  test('in a light and a dark theme the chart is drawn, and screenshots are kept', async () => {
    const frame = webview(wb.page);
    for (const [theme, name] of [['Default Dark Modern', 'dark'], ['Default Light Modern', 'light']] as const) {
      await chooseTheme(wb.page, theme);
      // The webview's body carries the theme's kind once the editor has passed the theme on.
      await frame.locator(`body.vscode-${name}`).waitFor({ timeout: 15_000 });
      await wb.page.waitForTimeout(500);
      await settled(frame, period);
      const { drawn, area } = await drawnPixels(frame);
      assert.ok(drawn > area * 0.02, `${theme}: ${drawn} of ${area} pixels drawn`);
      await wb.screenshot(`usage-panel-theme-${name}`);
    }
  });
});
