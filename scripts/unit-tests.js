#!/usr/bin/env node
// Layer 1: plain-Node tests (insight, client and billing against the in-process emulator).
// Compiles, makes the emulator's test CA once, and runs node's test runner with that CA trusted.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { summarize, writeLayerResult } = require('./lib/results');

const root = path.resolve(__dirname, '..');
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

// pdftotext reads the emulator's invoice PDFs back as a person's viewer would.
require('./testhost/install').ensureDebianPackages();

if (run('npx', ['tsc', '-p', '.']).status !== 0) {
  writeLayerResult('unit', { passed: 0, failed: 1, skipped: 0, note: 'TypeScript compilation failed' });
  process.exit(1);
}
const caDir = path.join(root, '.cache', 'emulator-ca');
require(path.join(root, 'out', 'test', 'emulator', 'tls.js')).ensureCa(caDir);

const filter = process.argv.slice(2);
const testRoot = path.join(root, 'out', 'test', 'unit');
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { walk(full); }
    else if (entry.name.endsWith('.test.js') && (filter.length === 0 || filter.some((f) => full.includes(f)))) { files.push(full); }
  }
})(testRoot);

const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  cwd: root,
  env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(caDir, 'ca.pem') },
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
const counts = summarize(result.stdout);
if (result.status !== 0 && counts.failed === 0) { counts.failed = 1; }
writeLayerResult('unit', counts);
process.exit(result.status === 0 ? 0 : 1);
