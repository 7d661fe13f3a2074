// The status bar and the credit runway as a person meets them: pin a billing profile from the
// tree's context menu, read the status bar's text (spend to date as the emulator's Cost
// Management reports it, and a forecast) and its tooltip, click it and see the usage panel; the
// Credits node says when the credits run out — in English and in Korean.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import type { Emulator } from '../emulator/server';
import { emulatorCostSums } from './support/costQuery';
import { emulators, HostEmulator } from './support/harness';
import { activityBarTitle, localized } from './support/manifest';
import { activityBarItem, chooseFromMenu, openWorkbench, screenshotOnFailure, treeRow, Workbench } from './support/workbench';

/** The emulator's Cost Management total per currency at `scope` over [from, to], in cents. */
function costTotals(emu: HostEmulator, scope: string, from: string, to: string): Promise<Map<string, number>> {
  return emulatorCostSums(emu, scope, { from, to }, 'MeterCategory', 'Currency');
}

const wholeMoney = (cents: number, currency: string, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(cents / 100);

/** The status bar entry of the extension (its accessible name is its text without icons). */
const statusItem = (page: Page) => page.locator('.part.statusbar .statusbar-item').filter({ hasText: /·\s*~/ }).first();

async function openProfile(wb: Workbench, emu: Emulator, currency: string) {
  const account = emu.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement' && a.tenantId === emu.tenantId)!;
  const profile = account.profiles.find((p) => p.currency === currency)!;
  const home = (await emulators.listTenants(wb.emulator)).find((t) => t.tenantId === emu.tenantId)!;
  for (const label of [home.displayName, account.displayName]) {
    const row = treeRow(wb.page, label).first();
    await row.waitFor({ timeout: 30_000 });
    if ((await row.getAttribute('aria-expanded')) !== 'true') {await row.click();}
  }
  const row = treeRow(wb.page, profile.displayName).first();
  await row.waitFor({ timeout: 30_000 });
  return { account, profile, row };
}

for (const locale of ['en', 'ko']) {
  suite(`Status bar and credit runway (${locale})`, function () {
    this.timeout(300_000);
    let wb: Workbench;
    let emu: Emulator;
    const today = new Date().toISOString().slice(0, 10);
    const monthStart = `${today.slice(0, 8)}01`;

    suiteSetup(async () => {
      wb = await openWorkbench({ name: `ui-status-bar-${locale}`, locale: locale === 'en' ? undefined : locale });
      emu = wb.emulator as unknown as Emulator;
      await activityBarItem(wb.page, activityBarTitle(locale)).click();
    });
    suiteTeardown(async () => {
      await wb?.close();
    });
    screenshotOnFailure(() => wb, `status-bar-${locale}`);

    test('pins a billing profile from the context menu: the status bar shows its spend to date and forecast, the tooltip the details, a click the panel', async () => {
      const { account, profile, row } = await openProfile(wb, emu, 'EUR');
      await chooseFromMenu(wb.page, row, localized('%command.pinToStatusBar%', locale));
      const totals = await costTotals(wb.emulator, `providers/Microsoft.Billing/billingAccounts/${account.name}/billingProfiles/${profile.name}`, monthStart, today);
      const toDate = wholeMoney(totals.get('EUR') ?? 0, 'EUR', locale);
      const item = statusItem(wb.page);
      await item.waitFor({ timeout: 60_000 });
      const text = ((await item.textContent()) ?? '').trim();
      assert.ok(text.startsWith(`${toDate} · ~`), `"${text}" starts with the spend to date ${toDate}`);
      assert.ok(!text.includes('|'), 'one currency, one figure');

      await item.hover();
      const hover = wb.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: profile.displayName }).first();
      await hover.waitFor({ timeout: 15_000 });
      const tip = (await hover.textContent()) ?? '';
      for (const words of locale === 'en' ? ['Spend to date', 'Forecast for the billing period', 'Credit runway', 'earliest expiry first', 'Unpin'] : ['현재까지 지출', '청구 기간 예측', '크레딧 소진 예측', '고정 해제']) {
        assert.ok(tip.includes(words), `the tooltip says "${words}": ${tip}`);
      }
      await wb.screenshot(`status-bar-${locale}-1-tooltip`);

      await wb.page.mouse.move(0, 0);
      await item.click();
      const title = locale === 'en' ? `Usage and cost: ${profile.displayName}` : `사용량 및 비용: ${profile.displayName}`;
      await wb.page.locator('.tabs-container .tab', { hasText: title }).first().waitFor({ timeout: 30_000 });
      await wb.screenshot(`status-bar-${locale}-2-panel`);
    });

    test('the Credits node says when the credits run out', async () => {
      const { row } = await openProfile(wb, emu, 'EUR');
      if ((await row.getAttribute('aria-expanded')) !== 'true') {await row.click();}
      const credits = treeRow(wb.page, locale === 'en' ? 'Credits' : '크레딧').first();
      await credits.scrollIntoViewIfNeeded();
      // Dates as each language writes them: "Mar 14, 2027", "2027. 3. 14.".
      const runway = locale === 'en' ? /runs out ~[A-Z][a-z]{2} \d{1,2}, \d{4}|lasts at this spend/ : /~\d{4}\. \d{1,2}\. \d{1,2}\. 소진|현재 지출로는 소진되지 않음/;
      await credits.filter({ hasText: runway }).waitFor({ timeout: 60_000 });
      assert.match((await credits.textContent()) ?? '', runway);
      await wb.screenshot(`status-bar-${locale}-3-credits-runway`);
    });
  });
}
