#!/usr/bin/env node
// `npm run test:dates`: every test layer again with the machine's clock set to dates where
// calendar code breaks (a month's first day, its last, the 29th of February, the 1st of January),
// through libfaketime (Debian's `faketime`, installed with the test host's packages). The
// extension, the emulator, VS Code and the browser all see the same faked clock, as they would on
// that day. Prints one line per date and the usual closing count.
//
// VS Code's server removes LD_PRELOAD from the extension host's environment, so for the layers
// that run VS Code the library is preloaded through /etc/ld.so.preload for the length of the run
// (root only; put back afterwards, also on Ctrl+C). It fakes nothing in processes without the
// FAKETIME variable, so the rest of the machine keeps the real clock.
//
// Usage: node scripts/test-dates.js [YYYY-MM-DD ...] [-- layer ...]
//   layers default to all of them (unit host ui vsix); e.g. `-- unit host` for the quicker two.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ensureDebianPackages } = require('./testhost/install');
const { readLayerResult, resultsDir } = require('./lib/results');

const root = path.resolve(__dirname, '..');
const LAYERS = { unit: 'scripts/unit-tests.js', host: 'scripts/host-tests.js', ui: 'scripts/ui-tests.js', vsix: 'scripts/vsix-tests.js' };
// Later than any CA the test scripts may have kept, so the CA is never "not yet valid".
const DEFAULT_DATES = ['2027-03-01', '2027-03-31', '2028-02-29', '2028-01-01'];

const args = process.argv.slice(2);
const split = args.indexOf('--');
const dates = (split < 0 ? args : args.slice(0, split)).filter(Boolean);
const layers = split < 0 ? Object.keys(LAYERS) : args.slice(split + 1);
for (const d of dates) { if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) { throw new Error(`not a date: ${d} (YYYY-MM-DD)`); } }
for (const l of layers) { if (!LAYERS[l]) { throw new Error(`unknown layer ${l}; known: ${Object.keys(LAYERS).join(', ')}`); } }

ensureDebianPackages();
const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const PRELOAD = '/etc/ld.so.preload';
const needsVsCode = layers.some((l) => l !== 'unit');
let preloadBefore;
function preloadEverywhere() {
  if (!needsVsCode) { return; }
  if (!process.getuid || process.getuid() !== 0) { throw new Error('the host, ui and vsix layers need root here: VS Code drops LD_PRELOAD, so the clock is faked through /etc/ld.so.preload'); }
  preloadBefore = fs.existsSync(PRELOAD) ? fs.readFileSync(PRELOAD, 'utf8') : null;
  if (!(preloadBefore ?? '').includes(LIBFAKETIME)) { fs.writeFileSync(PRELOAD, `${preloadBefore ?? ''}${LIBFAKETIME}\n`); }
}
function restorePreload() {
  if (preloadBefore === undefined) { return; }
  if (preloadBefore === null) { fs.rmSync(PRELOAD, { force: true }); }
  else { fs.writeFileSync(PRELOAD, preloadBefore); }
  preloadBefore = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM']) { process.on(signal, () => { restorePreload(); process.exit(130); }); }
process.on('exit', restorePreload);
preloadEverywhere();

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const date of dates.length ? dates : DEFAULT_DATES) {
  for (const layer of layers) {
    console.log(`\n=== ${layer} on ${date} ===`);
    const started = Date.now();
    fs.rmSync(path.join(resultsDir, `${layer}.json`), { force: true });
    // An offset from the real clock (not a fixed start) keeps every process of the run on one
    // clock, whenever it starts; noon UTC leaves the whole run on the same date.
    const offsetSeconds = Math.round((Date.parse(`${date}T12:00:00Z`) - Date.now()) / 1000);
    const r = spawnSync(process.execPath, [LAYERS[layer]], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, LD_PRELOAD: LIBFAKETIME, FAKETIME: `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`, TZ: 'UTC' },
    });
    const counts = readLayerResult(layer) ?? { passed: 0, failed: 1, skipped: 0 };
    if (r.status !== 0 && counts.failed === 0) { counts.failed = 1; }
    for (const k of Object.keys(total)) { total[k] += counts[k]; }
    lines.push(`${date} ${layer}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    fs.mkdirSync(path.join(root, 'test-results', 'dates'), { recursive: true });
    fs.writeFileSync(path.join(root, 'test-results', 'dates', `${date}-${layer}.json`), JSON.stringify(counts));
  }
}
console.log(`\n${lines.join('\n')}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
