// Runs mocha in this process over a set of compiled test files and counts the outcome.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

function findTests(dir) {
  if (!fs.existsSync(dir)) { return []; }
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { files.push(...findTests(full)); }
    else if (entry.name.endsWith('.test.js')) { files.push(full); }
  }
  return files.sort();
}

/** { passed, failed, skipped, tests: [{ title, state, durationMs, error }] } */
async function runMocha(files, { timeout = 120000, grep } = {}) {
  const mocha = new Mocha({ ui: 'tdd', timeout, reporter: 'spec', color: false });
  Mocha.interfaces.bdd(mocha.suite);
  if (grep) { mocha.grep(grep); }
  for (const file of files) { mocha.addFile(file); }
  const tests = [];
  await mocha.loadFilesAsync();
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'skipped' }));
    // Failing hooks count as a failure each.
    runner.on('fail', (t, err) => tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: err && (err.stack || err.message) }));
  });
  const count = (state) => tests.filter((t) => t.state === state).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), tests };
}

module.exports = { runMocha, findTests };
