// Typed access to the test-host harness in scripts/testhost/ (plain JavaScript, because it must
// run before anything is compiled). Only the parts the UI tests use are declared.
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../../support/paths';

export interface HostPaths {
  node: string;
  serverMain: string;
  chromium: string;
}

export interface HostEmulator {
  baseUrl: string;
  blobBaseUrl: string;
  caCertPath: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  issueToken(tenantId?: string): string;
  stats: { total: number; byRoute: Record<string, number>; tokenRequests: number };
  resetStats(): void;
}

export interface RunDirs {
  dir: string;
  userData: string;
  workspace: string;
  extensions: string;
}

export interface VsCodeServer {
  url: string;
  authority: string;
  dirs: RunDirs;
  lines: string[];
  startupMs: number;
  stop(): Promise<void>;
}

export interface ServerOptions {
  name: string;
  host: HostPaths;
  settings?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  locale?: string;
  skipBuiltinExtensions?: string[];
  install?: string[];
}

// The test host's scripts are plain CommonJS outside the compiled tree, found by path at run time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = <T>(file: string): T => require(path.join(repoRoot, 'scripts', 'testhost', file)) as T;

export const install = load<{ ensureTestHost(): HostPaths }>('install.js');

export const emulators = load<{
  startHostEmulator(options?: { asOf?: string }): Promise<HostEmulator>;
  stopHostEmulator(emulator: HostEmulator): Promise<void>;
  hostEnvironment(emulator: HostEmulator): NodeJS.ProcessEnv;
  hostSettings(emulator: HostEmulator, options?: { authentication?: string; extra?: Record<string, unknown> }): Record<string, unknown>;
  listBillingAccounts(emulator: HostEmulator, tenantId?: string): Promise<{ id: string; name: string; displayName: string }[]>;
  listTenants(emulator: HostEmulator): Promise<{ tenantId: string; displayName: string }[]>;
}>('emulator.js');

export const servers = load<{
  startVsCodeServer(options: ServerOptions): Promise<VsCodeServer>;
  remoteUri(server: VsCodeServer, absPath: string): string;
  workbenchUrl(server: VsCodeServer, options?: { folder?: string; payload?: [string, string][] }): string;
}>('server.js');

export const browsers = load<{
  launchBrowser(host: HostPaths, options?: { locale?: string }): Promise<{ context: BrowserContext; close(): Promise<void> }>;
  openWorkbench(context: BrowserContext, url: string): Promise<{ page: Page; messages: string[] }>;
}>('browser.js');

export { repoRoot };
