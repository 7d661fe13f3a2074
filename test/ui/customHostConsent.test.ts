// A Custom cloud's host gets no credential until the person allows it: the first sign-in shows a
// modal question that names the host, nothing reaches the host before the answer, and after
// "Allow" the accounts load. (Other UI tests start with the host already allowed.)
import * as assert from 'assert';
import { Directory, directoriesOf } from './support/directories';
import { activityBarTitle } from './support/manifest';
import { activityBarItem, openWorkbench, screenshotOnFailure, treeRow, Workbench } from './support/workbench';

suite('Sending credentials to a custom host, as a person', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let directories: Directory[];

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'ui-custom-host-consent', askBeforeSendingCredentials: true });
    directories = await directoriesOf(wb.emulator);
  });
  suiteTeardown(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb, 'custom-host-consent');

  test('the first sign-in names the host and waits for Allow; then the directories load', async () => {
    const { page, emulator } = wb;
    emulator.resetStats();
    await activityBarItem(page, activityBarTitle()).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 60_000 });
    const host = new URL(emulator.baseUrl).origin;
    assert.ok((await dialog.innerText()).includes(host), `the question names ${host}`);
    await wb.screenshot('custom-host-consent');
    // While the question is open, no secret went to the token endpoint and no token to ARM.
    assert.strictEqual(emulator.stats.tokenRequests, 0, 'token requests before the answer');
    assert.strictEqual(emulator.stats.total, 0, `ARM requests before the answer: ${JSON.stringify(emulator.stats.byRoute)}`);
    await dialog.getByRole('button', { name: 'Allow', exact: true }).click();
    for (const directory of directories) { await treeRow(page, directory.name).waitFor({ timeout: 60_000 }); }
  });
});
