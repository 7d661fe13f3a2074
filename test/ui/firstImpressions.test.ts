// What a new user sees in the first five minutes, at the size and defaults people actually use: a
// 1400×900 window with VS Code's default side bar. The tree's rows show their decisive words
// without an ellipsis, the tables fit their panel, and every webview passes axe with no serious
// or critical violation. Expected words and amounts come from the emulator's world.
// With AZURE_BILLING_README_SCREENSHOTS=1 (`npm run screenshots`) it also writes the README's
// pictures into docs/images/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import type { Emulator } from '../emulator/server';
import type { WorldBillingAccount, WorldBillingProfile } from '../emulator/world/billing/types';
import { axeRun, describeViolations, serious } from './support/axe';
import { emulatorCost } from './support/costQuery';
import { emulators, repoRoot } from './support/harness';
import { activityBarTitle, explorerViewName, paletteTitle } from './support/manifest';
import { cutWords } from './support/visibleText';
import { visibleWebviewFrame } from './support/webviewFrame';
import { activityBarItem, openWorkbench, screenshotOnFailure, sideBarTitle, treeRow, Workbench } from './support/workbench';

/** The part of a DOM element's classList these tests read (the DOM's types are not in this project's libs). */
interface ClassListLike {
  contains(token: string): boolean;
}

const money = (cents: number, currency = 'USD') => new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
const today = () => new Date().toISOString().slice(0, 10);
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const readmeImages = process.env.AZURE_BILLING_README_SCREENSHOTS === '1' ? path.join(repoRoot, 'docs', 'images') : undefined;

/** Last calendar month before today (UTC), as the panel's "Last month" preset resolves it. */
function lastMonth(): { from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

async function expand(page: Page, label: string) {
  const row = treeRow(page, label).first();
  await row.waitFor({ timeout: 30_000 });
  await row.scrollIntoViewIfNeeded();
  if ((await row.getAttribute('aria-expanded')) !== 'true') {await row.click();}
  return row;
}

async function runFromPalette(page: Page, commandId: string): Promise<void> {
  const title = paletteTitle(commandId);
  const input = page.locator('.quick-input-widget input');
  // F1 pressed while a webview has the focus can be swallowed by its frame: give the focus back
  // to the workbench (the side bar's title) and press again until the palette shows.
  for (let attempt = 0; !(await input.isVisible()); attempt++) {
    if (attempt >= 5) {throw new Error('the command palette did not open');}
    await sideBarTitle(page).first().click();
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  }
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Picks the quick-pick entry whose label is `label`, once the list has loaded it. */
async function pick(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Overflow to the right of the table's scroll container and of the page, in CSS pixels (0 when it fits). */
async function horizontalOverflow(frame: Frame, scroller: string): Promise<{ scroller: number; page: number }> {
  return frame.evaluate((selector) => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): { scrollWidth: number; clientWidth: number } | null; scrollingElement: { scrollWidth: number; clientWidth: number } } }).document;
    const box = doc.querySelector(selector);
    if (!box) {throw new Error(`no ${selector} in the page`);}
    return { scroller: box.scrollWidth - box.clientWidth, page: doc.scrollingElement.scrollWidth - doc.scrollingElement.clientWidth };
  }, scroller);
}

/** What Tab reaches in the page, in order, and whether each shows where the focus is (an outline). */
async function tabOrder(page: Page, frame: Frame, start: string, presses: number): Promise<{ text: string; outlined: boolean }[]> {
  await frame.locator(start).first().click();
  const seen: { text: string; outlined: boolean }[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    seen.push(
      await frame.evaluate(() => {
        type El = { textContent: string | null; ownerDocument: { defaultView: { getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string } } } };
        const active = (globalThis as unknown as { document: { activeElement: El | null } }).document.activeElement;
        if (!active) {return { text: '', outlined: false };}
        const style = active.ownerDocument.defaultView.getComputedStyle(active);
        return { text: (active.textContent ?? '').trim(), outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
      }),
    );
  }
  return seen;
}

/** Runs axe in the frame, prints what it found, and returns the serious and critical violations. */
async function axeCheck(frame: Frame, where: string): Promise<string> {
  const { violations, passedRules } = await axeRun(frame);
  console.log(`      axe, ${describeViolations(where, violations).replace(/\n/g, '\n      ')} (${passedRules} rules passed)`);
  assert.ok(passedRules > 10, `axe checked the page (${passedRules} rules passed)`);
  const blocking = serious(violations);
  return blocking.length === 0 ? '' : describeViolations(where, blocking);
}

suite('First impressions at the default size (1400×900)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let emu: Emulator;
  let account: WorldBillingAccount;
  let profile: WorldBillingProfile;
  let homeName: string;

  /** Saves a README picture when asked to (`npm run screenshots`). */
  async function readmePicture(name: string): Promise<void> {
    if (!readmeImages) {return;}
    fs.mkdirSync(readmeImages, { recursive: true });
    await wb.page.mouse.move(1399, 899); // no hover highlight or tooltip in the picture
    await wb.page.screenshot({ path: path.join(readmeImages, `${name}.png`) });
  }

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'ui-first-impressions' });
    emu = wb.emulator as unknown as Emulator;
    account = emu.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement' && a.tenantId === emu.tenantId)!;
    profile = account.profiles.find((p) => p.currency === 'USD')!;
    homeName = (await emulators.listTenants(wb.emulator)).find((t) => t.tenantId === emu.tenantId)!.displayName;
    await activityBarItem(wb.page, activityBarTitle()).click();
  });
  suiteTeardown(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb, 'first-impressions');

  test('the window is 1400×900 and the side bar has its default width', async () => {
    assert.deepStrictEqual(wb.page.viewportSize(), { width: 1400, height: 900 });
    const inner = await wb.page.evaluate(() => {
      const w = globalThis as unknown as { innerWidth: number; innerHeight: number };
      return { width: w.innerWidth, height: w.innerHeight };
    });
    assert.deepStrictEqual(inner, { width: 1400, height: 900 }, 'the page itself is 1400×900');
    const workbench = await wb.page.locator('.monaco-workbench').boundingBox();
    assert.deepStrictEqual(workbench && { width: workbench.width, height: workbench.height }, { width: 1400, height: 900 });
    // VS Code's default side bar is 300 px wide (its layout state "sideBar.size").
    const sideBar = await wb.page.locator('.part.sidebar').boundingBox();
    assert.strictEqual(sideBar?.width, 300);
  });

  test("the view's title is not cut", async () => {
    const title = sideBarTitle(wb.page).first();
    await title.filter({ hasText: explorerViewName() }).waitFor({ timeout: 30_000 });
    assert.deepStrictEqual(await cutWords(title, [explorerViewName()], '.title-label'), []);
    assert.deepStrictEqual(await cutWords(title, [explorerViewName()], '.title-label h2'), []);
  });

  test('every row type shows its decisive words without an ellipsis', async () => {
    const cut: string[] = [];
    const check = async (what: string, label: string, words: string[], nth = 0, waitMs = 3_000) => {
      const row = treeRow(wb.page, label).nth(nth);
      await row.waitFor({ timeout: 30_000 });
      await row.scrollIntoViewIfNeeded();
      // The description may arrive after the label (balances load on their own): wait for the words.
      const until = Date.now() + waitMs;
      let missing = await cutWords(row, words);
      while (missing.some((m) => m.includes('(not in')) && Date.now() < until) {
        await wb.page.waitForTimeout(250);
        missing = await cutWords(row, words);
      }
      for (const m of missing) {
        cut.push(`${what} "${label}": ${m}`);
        console.log(`      cut: ${cut[cut.length - 1]}`);
      }
    };
    await expand(wb.page, homeName);
    for (const a of emu.world.billing.accounts.filter((x) => x.tenantId === emu.tenantId)) {
      // The account's name is what a person knows it by; its agreement (MCA, EA…) comes after and may
      // be cut for a long name, as its children and tooltip say it too.
      await check('billing account', a.displayName, [a.displayName], 0, 30_000);
    }
    await expand(wb.page, account.displayName);
    for (const p of account.profiles) {await check('billing profile', p.displayName, [p.displayName, p.statusReasonCode === 'PastDue' ? 'Past due' : p.currency]);}
    await expand(wb.page, profile.displayName);

    const credits = emu.world.billing.credits(profile)!;
    await expand(wb.page, 'Credits');
    await check('Credits', 'Credits', ['Credits', money(credits.summary.currentBalanceCents, credits.summary.currency)], 0, 30_000);
    // A lot's label is its source in a word ("Promotional", "Prepaid", "MACC"); its description begins with what is left.
    const sources: Record<string, string> = { PromotionalCredit: 'Promotional', PurchasedCredit: 'Prepaid' };
    const lotsBySource = new Map<string, number>();
    for (const lot of credits.lots) {
      const source = sources[lot.source] ?? 'MACC';
      const nth = lotsBySource.get(source) ?? 0;
      lotsBySource.set(source, nth + 1);
      // Lots of one source are listed in the order Azure gives them, as here.
      await check('credit lot', source, [source, `${money(lot.closedBalanceCents, lot.currency)} left`], nth);
    }
    await treeRow(wb.page, 'Credits').first().click();
    await check('Credit events', 'Credit events', ['Credit events']);

    await expand(wb.page, 'Invoices');
    await check('Invoices', 'Invoices', ['Invoices']);
    const invoices = emu.world.billing
      .invoicesOfProfile(profile)
      .filter((i) => i.invoiceDate >= daysBefore(today(), 364) && i.invoiceDate <= today());
    assert.ok(invoices.length > 0, 'the profile has invoices in the last year');
    const states: Record<string, string> = { Paid: 'Paid', Due: 'due', OverDue: 'Overdue', Void: 'Void' };
    for (const invoice of invoices) {
      await check('invoice', invoice.name, [invoice.name, money(invoice.totalCents, invoice.currency), states[invoice.status] ?? invoice.status]);
    }
    await readmePicture('explorer');
    await treeRow(wb.page, 'Invoices').first().click();

    await expand(wb.page, 'Invoice sections');
    for (const section of profile.sections) {await check('invoice section', section.displayName, [section.displayName]);}
    await expand(wb.page, 'Subscriptions');
    const subscriptions = emu.world.subscriptions.filter((s) => profile.subscriptions.some((p) => p.subscriptionId === s.subscriptionId));
    assert.ok(subscriptions.length > 0, 'the profile pays for subscriptions');
    // The billing API reports Enabled as Active, Disabled as Inactive, Warned and PastDue as Warning ("Warned").
    const trouble: Record<string, string | undefined> = { Disabled: 'Inactive', Warned: 'Warned', PastDue: 'Warned' };
    for (const s of subscriptions) {
      const words = [s.displayName, ...(trouble[s.state] ? [trouble[s.state]!] : [])];
      await check('subscription', s.displayName, words);
    }
    await wb.screenshot('first-impressions-1-tree');
    assert.deepStrictEqual(cut, [], `cut or missing:\n${cut.join('\n')}`);
  });

  test('the credit events table fits its panel, and axe finds nothing serious in it', async () => {
    await runFromPalette(wb.page, 'azureBilling.showCreditEvents');
    await pick(wb.page, profile.displayName);
    await pick(wb.page, 'Last 12 months');
    const frame = await visibleWebviewFrame(wb.page, 'h1', `Credit events — ${profile.displayName}`);
    await frame.locator('table.data tbody tr').first().waitFor({ timeout: 30_000 });
    const overflow = await horizontalOverflow(frame, '.scroller');
    await wb.screenshot('first-impressions-2-credit-events');
    await readmePicture('credit-events');
    const problems = await axeCheck(frame, 'credit events table');
    // From the heading, Tab goes to Export CSV and then along the column headings, each outlined.
    const columns = (await frame.locator('thead th').allTextContents()).map((t) => t.trim());
    const order = await tabOrder(wb.page, frame, 'h1', columns.length + 1);
    assert.deepStrictEqual(order.map((o) => o.text), ['Export CSV', ...columns], 'keyboard order');
    assert.deepStrictEqual(order.filter((o) => !o.outlined).map((o) => o.text), [], 'every focused control shows the focus');
    assert.deepStrictEqual(overflow, { scroller: 0, page: 0 }, 'no horizontal scrolling');
    assert.strictEqual(problems, '');
  });

  test('the invoices table fits its panel, and axe finds nothing serious in it', async () => {
    await runFromPalette(wb.page, 'azureBilling.showInvoices');
    await pick(wb.page, profile.displayName);
    await pick(wb.page, 'Last 12 months');
    const frame = await visibleWebviewFrame(wb.page, 'h1', `Invoices — ${profile.displayName}`);
    await frame.locator('table.data tbody tr').first().waitFor({ timeout: 30_000 });
    const overflow = await horizontalOverflow(frame, '.scroller');
    await wb.screenshot('first-impressions-3-invoices');
    const problems = await axeCheck(frame, 'invoices table');
    assert.deepStrictEqual(overflow, { scroller: 0, page: 0 }, 'no horizontal scrolling');
    assert.strictEqual(problems, '');
  });

  test('the usage panel: its daily table with six groups fits, and axe finds nothing serious in any view', async () => {
    // The profile's subscription with the most meter categories last month: six or more, so the
    // table has six group columns (and "Other" past six), the widest it gets.
    const period = lastMonth();
    let widest: { subscriptionId: string; displayName: string; groups: number } | undefined;
    for (const s of profile.subscriptions) {
      const groups = (await emulatorCost(wb.emulator, s.subscriptionId, period, 'MeterCategory')).size;
      if (!widest || groups > widest.groups) {widest = { subscriptionId: s.subscriptionId, displayName: s.displayName, groups };}
    }
    assert.ok(widest && widest.groups >= 6, `a subscription has six meter categories with cost last month (${widest?.groups})`);
    await expand(wb.page, homeName);
    await expand(wb.page, account.displayName);
    await expand(wb.page, profile.displayName);
    const row = treeRow(wb.page, widest.displayName).first();
    if (!(await row.isVisible())) {
      // Below the profile, after its Invoices, Invoice sections and Subscriptions folders.
      await expand(wb.page, 'Subscriptions');
    }
    await row.waitFor({ timeout: 30_000 });
    await row.scrollIntoViewIfNeeded();
    await row.click({ button: 'right' });
    const item = wb.page.locator('.monaco-menu .action-item', { hasText: paletteTitle('azureBilling.showUsageAndCost').split(': ').pop()! }).first();
    await item.waitFor({ timeout: 10_000 });
    for (let i = 0; i < 12 && !(await item.evaluate((e: { classList: ClassListLike }) => e.classList.contains('focused'))); i++) {await wb.page.keyboard.press('ArrowDown');}
    await wb.page.keyboard.press('Enter');

    const problems: string[] = [];
    const frame = await visibleWebviewFrame(wb.page, 'body[aria-busy="false"] h1', widest.displayName);
    problems.push(await axeCheck(frame, 'usage panel, as it opens'));

    // Last month, grouped by meter category (the panel's default grouping).
    await frame.locator('#period').selectOption('lastMonth');
    // The heading names the period once the answer for it is shown ("Nov 1, 2026 to Nov 30, 2026").
    const day = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`));
    await frame.locator('h1', { hasText: `${day(period.from)} to ${day(period.to)}` }).waitFor({ timeout: 60_000 });
    const columns = Math.min(widest.groups, 6) + (widest.groups > 6 ? 1 : 0);
    // Date, one column per group, Total and Cumulative.
    await frame.locator(`body[aria-busy="false"] .table-box table.data-table thead th:nth-child(${columns + 3})`).waitFor({ timeout: 60_000 });
    assert.strictEqual(await frame.locator('.table-box table.data-table').first().locator('thead th').count(), columns + 3);
    const overflow = await horizontalOverflow(frame, '.table-box');
    await wb.screenshot('first-impressions-4-usage-panel');
    problems.push(await axeCheck(frame, 'usage panel, cost view (chart and daily table)'));

    // The page redraws its toolbar with every message from the host; a click that lands while the
    // buttons are replaced is lost, so a view is clicked until it is the pressed one.
    const chooseView = async (view: string) => {
      const pressed = frame.locator(`.segmented button[data-view="${view}"][aria-pressed="true"]`);
      for (let attempt = 1; ; attempt++) {
        await frame.locator(`.segmented button[data-view="${view}"]`).click();
        if (await pressed.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {break;}
        if (attempt >= 5) {throw new Error(`the ${view} view did not open`);}
      }
      await frame.locator('body[aria-busy="false"]').waitFor({ timeout: 60_000 });
    };
    for (const view of ['usage', 'hourly']) {
      if (await frame.locator(`.segmented button[data-view="${view}"]`).isDisabled()) {continue;}
      await chooseView(view);
      problems.push(await axeCheck(frame, `usage panel, ${view} view`));
    }
    await chooseView('cost');
    await frame.locator('body[aria-busy="false"] .legend-entry').first().waitFor({ timeout: 60_000 });
    await readmePicture('usage-panel');
    assert.deepStrictEqual(overflow, { scroller: 0, page: 0 }, 'no horizontal scrolling');
    assert.strictEqual(problems.filter(Boolean).join('\n'), '');
  });
});
