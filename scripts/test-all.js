#!/usr/bin/env node
// `npm test`: every test layer in turn, then one closing line `N passed, N failed, N skipped`.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { readLayerResult, resultsDir } = require('./lib/results');

const root = path.resolve(__dirname, '..');
// Each layer is a script that writes test-results/<layer>.json.
const layers = [
  // ESLint first: it is quick and needs no build (scripts/lint.js, one result per file).
  { name: 'lint', script: 'scripts/lint.js' },
  { name: 'unit', script: 'scripts/unit-tests.js' },
  // The real-VS-Code layers (scripts/testhost/): they install the test host on first use.
  { name: 'host', script: 'scripts/host-tests.js' },
  { name: 'ui', script: 'scripts/ui-tests.js' },
  { name: 'vsix', script: 'scripts/vsix-tests.js' },
];

fs.rmSync(resultsDir, { recursive: true, force: true });
let exitCode = 0;
for (const layer of layers) {
  if (!fs.existsSync(path.join(root, layer.script))) { continue; }
  console.log(`\n=== ${layer.name} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [layer.script], { cwd: root, stdio: 'inherit' });
  console.log(`=== ${layer.name}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (r.status !== 0) { exitCode = 1; }
}
const total = { passed: 0, failed: 0, skipped: 0 };
for (const layer of layers) {
  const counts = readLayerResult(layer.name);
  if (!counts) {
    if (fs.existsSync(path.join(root, layer.script))) { total.failed += 1; }
    continue;
  }
  console.log(`${layer.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
if (total.failed > 0) { exitCode = 1; }
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(exitCode);
