// As a person: open the Azure Billing view, expand an MCA account down to a credit lot and to an
// invoice, download the invoice from its context menu and from the command palette (the PDF in the
// workspace is byte-identical to the emulator's document), and open the credit events table, whose
// rows and per-currency totals match the emulator's ledger. Screenshots are kept.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { renderInvoicePdf } from '../emulator/pdf/invoicePdf';
import type { Emulator } from '../emulator/server';
import type { WorldBillingAccount, WorldBillingProfile, WorldInvoice } from '../emulator/world/billing/types';
import { emulators } from './support/harness';
import { activityBarTitle, paletteTitle } from './support/manifest';
import { activityBarItem, openWorkbench, screenshotOnFailure, treeRow, Workbench } from './support/workbench';

/** The part of a DOM element's classList these tests read (the DOM's types are not in this project's libs). */
type DOMTokenListLike = { contains(token: string): boolean };

const usd = (cents: number, currency = 'USD') => new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
const today = () => new Date().toISOString().slice(0, 10);
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Expands a tree row (if it is not already) and returns it. */
async function expand(page: Page, label: string) {
  const row = treeRow(page, label).first();
  await row.waitFor({ timeout: 30_000 });
  await row.scrollIntoViewIfNeeded();
  if ((await row.getAttribute('aria-expanded')) !== 'true') { await row.click(); }
  return row;
}

async function waitForFile(file: string, timeoutMs = 30_000): Promise<Buffer> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (fs.existsSync(file)) {
      const bytes = fs.readFileSync(file);
      if (bytes.length > 0) { return bytes; }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${path.basename(file)} did not appear in the workspace`);
}

async function runFromPalette(page: Page, commandId: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${paletteTitle(commandId)}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: paletteTitle(commandId) }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Picks the quick-pick entry whose label is `label`, once the list has loaded it. */
async function pick(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

suite('Billing explorer, downloads and the events table, as a person', function () {
  this.timeout(240_000);
  let wb: Workbench;
  let emu: Emulator;
  let account: WorldBillingAccount;
  let profile: WorldBillingProfile;
  let homeName: string;

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'ui-explorer-billing' });
    // The harness runs the emulator in this process: its world is the independent truth.
    emu = wb.emulator as unknown as Emulator;
    account = emu.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement' && a.tenantId === emu.tenantId)!;
    profile = account.profiles.find((p) => p.currency === 'USD')!;
    homeName = (await emulators.listTenants(wb.emulator)).find((t) => t.tenantId === emu.tenantId)!.displayName;
    await activityBarItem(wb.page, activityBarTitle()).click();
  });
  suiteTeardown(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb, 'explorer-billing');

  const invoicesOfYear = (): WorldInvoice[] =>
    emu.world.billing
      .invoicesOfProfile(profile)
      .filter((i) => i.invoiceDate >= daysBefore(today(), 364) && i.invoiceDate <= today())
      .sort((a, b) => (a.invoiceDate < b.invoiceDate ? 1 : -1));

  const expectedPdf = (invoice: WorldInvoice) => renderInvoicePdf({ invoice, document: invoice.documents[0], account, profileDisplayName: profile.displayName });
  const savedFile = (invoice: WorldInvoice) => path.join(wb.server.dirs.workspace, 'invoices', profile.displayName, `${invoice.name}.pdf`);

  test('expands the MCA account down to a credit lot, with its balance', async () => {
    await expand(wb.page, homeName);
    await expand(wb.page, account.displayName);
    await expand(wb.page, profile.displayName);
    const credits = await expand(wb.page, 'Credits');
    const summary = emu.world.billing.credits(profile)!.summary;
    await credits.filter({ hasText: usd(summary.currentBalanceCents, summary.currency) }).waitFor({ timeout: 30_000 });
    const lot = emu.world.billing.credits(profile)!.lots.find((l) => l.status === 'Active')!;
    const source = lot.source === 'PromotionalCredit' ? 'Promotional' : lot.source === 'PurchasedCredit' ? 'Prepaid' : 'MACC';
    // The lot's label is its source in a word; its description reads "$x left · … · of $original".
    const row = treeRow(wb.page, source).filter({ hasText: `of ${usd(lot.originalCents, lot.currency)}` }).first();
    await row.waitFor({ timeout: 30_000 });
    assert.match((await row.textContent()) ?? '', new RegExp(usd(lot.closedBalanceCents, lot.currency).replace(/[$.]/g, '\\$&')));
    await wb.screenshot('explorer-billing-1-credit-lot');
    await treeRow(wb.page, 'Credits').first().click();
  });

  test('expands Invoices down to the newest invoice, with amount and due date', async () => {
    await expand(wb.page, 'Invoices');
    const newest = invoicesOfYear()[0];
    const row = treeRow(wb.page, newest.name).first();
    await row.waitFor({ timeout: 30_000 });
    assert.ok(((await row.textContent()) ?? '').includes(usd(newest.totalCents, newest.currency)));
    await wb.screenshot('explorer-billing-2-invoices');
  });

  test('Download Invoice from the context menu puts the emulator\'s PDF, byte for byte, into the workspace', async () => {
    const invoice = invoicesOfYear()[0];
    const row = treeRow(wb.page, invoice.name).first();
    await row.scrollIntoViewIfNeeded();
    await row.click({ button: 'right' });
    const item = wb.page.locator('.monaco-menu .action-item', { hasText: 'Download Invoice...' }).first();
    await item.waitFor({ timeout: 10_000 });
    // VS Code's menus act on the keyboard as a person's arrow keys and Enter: go down to the item.
    for (let i = 0; i < 8 && !(await item.evaluate((e: { classList: DOMTokenListLike }) => e.classList.contains('focused'))); i++) { await wb.page.keyboard.press('ArrowDown'); }
    assert.ok(await item.evaluate((e: { classList: DOMTokenListLike }) => e.classList.contains('focused')), 'the menu item is selected');
    await wb.page.keyboard.press('Enter');
    const bytes = await waitForFile(savedFile(invoice));
    assert.ok(bytes.equals(expectedPdf(invoice)), `${invoice.name}.pdf equals the emulator's document`);
    await wb.page.locator('.notifications-toasts', { hasText: invoice.name }).first().waitFor({ timeout: 30_000 });
    await wb.screenshot('explorer-billing-3-downloaded-from-menu');
  });

  test('Download Invoice from the palette asks for the profile and the invoice', async () => {
    const invoice = invoicesOfYear()[1];
    await runFromPalette(wb.page, 'azureBilling.downloadInvoice');
    await pick(wb.page, profile.displayName);
    await pick(wb.page, invoice.name);
    const bytes = await waitForFile(savedFile(invoice));
    assert.ok(bytes.equals(expectedPdf(invoice)), `${invoice.name}.pdf equals the emulator's document`);
    await wb.screenshot('explorer-billing-4-downloaded-from-palette');
  });

  test('Cancel on the download\'s progress leaves nothing behind', async () => {
    const invoice = invoicesOfYear()[2];
    // Azure takes its time preparing this document, long enough for a person to change their mind.
    emu.faults.add({ kind: 'latency', latencyMs: 4000, path: '/operationResults/', times: 1 });
    const started = Date.now();
    const row = treeRow(wb.page, invoice.name).first();
    await row.scrollIntoViewIfNeeded();
    await row.click({ button: 'right' });
    const item = wb.page.locator('.monaco-menu .action-item', { hasText: 'Download Invoice...' }).first();
    await item.waitFor({ timeout: 10_000 });
    for (let i = 0; i < 8 && !(await item.evaluate((e: { classList: DOMTokenListLike }) => e.classList.contains('focused'))); i++) { await wb.page.keyboard.press('ArrowDown'); }
    await wb.page.keyboard.press('Enter');
    const toast = wb.page.locator('.notification-toast', { hasText: `Downloading invoice ${invoice.name}` }).first();
    await toast.waitFor({ timeout: 15_000 });
    await wb.screenshot('explorer-billing-6-download-in-progress');
    await toast.getByRole('button', { name: 'Cancel' }).click();
    await toast.waitFor({ state: 'hidden', timeout: 15_000 });
    const folder = path.join(wb.server.dirs.workspace, 'invoices', profile.displayName);
    // Past the moment the document would have arrived, had the download gone on.
    await new Promise((r) => setTimeout(r, Math.max(0, started + 6000 - Date.now())));
    const left = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    assert.ok(!left.some((n) => n.startsWith(invoice.name) || n.endsWith('.part')), `nothing of ${invoice.name} in ${left.join(', ')}`);
    emu.faults.clear();
  });

  test('Show Credit Events shows the emulator\'s rows, and its totals equal them', async () => {
    await runFromPalette(wb.page, 'azureBilling.showCreditEvents');
    await pick(wb.page, profile.displayName);
    await pick(wb.page, 'Last 90 days');
    const from = daysBefore(today(), 89);
    const events = emu.world.billing.credits(profile)!.events.filter((e) => e.transactionDate >= from && e.transactionDate <= today());
    assert.ok(events.length > 0, 'the ledger has events in the last 90 days');
    const frame = wb.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await frame.locator('table.data tbody tr').first().waitFor({ timeout: 30_000 });
    assert.strictEqual(await frame.locator('table.data tbody tr').count(), events.length);
    const currencies = [...new Set(events.map((e) => e.currency))];
    for (const currency of currencies) {
      const mine = events.filter((e) => e.currency === currency);
      const charges = mine.reduce((s, e) => s + e.chargesCents, 0);
      const cell = frame.locator(`tfoot tr[data-currency="${currency}"] td[data-column="charges"]`);
      assert.strictEqual((await cell.textContent())?.trim(), usd(charges, currency));
    }
    // Sorting by a column is a click on its header.
    await frame.locator('th button[data-column="charges"]').click();
    const first = await frame.locator('table.data tbody tr').first().locator('td[data-column="charges"]').textContent();
    const smallest = Math.min(...events.map((e) => e.chargesCents));
    assert.strictEqual(first?.trim(), usd(smallest, events[0].currency), 'ascending: the smallest charge first');
    await wb.screenshot('explorer-billing-5-events-table');

    // The table's Export button writes the same rows as CSV beside the profile's invoices.
    await frame.locator('button.export').click();
    const csv = (await waitForFile(path.join(wb.server.dirs.workspace, 'invoices', profile.displayName, `credit-events-${from}_${today()}.csv`))).toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    assert.strictEqual(lines.length, events.length + 1, 'a header and one line per event');
    for (const e of events) { assert.ok(lines.some((l) => l.startsWith(`"${e.transactionDate}",`) && l.includes(`,${e.chargesCents / 100},`)), `a line for ${e.name}`); }
  });
});
