// What the three test-host layers (host, ui, vsix) share: building the extension, skipping with
// a clear message when it does not exist yet, timing, and writing test-results/<layer>.json.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { writeLayerResult, resultsDir } = require('../lib/results');
const { cleanupAll } = require('./processes');

const root = path.resolve(__dirname, '..', '..');

/** Thrown when a layer cannot run yet; counted as skipped, not failed. */
class LayerSkipped extends Error {}

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
}

/**
 * Compiles src/ and test/ to out/ (suites, UI tests, the emulator). tsc still emits JavaScript
 * when it reports type errors; those errors are the unit layer's to count, so a type error in an
 * unrelated file does not hide what the real VS Code shows. Without the emitted files, it fails.
 */
function compileTests(needed = []) {
  const ok = run('npx', ['tsc', '-p', '.']).status === 0;
  const missing = ['out/test/emulator/server.js', ...needed].filter((f) => !fs.existsSync(path.join(root, f)));
  if (missing.length) { throw new Error(`TypeScript compilation failed (npx tsc -p .): ${missing.join(', ')} missing`); }
  if (!ok) { console.log('[testhost] npx tsc -p . reported type errors (the unit layer counts them); going on with the JavaScript it emitted'); }
}

/** `npm run build` → dist/extension.js; skips the layer while the extension has no build yet. */
function buildExtension() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (!manifest.scripts || !manifest.scripts.build) { throw new LayerSkipped('package.json has no "build" script yet: the extension does not exist yet'); }
  const started = Date.now();
  if (run('npm', ['run', 'build']).status !== 0) { throw new Error('npm run build failed'); }
  const main = path.join(root, manifest.main || 'dist/extension.js');
  if (!fs.existsSync(main)) { throw new Error(`npm run build did not produce ${path.relative(root, main)}`); }
  console.log(`[testhost] extension built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return manifest;
}

/**
 * Runs one layer: `body()` returns { passed, failed, skipped, ...details }. A LayerSkipped
 * counts as one skipped test with its reason; any other error as one failure. Every process the
 * layer started is stopped before the result is written.
 */
async function runLayer(name, body) {
  const started = Date.now();
  let counts;
  try {
    counts = await body();
  } catch (err) {
    if (err instanceof LayerSkipped) {
      console.log(`[${name}] SKIPPED: ${err.message}`);
      counts = { passed: 0, failed: 0, skipped: 1, note: err.message };
    } else {
      console.error(`[${name}] FAILED: ${err.stack || err.message}`);
      counts = { passed: 0, failed: 1, skipped: 0, note: err.message };
    }
  }
  await cleanupAll();
  const wallSeconds = Number(((Date.now() - started) / 1000).toFixed(1));
  writeLayerResult(name, { ...counts, wallSeconds });
  console.log(`[${name}] ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${wallSeconds} s`);
  process.exit(counts.failed > 0 ? 1 : 0);
}

/** Writes a detail file (per-test outcomes, timings) next to the layer results. */
function writeJson(name, value) {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, name), JSON.stringify(value, null, 2));
}

module.exports = { LayerSkipped, runLayer, buildExtension, compileTests, writeJson, root };
