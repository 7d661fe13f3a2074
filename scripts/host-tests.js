#!/usr/bin/env node
// Layer "host": the extension-host suites (test/suite/**/*.test.ts) inside a real VS Code
// (the VS Code server from code-server, web workbench in headless Chromium), with the extension
// signed in as the emulator's service principal. Writes test-results/host.json.
//
// Environment: AZURE_BILLING_HOST_TIMEOUT_S (default 600) bounds the suites' run;
// AZURE_BILLING_TEST_GREP selects tests by title; AZURE_BILLING_KEEP_RUN keeps the run folder.
const fs = require('fs');
const path = require('path');
const { ensureTestHost } = require('./testhost/install');
const { startHostEmulator, hostEnvironment, hostSettings } = require('./testhost/emulator');
const { runExtensionTests } = require('./testhost/extensionTests');
const { runLayer, buildExtension, compileTests, root } = require('./testhost/layer');
const { resultsDir } = require('./lib/results');


/** "activated in N ms" from the extension's own log channel, as kept in test-results/logs/host/. */
function activationFromExtensionLog() {
  const found = [];
  (function walk(dir) {
    if (!fs.existsSync(dir)) { return; }
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) { walk(full); }
      else if (full.includes('azure-billing-insight.azure-billing-insight') && e.name.endsWith('.log')) {
        const m = /activated in ([\d.]+) ms/.exec(fs.readFileSync(full, 'utf8'));
        if (m) { found.push(Number(m[1])); }
      }
    }
  })(path.join(resultsDir, 'logs', 'host'));
  return found[0];
}

runLayer('host', async () => {
  buildExtension();
  compileTests(['out/test/suite/index.js']);
  const host = ensureTestHost();
  // The emulator's today is the machine's, as the extension's is: a world pinned to another date
  // would have no data in the periods the extension computes from its own clock. Suites read the
  // emulator's date from its info route and pick their periods from it.
  const emulator = await startHostEmulator();
  const timeoutMs = Number(process.env.AZURE_BILLING_HOST_TIMEOUT_S || 600) * 1000;
  const resultsFile = path.join(resultsDir, 'host-suites.json');
  const { summary, exitCode, timedOut, timings } = await runExtensionTests({
    host,
    extensionPath: root,
    testsPath: path.join(root, 'out', 'test', 'suite', 'index'),
    settings: hostSettings(emulator, { authentication: 'servicePrincipal' }),
    env: hostEnvironment(emulator),
    resultsFile,
    timeoutMs,
  });
  console.log(`[host] server ready in ${timings.serverStartMs} ms, workbench open in ${timings.workbenchOpenMs} ms, suites ran ${timings.suitesMs} ms`);
  if (!summary) {
    const why = timedOut ? `no results within ${timeoutMs / 1000} s` : `the extension host exited with code ${exitCode} without writing results`;
    throw new Error(`${why}; see test-results/logs/host/`);
  }
  for (const t of summary.tests.filter((x) => x.state === 'failed')) { console.log(`[host] FAILED ${t.title}\n${t.error}`); }
  // Two views of activation: the suite times load + activate(); the extension logs its activate().
  const metrics = { ...summary.metrics, activateFunctionMs: activationFromExtensionLog() };
  console.log(`[host] measured in the extension host: ${JSON.stringify(metrics)}`);
  return { passed: summary.passed, failed: summary.failed, skipped: summary.skipped, metrics, timings, vscodeVersion: summary.vscodeVersion };
});
