// The extension manifest as VS Code reads it: what activates the extension, which commands,
// views and settings exist, and that everything they point at is there.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../support/paths';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const manifest: any = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const declared = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));

/** Every file under src/ as text, to find where commands are registered. */
function sourceText(): string {
  const parts: string[] = [];
  (function walk(dir: string) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) parts.push(fs.readFileSync(full, 'utf8'));
    }
  })(path.join(repoRoot, 'src'));
  return parts.join('\n');
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('views: extension manifest', () => {
  it('activates only through its contributions, never at start-up', () => {
    const events: string[] = manifest.activationEvents ?? [];
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `activationEvents: ${events.join(', ')}`);
    assert.equal(manifest.main, './dist/extension.js');
    assert.match(manifest.engines.vscode, /^\^1\.105\./);
  });

  it('puts the Azure Billing container in the activity bar with the Billing Accounts tree in it', () => {
    const container = contributes.viewsContainers.activitybar.find((c: { id: string }) => c.id === 'azureBilling');
    assert.ok(container, 'no azureBilling view container');
    assert.ok(fs.existsSync(path.join(repoRoot, container.icon)), `missing ${container.icon}`);
    assert.deepEqual(contributes.views.azureBilling.map((v: { id: string }) => v.id), ['azureBilling.explorer']);
  });

  it('offers a Sign in button in the view while signed out', () => {
    const welcome = contributes.viewsWelcome.find((w: { when: string }) => w.when === 'azureBilling.signInState == signedOut');
    assert.ok(welcome, 'no welcome content for the signed-out state');
    const text = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8'))[welcome.contents.replace(/%/g, '')];
    assert.match(text, /\n\[[^\]]+\]\(command:azureBilling\.signIn\)\n/, 'a button is a link alone on its line');
  });

  it('declares every command a menu shows, each with a codicon, and registers each in code', () => {
    const source = sourceText();
    for (const command of contributes.commands) {
      assert.match(command.icon ?? '', /^\$\([a-z-]+\)$/, `${command.command} has no codicon`);
      assert.ok(source.includes(`'${command.command}'`), `${command.command} is declared but never registered`);
    }
    for (const [menu, items] of Object.entries(contributes.menus) as Array<[string, Array<{ command: string }>]>) {
      for (const item of items) assert.ok(declared.has(item.command), `${menu} shows undeclared ${item.command}`);
    }
    for (const id of ['azureBilling.signIn', 'azureBilling.signOut', 'azureBilling.refresh']) assert.ok(declared.has(id), id);
  });

  it('describes the sign-in and cloud settings with the documented choices', () => {
    const props = contributes.configuration.properties;
    assert.deepEqual(props['azureBilling.authentication'].enum, ['editor', 'azureCli', 'servicePrincipal', 'managedIdentity']);
    assert.equal(props['azureBilling.authentication'].default, 'editor');
    assert.deepEqual(props['azureBilling.cloud'].enum, ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment', 'Custom']);
    assert.deepEqual(Object.keys(props['azureBilling.customCloud'].properties), ['resourceManagerEndpoint', 'authorityHost', 'retailPricesEndpoint', 'audience']);
    for (const [key, prop] of Object.entries(props) as Array<[string, { description?: string; markdownDescription?: string }]>) {
      assert.ok(prop.description || prop.markdownDescription, `${key} has no description`);
    }
  });

  it('lets only the person, never a workspace, decide where credentials go', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    const props = contributes.configuration.properties as Record<string, { scope?: string }>;
    // Any setting that names a sign-in method, a cloud, a host or an authority decides where a
    // token or a secret is sent: a repository's .vscode/settings.json must not be able to set it.
    const credentialSettings = Object.keys(props).filter((k) => /authentication|cloud|endpoint|authority|audience|host/i.test(k));
    assert.deepEqual(credentialSettings.sort(), ['azureBilling.authentication', 'azureBilling.cloud', 'azureBilling.customCloud']);
    for (const key of credentialSettings) assert.ok(['machine', 'application'].includes(props[key].scope ?? ''), `${key} has scope ${props[key].scope ?? '(window)'}`);
  });

  it('hides every download action until the workspace is trusted', () => {
    const downloads = Object.values(contributes.menus as Record<string, Array<{ command: string; when?: string }>>)
      .flat()
      .filter((item) => /^azureBilling\.download/.test(item.command));
    for (const item of downloads) assert.match(item.when ?? '', /\bisWorkspaceTrusted\b/, `${item.command} shows in untrusted workspaces`);
  });

  it('has a 128×128 PNG icon and the fields a marketplace listing needs', () => {
    assert.deepEqual(pngSize(path.join(repoRoot, manifest.icon)), { width: 128, height: 128 });
    assert.equal(manifest.license, 'MIT');
    assert.ok(fs.existsSync(path.join(repoRoot, 'LICENSE')) && fs.existsSync(path.join(repoRoot, 'CHANGELOG.md')));
    assert.ok(manifest.repository?.url && manifest.categories?.length && manifest.keywords?.length);
    assert.equal(manifest.l10n, './l10n');
  });
});
