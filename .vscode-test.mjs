// The desktop route for the extension-host suites (`npm run test:desktop`, i.e. @vscode/test-cli),
// for machines that can download VS Code from Microsoft. Run `npm run build && npx tsc -p .`
// first. The project's CI cannot download VS Code and runs the same suites through
// scripts/host-tests.js (`npm run test:host`) instead; both give the suites the same world:
// the emulator started here, its CA trusted, its service principal in the environment, and the
// extension's settings pointing at it.
import { defineConfig } from '@vscode/test-cli';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';

const require = createRequire(import.meta.url);
const { startHostEmulator, hostEnvironment, hostSettings } = require('./scripts/testhost/emulator.js');

// The same fixed "today" as scripts/host-tests.js, so suites see the same world.
const emulator = await startHostEmulator({ asOf: '2026-11-15' });
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'abi-desktop-'));
const userData = path.join(runDir, 'user-data');
const workspace = path.join(runDir, 'workspace');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.mkdirSync(workspace, { recursive: true });
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(hostSettings(emulator), null, 2));
process.on('exit', () => fs.rmSync(runDir, { recursive: true, force: true }));

export default defineConfig({
  files: 'out/test/suite/**/*.test.js',
  extensionDevelopmentPath: '.',
  workspaceFolder: workspace,
  launchArgs: ['--user-data-dir', userData, '--disable-workspace-trust'],
  env: hostEnvironment(emulator),
  mocha: { ui: 'bdd', timeout: 60000 },
});
