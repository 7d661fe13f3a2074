#!/usr/bin/env node
// `npm run demo`: the extension on the Azure emulator in a real VS Code. Builds the extension,
// starts the emulator and a VS Code server (web workbench) with the extension loaded from this
// repository and pointed at the emulator, and prints the URL to open. Ctrl+C stops everything.
//
//   npm run demo -- [--port N] [--host ADDR] [--locale ko] [--editor-sign-in] [--desktop] [--check]
//
// --editor-sign-in  sign in through the editor's account (a test-only stand-in Microsoft
//                   provider backed by the emulator) instead of the emulator's service principal
// --desktop         open desktop VS Code (`code` on PATH) instead of the browser workbench
// --check           start everything, check that the workbench answers, then stop (for CI)
const { spawn, spawnSync } = require('child_process');
const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureTestHost } = require('./testhost/install');
const { startHostEmulator, hostEnvironment, hostSettings } = require('./testhost/emulator');
const { startVsCodeServer, remoteUri, workbenchUrl } = require('./testhost/server');
const { cleanupAll, onCleanup, stopChild, trackChild } = require('./testhost/processes');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

function step(cmd, cmdArgs, what) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { throw new Error(`${what} failed`); }
}

function status(url) {
  return new Promise((resolve) => http.get(url, (res) => { res.resume(); resolve(res.statusCode); }).on('error', () => resolve(0)));
}

/** Desktop VS Code with the extension under development, a throw-away profile and the same settings. */
async function openDesktop(settings, env, workspace) {
  if (spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status !== 0) { throw new Error('--desktop needs desktop VS Code (`code`) on PATH'); }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'abi-demo-desktop-'));
  fs.mkdirSync(path.join(profile, 'User'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const child = trackChild(spawn('code', ['--wait', '--new-window', '--user-data-dir', profile, `--extensionDevelopmentPath=${root}`, workspace], { env, stdio: 'inherit', detached: true }));
  onCleanup(async () => { await stopChild(child); fs.rmSync(profile, { recursive: true, force: true }); });
  console.log('\nDesktop VS Code is open with the extension; close its window or press Ctrl+C to stop.');
  child.once('exit', () => cleanupAll().then(() => process.exit(0)));
}

async function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (!manifest.scripts || !manifest.scripts.build) { throw new Error('package.json has no "build" script: the extension does not exist yet'); }
  step('npm', ['run', 'build'], 'npm run build');
  step('npx', ['tsc', '-p', '.'], 'compiling the emulator (npx tsc -p .)');
  const host = flag('desktop') ? undefined : ensureTestHost();
  const emulator = await startHostEmulator();
  const editorSignIn = flag('editor-sign-in');
  const settings = hostSettings(emulator, { authentication: editorSignIn ? 'editor' : 'servicePrincipal' });
  const env = hostEnvironment(emulator);
  const workspace = path.join(root, '.cache', 'demo-workspace'); // invoices downloaded in the demo land here
  fs.mkdirSync(workspace, { recursive: true });
  console.log(`\nAzure emulator: ${emulator.baseUrl}`);
  if (flag('desktop')) { return openDesktop(settings, env, workspace); }

  const locale = option('locale');
  const server = await startVsCodeServer({
    name: 'demo',
    host,
    settings,
    env,
    locale,
    port: option('port') ? Number(option('port')) : undefined,
    listenHost: option('host'),
    skipBuiltinExtensions: editorSignIn ? ['vscode.microsoft-authentication'] : [],
    install: [
      ...(editorSignIn ? [path.join(root, 'test', 'fixtures', 'standin-auth')] : []),
      ...(locale === 'ko' ? [path.join(root, 'test', 'fixtures', 'locale-ko')] : []),
    ],
  });
  const url = workbenchUrl(server, { folder: workspace, payload: [['extensionDevelopmentPath', remoteUri(server, root)]] });
  if (flag('check')) {
    const code = await status(url);
    console.log(`demo check: the workbench answered HTTP ${code}`);
    await cleanupAll();
    process.exit(code === 200 ? 0 : 1);
  }
  console.log(`\nVS Code ${editorSignIn ? '(sign in with the Azure Billing view\'s button, then Allow)' : '(signed in as the emulator\'s service principal)'} is ready in ${server.startupMs} ms.`);
  console.log(`Open this URL in a browser, then click the Azure Billing icon in the activity bar:\n\n  ${url}\n`);
  console.log('Press Ctrl+C to stop the emulator and VS Code.');
}

main().catch(async (err) => {
  console.error(`demo: ${err.message}`);
  await cleanupAll();
  process.exit(1);
});
