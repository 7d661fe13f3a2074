// The packaged extension, installed from its .vsix into a fresh VS Code the way a person installs
// it, works: every file its manifest refers to is there, it activates, and its tree shows the
// emulator's directories and billing accounts. A file that .vscodeignore left out fails here
// instead of for the people who install it. Run by scripts/vsix-tests.js with AZURE_BILLING_VSIX.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { directoriesOf } from '../support/directories';
import { extensionHostLog, extensionLog } from '../support/hostLogs';
import { activityBarTitle, Manifest } from '../support/manifest';
import { activityBarItem, openWorkbench, screenshotOnFailure, treeRow, Workbench } from '../support/workbench';

const EXTENSION_ID = 'azure-billing-insight.azure-billing-insight';

/** Paths (relative to the extension folder) that the manifest names and the editor will load. */
function filesNamedBy(manifest: Manifest): string[] {
  const files = new Set<string>();
  const add = (p: unknown) => {
    if (typeof p === 'string' && !p.startsWith('$(')) { files.add(p.replace(/^\.\//, '')); }
  };
  add(manifest.main);
  add(manifest.browser);
  add(manifest.icon);
  const c = manifest.contributes ?? {};
  for (const containers of Object.values(c.viewsContainers ?? {})) { containers.forEach((v) => add(v.icon)); }
  for (const views of Object.values(c.views ?? {})) { views.forEach((v) => add(v.icon)); }
  for (const command of c.commands ?? []) {
    if (command.icon && typeof command.icon === 'object') { Object.values(command.icon).forEach(add); }
    else { add(command.icon); }
  }
  return [...files].filter((f) => f.length > 0);
}

suite('The packaged .vsix installed into VS Code', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let installed: string;

  suiteSetup(async () => {
    const vsix = process.env.AZURE_BILLING_VSIX;
    assert.ok(vsix && fs.existsSync(vsix), 'AZURE_BILLING_VSIX names the packaged extension');
    wb = await openWorkbench({ name: 'vsix', vsix });
    const folder = fs.readdirSync(wb.server.dirs.extensions).find((f) => f.startsWith(`${EXTENSION_ID}-`));
    assert.ok(folder, `the server installed ${EXTENSION_ID} into its extensions folder`);
    installed = path.join(wb.server.dirs.extensions, folder);
  });

  suiteTeardown(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb, 'vsix');

  test('every file the manifest refers to is in the package', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as Manifest;
    const named = filesNamedBy(manifest);
    assert.ok(manifest.main, 'package.json names an entry point');
    assert.ok(named.includes(manifest.main.replace(/^\.\//, '')), 'the entry point is among the checked files');
    assert.deepStrictEqual(named.filter((f) => !fs.existsSync(path.join(installed, f))), [], 'named by package.json but missing from the .vsix');
  });

  test('every bundle the entry point requires on first use is in the package', () => {
    // dist/extension.js requires these by relative path when first needed (the sign-in libraries,
    // the budget wizard); a package without one fails only when a person gets there.
    const main = fs.readFileSync(path.join(installed, 'dist', 'extension.js'), 'utf8');
    const required = [...new Set([...main.matchAll(/require\("\.\/([\w.-]+\.js)"\)/g)].map((m) => m[1]))];
    assert.ok(required.includes('azextUtils.js') && required.includes('identity.js'), `lazily required: ${required.join(', ')}`);
    assert.deepStrictEqual(required.filter((f) => !fs.existsSync(path.join(installed, 'dist', f))), [], 'required by dist/extension.js but missing from the .vsix');
  });

  test('the Korean translation ships with the English one', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as Manifest;
    for (const f of ['package.nls.json', 'package.nls.ko.json']) { assert.ok(fs.existsSync(path.join(installed, f)), `${f} is in the package`); }
    if (manifest.l10n) {
      for (const f of ['bundle.l10n.json', 'bundle.l10n.ko.json']) {
        const file = path.join(installed, manifest.l10n, f);
        // The English bundle is optional (the source strings are English); the Korean one is not.
        if (f.includes('.ko.') || fs.existsSync(file)) { assert.ok(fs.existsSync(file), `${manifest.l10n}/${f} is in the package`); }
      }
    }
  });

  test('clicking Azure Billing shows the directories and billing accounts from the installed package', async () => {
    const directories = await directoriesOf(wb.emulator);
    await activityBarItem(wb.page, activityBarTitle()).click();
    for (const directory of directories) { await treeRow(wb.page, directory.name).waitFor({ timeout: 30_000 }); }
    const withAccounts = directories.find((d) => d.accounts.length > 0);
    assert.ok(withAccounts, 'the emulator world has billing accounts');
    const row = treeRow(wb.page, withAccounts.name);
    if ((await row.getAttribute('aria-expanded')) !== 'true') { await row.click(); }
    for (const account of withAccounts.accounts) { await treeRow(wb.page, account).waitFor({ timeout: 30_000 }); }
    await wb.screenshot('vsix-installed');
  });

  test('the extension host activated the installed extension without errors', () => {
    const log = extensionHostLog(wb.server);
    assert.match(log, new RegExp(`_doActivateExtension ${EXTENSION_ID.replace(/\./g, '\\.')}\\b`), 'the extension host activated it');
    assert.doesNotMatch(log, new RegExp(`Activating extension '?${EXTENSION_ID.replace(/\./g, '\\.')}'? failed`));
    const own = extensionLog(wb.server, EXTENSION_ID);
    const activated = /activated in ([\d.]+) ms/.exec(own);
    if (activated) { console.log(`      the extension's log: activated in ${activated[1]} ms`); }
  });
});
