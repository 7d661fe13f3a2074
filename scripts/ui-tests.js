#!/usr/bin/env node
// Layer "ui": Playwright drives the VS Code workbench (the server from code-server, headless
// Chromium) as a person would: the activity bar, the tree, the welcome view, the sign-in
// consent dialog, the command palette. Tests live in test/ui/; screenshots are kept under
// test-results/screenshots/. Writes test-results/ui.json.
//
// Environment: AZURE_BILLING_TEST_GREP selects tests by title; AZURE_BILLING_KEEP_RUN keeps the
// run folders.
const path = require('path');
const { ensureTestHost } = require('./testhost/install');
const { runMocha, findTests } = require('./testhost/mochaRun');
const { runLayer, buildExtension, compileTests, writeJson, root } = require('./testhost/layer');

runLayer('ui', async () => {
  buildExtension();
  compileTests(['out/test/ui/support/workbench.js']);
  ensureTestHost(); // once, up front, so that a first install is not counted against a test
  const files = findTests(path.join(root, 'out', 'test', 'ui'));
  if (files.length === 0) { throw new Error('no compiled UI tests under out/test/ui'); }
  const result = await runMocha(files, { timeout: 180000, grep: process.env.AZURE_BILLING_TEST_GREP });
  writeJson('ui-tests.json', result);
  for (const t of result.tests.filter((x) => x.state === 'failed')) { console.log(`[ui] FAILED ${t.title}\n${t.error}`); }
  return { passed: result.passed, failed: result.failed, skipped: result.skipped };
});
