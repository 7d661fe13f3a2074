// What If... as a person uses it: from a subscription's context menu in the tree, accept the usual
// offers and regions, read every alternative's total in the results panel, export the CSV into the
// workspace and check that its rows add up to the totals on screen. Screenshots are kept.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import type { Emulator } from '../emulator/server';
import { emulators } from './support/harness';
import { activityBarTitle, paletteTitle } from './support/manifest';
import { activityBarItem, openWorkbench, screenshotOnFailure, treeRow, Workbench } from './support/workbench';

const webview = (page: Page): FrameLocator => page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');

suite('What If..., as a person', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let emu: Emulator;

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'ui-what-if' });
    emu = wb.emulator as unknown as Emulator;
    await activityBarItem(wb.page, activityBarTitle()).click();
  });
  suiteTeardown(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb, 'what-if');

  test('opens from the tree, shows each alternative\'s total, and exports a CSV whose rows add up', async () => {
    const home = (await emulators.listTenants(wb.emulator)).find((t) => t.tenantId === emu.tenantId)!.displayName;
    for (const label of [home, 'Contoso Pay-As-You-Go', 'Subscriptions']) {
      const row = treeRow(wb.page, label).first();
      await row.waitFor({ timeout: 30_000 });
      if ((await row.getAttribute('aria-expanded')) !== 'true') { await row.click(); }
    }
    const row = treeRow(wb.page, 'Pay-As-You-Go').first();
    await row.waitFor({ timeout: 30_000 });
    await row.click({ button: 'right' });
    const title = paletteTitle('azureBilling.whatIf').split(': ').pop()!;
    const item = wb.page.locator('.monaco-menu .action-item', { hasText: title }).first();
    await item.waitFor({ timeout: 10_000 });
    await wb.page.waitForTimeout(300); // the menu ignores clicks while it fades in
    await item.click();
    // The picker comes with the usual offers and regions ticked: accept them.
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'MS-AZR-0023P' }).first().waitFor({ timeout: 10_000 });
    await wb.page.keyboard.press('Enter');

    const frame = webview(wb.page);
    const cards = frame.locator('.card');
    await cards.first().waitFor({ timeout: 120_000 });
    // Baseline, three offers (Dev/Test, Visual Studio Enterprise, sponsorship) and three regions.
    assert.strictEqual(await cards.count(), 7);
    const totals = await frame.locator('.card .total').evaluateAll((nodes: Array<{ getAttribute(name: string): string | null; textContent: string | null }>) =>
      nodes.map((n) => ({ minor: Number(n.getAttribute('data-total-minor')), text: (n.textContent ?? '').trim() })));
    assert.ok(totals[0].minor > 0, 'the baseline costs something');
    assert.ok(totals.every((t) => /\$/.test(t.text)), JSON.stringify(totals));
    await frame.locator('p.note').waitFor();
    assert.strictEqual(await frame.locator('.legend-entry').count(), 7, 'the chart\'s legend names every alternative');
    await wb.screenshot('what-if-1-results');

    await frame.locator('#export-csv').click();
    const dir = wb.server.dirs.workspace;
    const deadline = Date.now() + 30_000;
    let file: string | undefined;
    while (!file && Date.now() < deadline) {
      file = fs.readdirSync(dir).find((f) => f.startsWith('what-if-') && f.endsWith('.csv'));
      if (!file) { await new Promise((r) => setTimeout(r, 200)); }
    }
    assert.ok(file, 'the CSV is in the workspace');
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
      .map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    const after = lines.find((l) => l[0] === '"Total after credit"')!;
    const gross = lines.find((l) => l[0] === '"Total"')!;
    const credit = lines.find((l) => l[0] === '"Monthly credit applied"')!;
    const meterRows = lines.slice(1, lines.indexOf(gross));
    totals.forEach((t, i) => {
      const column = 5 + i * 2 + 1;
      const rows = meterRows.reduce((s, r) => s + Math.round(Number(r[column] || 0) * 100), 0);
      assert.strictEqual(rows, Math.round(Number(gross[column]) * 100), `column ${column}: rows add up to the total`);
      assert.strictEqual(rows + Math.round(Number(credit[column] || 0) * 100), t.minor, `column ${column}: total after credit = the card`);
      assert.strictEqual(Math.round(Number(after[column]) * 100), t.minor);
    });
    await wb.screenshot('what-if-2-exported');
  });
});
