// One VS Code workbench for a UI test, as a person would have it: the emulator as their Azure,
// a fresh VS Code server, the extension loaded from this repository, the browser showing it.
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { browsers, emulators, HostEmulator, install, repoRoot, servers, VsCodeServer } from './harness';

export const screenshotsDir = path.join(repoRoot, 'test-results', 'screenshots');
const standInAuthPath = path.join(repoRoot, 'test', 'fixtures', 'standin-auth');
const koreanLocalePath = path.join(repoRoot, 'test', 'fixtures', 'locale-ko');

export interface WorkbenchOptions {
  /** Names the run's folders, logs and screenshots. */
  name: string;
  /**
   * VS Code's display language (`--locale`); English when omitted. For 'ko' the test-only
   * Korean locale fixture is installed, since the real language pack cannot be downloaded.
   */
  locale?: string;
  /** 'servicePrincipal' (from the environment) or 'editor' (the editor's Microsoft sign-in). */
  authentication?: 'servicePrincipal' | 'editor';
  /** Load the test-only stand-in Microsoft sign-in instead of the built-in one. */
  standInAuth?: boolean;
  /** Install this packaged .vsix instead of loading the extension from the repository. */
  vsix?: string;
  /** Leave the emulator's host unallowed, so the first sign-in asks the person (SECURITY.md). */
  askBeforeSendingCredentials?: boolean;
}

export interface Workbench {
  page: Page;
  emulator: HostEmulator;
  server: VsCodeServer;
  /** Saves a screenshot as test-results/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const host = install.ensureTestHost();
  const emulator = await emulators.startHostEmulator();
  const server = await servers.startVsCodeServer({
    name: options.name,
    host,
    settings: emulators.hostSettings(emulator, { authentication: options.authentication ?? 'servicePrincipal' }),
    env: withoutAllowedHosts(emulators.hostEnvironment(emulator), options.askBeforeSendingCredentials),
    locale: options.locale,
    skipBuiltinExtensions: options.standInAuth ? ['vscode.microsoft-authentication'] : [],
    install: [
      ...(options.vsix ? [options.vsix] : []),
      ...(options.standInAuth ? [standInAuthPath] : []),
      ...(options.locale === 'ko' ? [koreanLocalePath] : []),
    ],
  });
  const browser = await browsers.launchBrowser(host, { locale: options.locale });
  // Without a .vsix the extension runs from this repository, as with F5 in desktop VS Code.
  const payload: [string, string][] = options.vsix ? [] : [['extensionDevelopmentPath', servers.remoteUri(server, repoRoot)]];
  const { page } = await browsers.openWorkbench(browser.context, servers.workbenchUrl(server, { payload: payload.length ? payload : undefined }));
  return {
    page,
    emulator,
    server,
    async screenshot(name) {
      fs.mkdirSync(screenshotsDir, { recursive: true });
      const file = path.join(screenshotsDir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await browser.close();
      await server.stop();
      await emulators.stopHostEmulator(emulator);
    },
  };
}

function withoutAllowedHosts(env: NodeJS.ProcessEnv, ask: boolean | undefined): NodeJS.ProcessEnv {
  if (!ask) { return env; }
  const { AZURE_BILLING_ALLOWED_CUSTOM_HOSTS: _allowed, ...rest } = env;
  return rest;
}

/** A row of the visible tree whose label is exactly `label`. */
export function treeRow(page: Page, label: string): Locator {
  return page.locator('.monaco-list-row[role="treeitem"]').filter({ has: page.getByText(label, { exact: true }) });
}

/** The activity-bar entry whose accessible name starts with `title`. */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar a.action-label[aria-label^="${title.replace(/"/g, '\\"')}"]`);
}

/** Registers a hook that keeps a screenshot of the workbench whenever a test of the suite fails. */
export function screenshotOnFailure(current: () => Workbench | undefined, prefix: string): void {
  teardown(async function () {
    const wb = current();
    const test = this.currentTest;
    if (wb && test && test.state === 'failed') {
      const file = await wb.screenshot(`${prefix}-FAILED-${test.title.replace(/[^\w]+/g, '-').slice(0, 60)}`).catch(() => undefined);
      if (file) { console.log(`      screenshot of the failure: ${file}`); }
    }
  });
}

/** The title of the side bar, where VS Code shows a view's name when it is alone in its container. */
export function sideBarTitle(page: Page): Locator {
  return page.locator('.part.sidebar .composite.title .title-label');
}
