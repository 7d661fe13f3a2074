// A person clicks the Azure Billing icon in the activity bar and sees their directories and the
// billing accounts in them: the emulator's, read from its API, in English and in Korean.
import * as assert from 'assert';
import { Directory, directoriesOf } from './support/directories';
import { activityBarTitle, explorerViewName } from './support/manifest';
import { activityBarItem, openWorkbench, screenshotOnFailure, sideBarTitle, treeRow, Workbench } from './support/workbench';

for (const { locale, language } of [{ locale: undefined, language: 'English' }, { locale: 'ko', language: 'Korean' }]) {
  suite(`The Azure Billing view in ${language}`, function () {
    this.timeout(180_000);
    let wb: Workbench;
    let directories: Directory[];
    const tag = locale ?? 'en';

    suiteSetup(async () => {
      wb = await openWorkbench({ name: `ui-accounts-${tag}`, locale });
      directories = await directoriesOf(wb.emulator);
      assert.ok(directories.some((d) => d.accounts.length > 0), 'the emulator world has billing accounts');
    });

    suiteTeardown(async () => {
      await wb?.close();
    });
    screenshotOnFailure(() => wb, `accounts-${tag}`);

    test('the activity-bar icon carries the extension title in the display language', async () => {
      const icon = activityBarItem(wb.page, activityBarTitle(locale));
      await icon.waitFor({ timeout: 30_000 });
      if (locale === 'ko') { assert.match(activityBarTitle(locale), /[\uAC00-\uD7A3]/, 'the Korean title is in Hangul'); }
    });

    test('clicking it shows the Billing Accounts view with one node per directory', async () => {
      await activityBarItem(wb.page, activityBarTitle(locale)).click();
      await sideBarTitle(wb.page).filter({ hasText: explorerViewName(locale) }).waitFor({ timeout: 30_000 });
      for (const directory of directories) { await treeRow(wb.page, directory.name).waitFor({ timeout: 30_000 }); }
    });

    test('expanding a directory shows the billing accounts the emulator has there', async () => {
      for (const directory of directories.filter((d) => d.accounts.length > 0)) {
        const row = treeRow(wb.page, directory.name);
        if ((await row.getAttribute('aria-expanded')) !== 'true') { await row.click(); }
        for (const account of directory.accounts) { await treeRow(wb.page, account).waitFor({ timeout: 30_000 }); }
      }
      await wb.screenshot(`accounts-${tag}`);
    });
  });
}
