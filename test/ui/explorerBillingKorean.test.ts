// The billing tree and a download in Korean, as a person whose editor speaks Korean sees them: the
// folder names, the balance and amounts formatted the Korean way, the context menu's Korean title,
// and the PDF byte-identical to the emulator's document.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderInvoicePdf } from '../emulator/pdf/invoicePdf';
import type { Emulator } from '../emulator/server';
import { emulators } from './support/harness';
import { activityBarTitle, localized } from './support/manifest';
import { activityBarItem, openWorkbench, screenshotOnFailure, treeRow, Workbench } from './support/workbench';

/** The part of a DOM element's classList these tests read (the DOM's types are not in this project's libs). */
type DOMTokenListLike = { contains(token: string): boolean };

const won = (cents: number, currency: string) => new Intl.NumberFormat('ko', { style: 'currency', currency }).format(cents / 100);

suite('Billing explorer in Korean, as a person', function () {
  this.timeout(240_000);
  let wb: Workbench;
  let emu: Emulator;

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'ui-explorer-billing-ko', locale: 'ko' });
    emu = wb.emulator as unknown as Emulator;
    await activityBarItem(wb.page, activityBarTitle('ko')).click();
  });
  suiteTeardown(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb, 'explorer-billing-ko');

  test('shows 크레딧 with the balance in Korean formatting, and downloads an invoice from the Korean menu', async () => {
    const account = emu.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement' && a.tenantId === emu.tenantId)!;
    const profile = account.profiles.find((p) => p.currency === 'EUR')!;
    const home = (await emulators.listTenants(wb.emulator)).find((t) => t.tenantId === emu.tenantId)!;
    for (const label of [home.displayName, account.displayName, profile.displayName]) {
      const row = treeRow(wb.page, label).first();
      await row.waitFor({ timeout: 30_000 });
      if ((await row.getAttribute('aria-expanded')) !== 'true') { await row.click(); }
    }
    const summary = emu.world.billing.credits(profile)!.summary;
    const credits = treeRow(wb.page, '크레딧').first();
    // The current balance comes first and alone, in Korean formatting.
    await credits.filter({ hasText: won(summary.currentBalanceCents, summary.currency) }).waitFor({ timeout: 30_000 });

    const invoices = treeRow(wb.page, '청구서').first();
    await invoices.click();
    const today = new Date().toISOString().slice(0, 10);
    const newest = emu.world.billing
      .invoicesOfProfile(profile)
      .filter((i) => i.invoiceDate <= today)
      .sort((a, b) => (a.invoiceDate < b.invoiceDate ? 1 : -1))[0];
    const row = treeRow(wb.page, newest.name).first();
    await row.waitFor({ timeout: 30_000 });
    assert.ok(((await row.textContent()) ?? '').includes(won(newest.totalCents, newest.currency)), 'the amount in Korean formatting');
    await wb.screenshot('explorer-billing-ko-1-tree');

    await row.click({ button: 'right' });
    const title = localized('%command.downloadInvoice%', 'ko');
    const item = wb.page.locator('.monaco-menu .action-item', { hasText: title }).first();
    await item.waitFor({ timeout: 10_000 });
    for (let i = 0; i < 8 && !(await item.evaluate((e: { classList: DOMTokenListLike }) => e.classList.contains('focused'))); i++) { await wb.page.keyboard.press('ArrowDown'); }
    await wb.page.keyboard.press('Enter');
    const file = path.join(wb.server.dirs.workspace, 'invoices', profile.displayName, `${newest.name}.pdf`);
    const until = Date.now() + 30_000;
    while (!fs.existsSync(file) && Date.now() < until) { await new Promise((r) => setTimeout(r, 200)); }
    const expected = renderInvoicePdf({ invoice: newest, document: newest.documents[0], account, profileDisplayName: profile.displayName });
    assert.ok(fs.readFileSync(file).equals(expected), 'byte-identical to the emulator\'s document');
    await wb.page.locator('.notifications-toasts', { hasText: `청구서 ${newest.name}` }).first().waitFor({ timeout: 30_000 });
    await wb.screenshot('explorer-billing-ko-2-downloaded');
  });
});
