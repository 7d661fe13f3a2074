// Runs the extension-host suites (out/test/suite/index.js) inside a real VS Code: the web
// workbench in headless Chromium opens a folder with the development extension and the tests
// module passed through the `?payload=` route, the extension host runs them and exits, and the
// summary the suite wrote to AZURE_BILLING_TEST_RESULTS is read back.
const fs = require('fs');
const path = require('path');
const { launchBrowser, openWorkbench } = require('./browser');
const { makeRunDirs, startVsCodeServer, remoteUri, workbenchUrl } = require('./server');

/** The text of an extension-host console message, without the workbench's %c styling. */
function extensionHostText(text) {
  const m = /^%c\[Extension Host\] %c([\s\S]*?)(?: color: blue color: ?)?$/.exec(text);
  return m ? m[1] : undefined;
}

function waitForFile(file, stopWhen) {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (fs.existsSync(file) || stopWhen()) { clearInterval(timer); resolve(); }
    }, 250);
  });
}

/**
 * Returns { summary, exitCode, timings } where summary is what the suite wrote (undefined when
 * the extension host died or timed out before writing one).
 */
async function runExtensionTests({ host, extensionPath, testsPath, settings, env, resultsFile, timeoutMs }) {
  const timings = {};
  let t = Date.now();
  fs.rmSync(resultsFile, { force: true });
  // The suite writes into this run's own folder (runs side by side never read each other's
  // results); the extension host inherits the server's environment, which names the file.
  const dirs = makeRunDirs('host', settings);
  const ownResults = path.join(dirs.dir, 'suite-results.json');
  const server = await startVsCodeServer({ name: 'host', host, dirs, env: { ...env, AZURE_BILLING_TEST_RESULTS: ownResults } });
  timings.serverStartMs = Date.now() - t;
  const { context } = await launchBrowser(host);
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, extensionPath)],
    ['extensionTestsPath', remoteUri(server, testsPath)],
  ];
  t = Date.now();
  await openWorkbench(context, workbenchUrl(server, { payload }), {
    onConsole: (text) => {
      const line = extensionHostText(text);
      if (line !== undefined) { console.log(`  ${line}`); }
    },
  });
  timings.workbenchOpenMs = Date.now() - t;
  let exitCode;
  server.waitForLine(/Extension Host Process exited with code: (\d+)/, timeoutMs)
    .then((line) => { exitCode = Number(/code: (\d+)/.exec(line)[1]); })
    .catch(() => {});
  let timedOut = false;
  const deadline = setTimeout(() => { timedOut = true; }, timeoutMs);
  await waitForFile(ownResults, () => timedOut || exitCode !== undefined);
  clearTimeout(deadline);
  timings.suitesMs = Date.now() - t;
  let summary;
  try {
    summary = JSON.parse(fs.readFileSync(ownResults, 'utf8'));
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.copyFileSync(ownResults, resultsFile);
  } catch { /* none written */ }
  await server.stop();
  return { summary, exitCode, timedOut, timings };
}

module.exports = { runExtensionTests, extensionHostText };
