// One VS Code server (the one inside code-server, run with Node 22) for one test-host run, with
// fresh user, server-data, extensions and workspace folders in a temporary directory, its output
// collected to a log, and everything removed (logs kept under test-results/logs/) when it stops.
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { onCleanup, stopChild, trackChild } = require('./processes');
const { packageFolder } = require('./vsixPackage');

const root = path.resolve(__dirname, '..', '..');
const logsRoot = path.join(root, 'test-results', 'logs');
// The built-in git extension cannot load in this install (a module of it is missing) and would
// cover the workbench with an error notification; github depends on it.
const ALWAYS_SKIPPED = ['vscode.git', 'vscode.github'];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => { res.resume(); resolve(res.statusCode); });
    req.on('error', () => resolve(0));
    req.setTimeout(5000, () => { req.destroy(); resolve(0); });
  });
}

/**
 * Makes the per-run folders. `settings` become both the machine settings (what the remote
 * extension host reads) and the user settings (workbench settings such as the trust prompt are
 * only read there).
 */
function makeRunDirs(name, settings) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `abi-${name}-`));
  const dirs = {
    dir,
    userData: path.join(dir, 'user-data'),
    serverData: path.join(dir, 'server-data'),
    extensions: path.join(dir, 'extensions'),
    workspace: path.join(dir, 'workspace'),
  };
  for (const d of Object.values(dirs)) { fs.mkdirSync(d, { recursive: true }); }
  // This build keeps machine and user settings under the user-data folder (upstream VS Code
  // reads machine settings from <server-data-dir>/data/Machine): both places get them.
  for (const folder of [path.join(dirs.serverData, 'data', 'Machine'), path.join(dirs.userData, 'Machine'), path.join(dirs.userData, 'User')]) {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'settings.json'), JSON.stringify(settings, null, 2));
  }
  return dirs;
}

/** Arguments shared by the running server and its install-only invocations. */
function dataDirArgs(dirs) {
  return ['--user-data-dir', dirs.userData, '--server-data-dir', dirs.serverData, '--extensions-dir', dirs.extensions];
}

/**
 * Starts the server and waits until it answers HTTP. Options: name (for folders and logs),
 * host (from ensureTestHost), settings, env, locale, skipBuiltinExtensions (ids of built-in
 * extensions to leave out), install (.vsix files, or extension folders that are packed first,
 * installed by the server as it starts; the server counts as ready once they are in), dirs (reuse folders prepared beforehand, e.g. with an extension
 * installed), port and listenHost (default: a free port on 127.0.0.1), echo (print server
 * output live).
 *
 * The server ignores `--disable-extension` ("not supported for server"); it leaves out the
 * built-in extensions named in VSCODE_SKIP_BUILTIN_EXTENSIONS instead, which is how the built-in
 * Microsoft sign-in makes way for the test-only stand-in.
 */
async function startVsCodeServer({ name, host, settings = {}, env = process.env, locale, skipBuiltinExtensions = [], install = [], dirs, port, listenHost = '127.0.0.1', echo = false, readyTimeoutMs = 60000 }) {
  dirs = dirs || makeRunDirs(name, settings);
  const vsixFiles = install.map((p) => (p.endsWith('.vsix') ? p : packageFolder(p, path.join(dirs.dir, 'vsix'))));
  port = port || (await freePort());
  const args = [
    host.serverMain,
    '--host', listenHost, '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry',
    ...dataDirArgs(dirs),
    ...(locale ? ['--locale', locale] : []),
    // With --start-server the server installs first and keeps running.
    ...(vsixFiles.length ? [...vsixFiles.flatMap((f) => ['--install-extension', f]), '--start-server'] : []),
  ];
  const logFile = path.join(dirs.dir, 'server.log');
  const logStream = fs.createWriteStream(logFile);
  const lines = [];
  const waiters = new Set();
  const serverEnv = { ...env, VSCODE_SKIP_BUILTIN_EXTENSIONS: [...ALWAYS_SKIPPED, ...skipBuiltinExtensions].join(',') };
  const child = trackChild(spawn(host.node, args, { cwd: dirs.dir, env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
  const onData = (chunk) => {
    logStream.write(chunk);
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line) { continue; }
      lines.push(line);
      if (echo) { console.log(`[server] ${line}`); }
      for (const w of waiters) { w(line); }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  /** Resolves with the first output line (already seen or to come) that matches `pattern`. */
  function waitForLine(pattern, timeoutMs) {
    return new Promise((resolve, reject) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) { return resolve(seen); }
      const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}`)); }, timeoutMs);
      const check = (line) => {
        if (!pattern.test(line)) { return; }
        clearTimeout(timer);
        waiters.delete(check);
        resolve(line);
      };
      waiters.add(check);
    });
  }

  let stopped = false;
  const stop = onCleanup(async () => {
    stopped = true;
    await stopChild(child);
    logStream.end();
    keepLogs(name, dirs);
    if (!process.env.AZURE_BILLING_KEEP_RUN) { fs.rmSync(dirs.dir, { recursive: true, force: true }); }
    else { console.log(`[testhost] kept ${dirs.dir}`); }
  });

  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  const url = `http://${listenHost === '0.0.0.0' ? os.hostname() : listenHost}:${port}`;
  const ready = (async () => {
    await waitForLine(/Extension host agent listening on|Server bound to/, readyTimeoutMs);
    if (vsixFiles.length) { await waitForInstalls(vsixFiles.length); }
    while (Date.now() - started < readyTimeoutMs) {
      if ((await httpStatus(`${url}/version`)) === 200 || (await httpStatus(url)) === 200) { return; }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the server did not answer HTTP in time');
  })();
  async function waitForInstalls(count) {
    const failed = waitForLine(/Failed Installing Extensions/, readyTimeoutMs).then((line) => { throw new Error(`${line}\n${lines.slice(-15).join('\n')}`); });
    const done = (async () => {
      while (lines.filter((l) => /Extension '.*' was successfully installed/.test(l)).length < count) { await new Promise((r) => setTimeout(r, 100)); }
    })();
    await Promise.race([done, failed]);
  }
  const early = exited.then((code) => { if (!stopped) { throw new Error(`the VS Code server exited early with code ${code}:\n${lines.slice(-30).join('\n')}`); } });
  try {
    await Promise.race([ready, early]);
  } catch (err) {
    await stop();
    throw err;
  }
  const startupMs = Date.now() - started;
  return { url, port, authority: new URL(url).host, dirs, lines, waitForLine, exited, stop, startupMs };
}

/** Copies the server's logs (remote agent, extension host, extensions' output channels). */
function keepLogs(name, dirs) {
  const target = path.join(logsRoot, name);
  try {
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    fs.copyFileSync(path.join(dirs.dir, 'server.log'), path.join(target, 'server.log'));
    // This build writes its logs (remote agent, extension host, each extension's log channel)
    // under the user-data folder.
    const logs = path.join(dirs.userData, 'logs');
    if (fs.existsSync(logs)) { fs.cpSync(logs, path.join(target, 'logs'), { recursive: true }); }
  } catch (err) {
    console.error(`[testhost] could not keep logs of ${name}: ${err.message}`);
  }
}

/** `vscode-remote://` URI of a path on the server's machine, as the web workbench wants it. */
function remoteUri(server, absPath) {
  return `vscode-remote://${server.authority}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/**
 * The workbench URL for a folder; `payload` pairs (e.g. extensionDevelopmentPath and
 * extensionTestsPath) go through the `?payload=` route, the one the web workbench honours.
 */
function workbenchUrl(server, { folder = server.dirs.workspace, payload } = {}) {
  const params = new URLSearchParams({ folder });
  if (payload) { params.set('payload', JSON.stringify(payload)); }
  return `${server.url}/?${params.toString()}`;
}

module.exports = { startVsCodeServer, makeRunDirs, dataDirArgs, remoteUri, workbenchUrl, freePort };
