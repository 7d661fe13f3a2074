// The extension manifest as VS Code reads it: what activates the extension, which commands,
// views and settings exist, and that everything they point at is there.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../support/paths';

/** The parts of package.json these tests read; what VS Code requires of them is asserted below. */
interface PackageJson {
  activationEvents?: string[];
  main: string;
  engines: { vscode: string };
  icon: string;
  license: string;
  l10n: string;
  repository?: { url?: string };
  categories?: string[];
  keywords?: string[];
  capabilities: { untrustedWorkspaces: { supported: string } };
  contributes: {
    commands: Array<{ command: string; title: string; icon?: string }>;
    viewsContainers: { activitybar: Array<{ id: string; icon: string }> };
    views: Record<string, Array<{ id: string }>>;
    viewsWelcome: Array<{ view: string; when: string; contents: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    configuration: { properties: Record<string, { enum?: string[]; default?: unknown; properties?: Record<string, unknown>; description?: string; markdownDescription?: string; scope?: string }> };
    walkthroughs?: Array<{ id: string; title: string; description: string; steps: Array<{ id: string; title: string; description: string; media: { image?: string | Record<string, string>; altText?: string; markdown?: string; svg?: string }; completionEvents?: string[] }> }>;
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
const contributes = manifest.contributes;
const declared = new Set<string>(contributes.commands.map((c) => c.command));

/** Every file under src/ as text, to find where commands are registered. */
function sourceText(): string {
  const parts: string[] = [];
  (function walk(dir: string) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) { walk(full); }
      else if (entry.name.endsWith('.ts')) { parts.push(fs.readFileSync(full, 'utf8')); }
    }
  })(path.join(repoRoot, 'src'));
  return parts.join('\n');
}

const nls = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;
const english = nls('package.nls.json');
const korean = nls('package.nls.ko.json');

/** A manifest string in both languages: a `%key%` must name a string in each nls file. */
function bothLanguages(value: unknown, where: string): { en: string; ko: string } {
  assert.equal(typeof value, 'string', `${where} is missing`);
  const key = /^%([^%]+)%$/.exec(value as string)?.[1];
  assert.ok(key, `${where} is not a %key% the nls files translate: ${String(value)}`);
  assert.ok(english[key]?.trim(), `package.nls.json lacks ${key} (${where})`);
  assert.ok(korean[key]?.trim(), `package.nls.ko.json lacks ${key} (${where})`);
  return { en: english[key], ko: korean[key] };
}

/** The files `vsce package` puts in the .vsix, as vsce itself lists them (after .vscodeignore). */
async function packagedFiles(): Promise<Set<string>> {
  // vsce ships no type declarations; its public API names this function and enum.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vsce = require('@vscode/vsce') as { listFiles(options: { cwd: string; packageManager: number }): Promise<string[]>; PackageManager: { None: number } };
  const files = await vsce.listFiles({ cwd: repoRoot, packageManager: vsce.PackageManager.None });
  return new Set(files.map((f) => f.replace(/\\/g, '/')));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('views: extension manifest', () => {
  it('never activates while the window starts: only after start-up (for a pinned status bar scope) or through its contributions', () => {
    const events = manifest.activationEvents ?? [];
    // onStartupFinished waits until the window is up; activation makes no network call, and the
    // status bar reads nothing unless a scope is pinned (test/suite/statusBar.test.ts).
    assert.ok(!events.includes('*'), `activationEvents: ${events.join(', ')}`);
    assert.ok(events.includes('onStartupFinished'), 'a scope pinned to the status bar comes back after a restart');
    assert.equal(manifest.main, './dist/extension.js');
    assert.match(manifest.engines.vscode, /^\^1\.105\./);
  });

  it('puts the Azure Billing container in the activity bar with the Billing Accounts tree in it', () => {
    const container = contributes.viewsContainers.activitybar.find((c) => c.id === 'azureBilling');
    assert.ok(container, 'no azureBilling view container');
    assert.ok(fs.existsSync(path.join(repoRoot, container.icon)), `missing ${container.icon}`);
    assert.deepEqual(contributes.views.azureBilling.map((v) => v.id), ['azureBilling.explorer']);
  });

  it('offers a Sign in button in the view while signed out', () => {
    const welcome = contributes.viewsWelcome.find((w) => w.when === 'azureBilling.signInState == signedOut');
    assert.ok(welcome, 'no welcome content for the signed-out state');
    const text = nls('package.nls.json')[welcome.contents.replace(/%/g, '')];
    assert.match(text, /\n\[[^\]]+\]\(command:azureBilling\.signIn\)\n/, 'a button is a link alone on its line');
  });

  it('declares every command a menu shows, each with a codicon, and registers each in code', () => {
    const source = sourceText();
    for (const command of contributes.commands) {
      assert.match(command.icon ?? '', /^\$\([a-z-]+\)$/, `${command.command} has no codicon`);
      assert.ok(source.includes(`'${command.command}'`), `${command.command} is declared but never registered`);
    }
    for (const [menu, items] of Object.entries(contributes.menus) as Array<[string, Array<{ command: string }>]>) {
      for (const item of items) { assert.ok(declared.has(item.command), `${menu} shows undeclared ${item.command}`); }
    }
    for (const id of ['azureBilling.signIn', 'azureBilling.signOut', 'azureBilling.refresh']) { assert.ok(declared.has(id), id); }
  });

  it('describes the sign-in and cloud settings with the documented choices', () => {
    const props = contributes.configuration.properties;
    assert.deepEqual(props['azureBilling.authentication'].enum, ['editor', 'azureCli', 'servicePrincipal', 'managedIdentity']);
    assert.equal(props['azureBilling.authentication'].default, 'editor');
    assert.deepEqual(props['azureBilling.cloud'].enum, ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment', 'Custom']);
    assert.deepEqual(Object.keys(props['azureBilling.customCloud'].properties ?? {}), ['resourceManagerEndpoint', 'authorityHost', 'retailPricesEndpoint', 'audience']);
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
    for (const key of credentialSettings) { assert.ok(['machine', 'application'].includes(props[key].scope ?? ''), `${key} has scope ${props[key].scope ?? '(window)'}`); }
  });

  it('hides every download action until the workspace is trusted', () => {
    const downloads = Object.values(contributes.menus as Record<string, Array<{ command: string; when?: string }>>)
      .flat()
      .filter((item) => /^azureBilling\.download/.test(item.command));
    for (const item of downloads) { assert.match(item.when ?? '', /\bisWorkspaceTrusted\b/, `${item.command} shows in untrusted workspaces`); }
  });

  it('has a 128×128 PNG icon and the fields a marketplace listing needs', () => {
    assert.deepEqual(pngSize(path.join(repoRoot, manifest.icon)), { width: 128, height: 128 });
    assert.equal(manifest.license, 'MIT');
    assert.ok(fs.existsSync(path.join(repoRoot, 'LICENSE')) && fs.existsSync(path.join(repoRoot, 'CHANGELOG.md')));
    assert.ok(manifest.repository?.url && manifest.categories?.length && manifest.keywords?.length);
    assert.equal(manifest.l10n, './l10n');
  });

  describe('the getting-started walkthrough', () => {
    const walkthroughs: Array<{ id: string; title: string; description: string; steps: Step[] }> = contributes.walkthroughs ?? [];
    interface Step {
      id: string;
      title: string;
      description: string;
      media: { image?: string | Record<string, string>; altText?: string; markdown?: string; svg?: string };
      completionEvents?: string[];
    }
    const views = new Set<string>(Object.values(contributes.views as Record<string, Array<{ id: string }>>).flat().map((v) => v.id));
    const steps = walkthroughs.flatMap((w) => w.steps.map((step) => ({ walkthrough: w.id, step })));
    /** The commands a description's `[text](command:id)` links run, in order. */
    const linkedCommands = (text: string) => [...text.matchAll(/\]\(command:([\w.-]+)[^)]*\)/g)].map((m) => m[1]);
    /** A command a walkthrough button may run: a declared one, or the focus command VS Code makes for a contributed view. */
    const runnable = (id: string) => declared.has(id) || (id.endsWith('.focus') && views.has(id.slice(0, -'.focus'.length)));

    it('exists, with a title and a description in English and Korean', () => {
      assert.equal(walkthroughs.length, 1, 'one walkthrough');
      for (const w of walkthroughs) {
        assert.match(w.id, /^azureBilling\./);
        bothLanguages(w.title, `${w.id} title`);
        bothLanguages(w.description, `${w.id} description`);
        assert.ok(w.steps.length >= 5, `${w.id} has ${w.steps.length} steps`);
        assert.equal(new Set(w.steps.map((s) => s.id)).size, w.steps.length, `${w.id} repeats a step id`);
      }
    });

    it('gives every step a title and a description with a button that runs a real command, in both languages', () => {
      for (const { walkthrough, step } of steps) {
        const where = `${walkthrough}/${step.id}`;
        const title = bothLanguages(step.title, `${where} title`);
        assert.notEqual(title.ko, title.en, `${where} title is not translated`);
        const description = bothLanguages(step.description, `${where} description`);
        const commands = linkedCommands(description.en);
        assert.ok(commands.length > 0, `${where} has no command: link`);
        for (const id of commands) { assert.ok(runnable(id), `${where} links to ${id}, which is neither declared nor a view's focus command`); }
        assert.deepEqual(linkedCommands(description.ko), commands, `${where}: the Korean text links other commands`);
        for (const text of [description.en, description.ko]) {
          // A link alone on its line is drawn as a button; inside a sentence it is only a link.
          for (const line of text.split('\n').filter((l) => l.includes('](command:'))) { assert.match(line, /^\[[^\]]+\]\(command:[^)]+\)$/, `${where}: a button is a link alone on its line`); }
        }
      }
    });

    it('completes each step on the real action, and its button performs that action', () => {
      const contextKeys = new Set([...sourceText().matchAll(/'setContext',\s*'([\w.]+)'/g)].map((m) => m[1]));
      assert.ok(contextKeys.has('azureBilling.signInState'), 'the scan for setContext keys is broken');
      const completing = new Set<string>();
      for (const { walkthrough, step } of steps) {
        const where = `${walkthrough}/${step.id}`;
        const events = step.completionEvents ?? [];
        assert.ok(events.length > 0, `${where} has no completionEvents (it would complete on being opened)`);
        for (const event of events) {
          const [, kind, value] = /^(\w+):(.+)$/.exec(event) ?? [];
          if (kind === 'onCommand') { assert.ok(declared.has(value), `${where}: ${event} names an undeclared command`); }
          else if (kind === 'onView') { assert.ok(views.has(value), `${where}: ${event} names no contributed view`); }
          else if (kind === 'onContext') { assert.ok(contextKeys.has(value.split(/\s/)[0]), `${where}: ${event} reads a context key the extension never sets`); }
          else { assert.fail(`${where}: unexpected completion event ${event}`); }
          completing.add(event.split(' ')[0]);
        }
        const buttons = linkedCommands(bothLanguages(step.description, where).en);
        const buttonCompletes = buttons.some((id) => events.includes(`onCommand:${id}`) || (id.endsWith('.focus') && events.includes(`onView:${id.slice(0, -'.focus'.length)}`)));
        assert.ok(buttonCompletes, `${where}: none of its buttons (${buttons.join(', ')}) completes it`);
      }
      for (const event of ['onCommand:azureBilling.signIn', 'onView:azureBilling.explorer', 'onCommand:azureBilling.showCreditBalance', 'onCommand:azureBilling.downloadInvoice', 'onCommand:azureBilling.showUsageAndCost']) {
        assert.ok(completing.has(event), `no step completes on ${event}`);
      }
    });

    it('shows media that exists, is described for screen readers and is shipped in the .vsix', async () => {
      const shipped = await packagedFiles();
      assert.ok(shipped.has('package.json') && shipped.has('media/icon.png'), 'the listing of packaged files is broken');
      for (const { walkthrough, step } of steps) {
        const where = `${walkthrough}/${step.id}`;
        const { image, markdown, svg, altText } = step.media ?? {};
        const files = [...(typeof image === 'string' ? [image] : Object.values(image ?? {})), ...(markdown ? [markdown] : []), ...(svg ? [svg] : [])];
        assert.ok(files.length > 0, `${where} has no media`);
        if (image || svg) { bothLanguages(altText, `${where} media altText`); }
        for (const file of files) {
          assert.ok(!path.isAbsolute(file) && !file.startsWith('.'), `${where}: ${file} is not relative to the extension`);
          assert.ok(fs.existsSync(path.join(repoRoot, file)), `${where}: ${file} does not exist`);
          assert.ok(shipped.has(file), `${where}: ${file} is left out of the .vsix by .vscodeignore`);
          if (file.endsWith('.png')) {
            const { width, height } = pngSize(path.join(repoRoot, file));
            assert.ok(width >= 200 && height >= 200 && width <= 2000 && height <= 2000, `${where}: ${file} is ${width}×${height}`);
          }
        }
      }
    });

    it('opens from the Get Started command, which names this walkthrough', () => {
      const command = contributes.commands.find((c) => c.command === 'azureBilling.openWalkthrough');
      assert.ok(command, 'azureBilling.openWalkthrough is not declared');
      bothLanguages(command.title, 'azureBilling.openWalkthrough title');
      const source = sourceText();
      assert.ok(source.includes("'workbench.action.openWalkthrough'"), 'the command does not open a walkthrough');
      for (const w of walkthroughs) { assert.ok(source.includes(`'${w.id}'`), `src never names the walkthrough ${w.id}`); }
    });
  });
});
