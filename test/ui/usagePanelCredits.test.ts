// The usage panel's Credits view as a person meets it: open the panel of the billing profile that
// has credits from its context menu, choose Credits, and see the burn-down drawn on the canvas
// (pixels in the plot area) with a dashed mark, in the theme's mark colour, on the last day of
// each lot the emulator's world has active; the lot table names the same lots. In English and in
// Korean; axe finds nothing serious. With AZURE_BILLING_README_SCREENSHOTS=1 (`npm run
// screenshots`) the English run also writes the README's picture of it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import type { Emulator } from '../emulator/server';
import { axeRun, describeViolations, serious } from './support/axe';
import { emulators, repoRoot } from './support/harness';
import { activityBarTitle, localized } from './support/manifest';
import { visibleWebviewFrame } from './support/webviewFrame';
import { activityBarItem, openWorkbench, screenshotOnFailure, treeRow, Workbench } from './support/workbench';

const readmeImages = process.env.AZURE_BILLING_README_SCREENSHOTS === '1' ? path.join(repoRoot, 'docs', 'images') : undefined;

/** The part of a DOM element's classList these tests read (the DOM's types are not in this project's libs). */
interface ClassListLike {
  contains(token: string): boolean;
}
/** The canvas as the page has it (structural: no DOM types here). */
interface CanvasLike {
  width: number;
  height: number;
  getAttribute(name: string): string | null;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  ownerDocument: { documentElement: unknown; defaultView: { getComputedStyle(e: unknown): { getPropertyValue(name: string): string } } | null };
}

interface CanvasLook {
  /** Non-transparent pixels in the plot area (the middle 80 %) and its size. */
  drawn: number;
  area: number;
  /** Per mark drawn: its label and the share of its column's pixels in the mark colour. */
  marks: Array<{ label: string; share: number }>;
}

/** What the burn-down's canvas shows: how much is drawn, and whether each mark is really there in its colour. */
function lookAtCanvas(frame: Frame): Promise<CanvasLook> {
  return frame.locator('canvas#burn-down').evaluate((canvas: CanvasLike) => {
    const ctx = canvas.getContext('2d');
    const x0 = Math.floor(canvas.width * 0.1), y0 = Math.floor(canvas.height * 0.1);
    const w = Math.floor(canvas.width * 0.8), h = Math.floor(canvas.height * 0.8);
    const plot = ctx.getImageData(x0, y0, w, h).data;
    let drawn = 0;
    for (let i = 3; i < plot.length; i += 4) {if (plot[i] > 0) {drawn++;}}
    const hex = (canvas.ownerDocument.defaultView?.getComputedStyle(canvas.ownerDocument.documentElement).getPropertyValue('--vscode-charts-red') ?? '').trim();
    const rgb = /^#([0-9a-f]{6})$/i.exec(hex) ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : [255, 0, 0];
    const near = (d: Uint8ClampedArray, i: number) => Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) < 90;
    const marks = (JSON.parse(canvas.getAttribute('data-marks') ?? '[]') as Array<{ x: number; top: number; bottom: number; label: string }>).map((m) => {
      // The best of the three columns around the mark (a 2-pixel line lands between pixels).
      let share = 0;
      for (const x of [m.x - 1, m.x, m.x + 1]) {
        const column = ctx.getImageData(x, m.top, 1, m.bottom - m.top).data;
        let hits = 0;
        for (let i = 0; i < column.length; i += 4) {if (near(column, i)) {hits++;}}
        share = Math.max(share, hits / (column.length / 4));
      }
      return { label: m.label, share };
    });
    return { drawn, area: w * h, marks };
  });
}

for (const locale of ['en', 'ko']) {
  suite(`Usage panel's Credits view (${locale})`, function () {
    this.timeout(300_000);
    let wb: Workbench;
    let emu: Emulator;

    suiteSetup(async () => {
      wb = await openWorkbench({ name: `ui-credits-view-${locale}`, locale: locale === 'en' ? undefined : locale });
      emu = wb.emulator as unknown as Emulator;
      await activityBarItem(wb.page, activityBarTitle(locale)).click();
    });
    suiteTeardown(async () => {
      await wb?.close();
    });
    screenshotOnFailure(() => wb, `credits-view-${locale}`);

    test('a billing profile with credits: the Credits view draws the burn-down with a mark on each lot\'s expiry', async () => {
      const account = emu.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement' && a.tenantId === emu.tenantId)!;
      const profile = account.profiles.find((p) => p.currency === 'USD')!;
      const home = (await emulators.listTenants(wb.emulator)).find((t) => t.tenantId === emu.tenantId)!;
      for (const label of [home.displayName, account.displayName]) {
        const row = treeRow(wb.page, label).first();
        await row.waitFor({ timeout: 30_000 });
        if ((await row.getAttribute('aria-expanded')) !== 'true') {await row.click();}
      }
      const row = treeRow(wb.page, profile.displayName).first();
      await row.waitFor({ timeout: 30_000 });
      await row.click({ button: 'right' });
      const title = localized('%command.showUsageAndCost%', locale);
      const item = wb.page.locator('.monaco-menu .action-item', { hasText: title }).first();
      await item.waitFor({ timeout: 10_000 });
      for (let i = 0; i < 12 && !(await item.evaluate((e: { classList: ClassListLike }) => e.classList.contains('focused'))); i++) {await wb.page.keyboard.press('ArrowDown');}
      await wb.page.keyboard.press('Enter');

      // The Credits button appears once the host has found credits; the toolbar is redrawn with
      // every message, so a click that lands while it is replaced is tried again.
      const frame = await visibleWebviewFrame(wb.page, '.segmented button[data-view="credits"]', undefined, 90_000);
      const pressed = frame.locator('.segmented button[data-view="credits"][aria-pressed="true"]');
      for (let attempt = 1; ; attempt++) {
        await frame.locator('.segmented button[data-view="credits"]').click();
        if (await pressed.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {break;}
        if (attempt >= 5) {throw new Error('the Credits view did not open');}
      }
      await frame.locator('body[aria-busy="false"] table.credit-lots').waitFor({ timeout: 90_000 });
      await frame.locator('canvas#burn-down[data-marks]').waitFor({ timeout: 30_000 });

      const today = new Date().toISOString().slice(0, 10);
      const active = emu.world.billing.credits(profile)!.lots.filter((l) => l.status === 'Active' && l.closedBalanceCents > 0 && l.expirationDate >= today).map((l) => l.name).sort();
      assert.ok(active.length > 0, 'the world has active lots');
      const look = await lookAtCanvas(frame);
      assert.ok(look.drawn > look.area * 0.01, `the burn-down is drawn: ${look.drawn} of ${look.area} pixels`);
      const expiry = locale === 'en' ? 'Lot expires' : '로트 만료';
      assert.deepStrictEqual(look.marks.map((m) => m.label).sort(), active.map((name) => `${expiry}: ${name}`).sort(), 'one mark per active lot');
      for (const m of look.marks) {assert.ok(m.share > 0.3, `the mark "${m.label}" is drawn down the plot in the mark colour (${(100 * m.share).toFixed(0)} % of its column)`);}
      const lotRows = (await frame.locator('table.credit-lots tbody th').allTextContents()).map((t) => t.trim()).sort();
      assert.deepStrictEqual(lotRows, active, 'the lot table names the same lots');
      assert.ok(((await frame.locator('[data-role="runs-out"]').textContent()) ?? '').trim().length > 0, 'the card says when the credits run out');

      const { violations } = await axeRun(frame);
      const blocking = serious(violations);
      assert.strictEqual(blocking.length === 0 ? '' : describeViolations('Credits view', blocking), '', 'axe finds nothing serious');
      await wb.page.mouse.move(1399, 899);
      await wb.screenshot(`credits-view-${locale}`);
      if (readmeImages && locale === 'en') {
        fs.mkdirSync(readmeImages, { recursive: true });
        await wb.page.screenshot({ path: path.join(readmeImages, 'credits-burn-down.png') });
      }
    });
  });
}
