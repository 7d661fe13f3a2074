#!/usr/bin/env node
// `npm run test:load [-- --rounds N --layers host,ui]`: runs test layers several times in a row
// while a CPU burner keeps every core busy, to show the tests wait on conditions and not on the
// machine's speed (a test that passes only on a quiet machine is a defect). Not part of `npm test`:
// three rounds of the two VS Code layers take about half an hour on two cores.
const { spawn, spawnSync } = require('child_process');
const os = require('os');
const path = require('path');
const fs = require('fs');
const { readLayerResult, resultsDir } = require('./lib/results');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const rounds = Number(option('rounds', '3'));
const layers = option('layers', 'host,ui').split(',');
const burners = Number(option('burners', String(os.cpus().length)));

// One busy-looping process per core, at normal priority, so the tests compete for every core.
const burnerCode = 'for (;;) { Math.sqrt(Math.random()); }';
const burning = Array.from({ length: burners }, () => spawn(process.execPath, ['-e', burnerCode], { stdio: 'ignore' }));
const stopBurners = () => burning.forEach((p) => p.kill('SIGKILL'));
process.on('exit', stopBurners);
process.on('SIGINT', () => process.exit(130));

const rows = [];
for (let round = 1; round <= rounds; round++) {
  for (const layer of layers) {
    // A layer that dies before writing its result must not be read as the previous round's.
    fs.rmSync(path.join(resultsDir, `${layer}.json`), { force: true });
    const started = Date.now();
    const r = spawnSync(process.execPath, [`scripts/${layer}-tests.js`], { cwd: root, stdio: 'inherit' });
    const counts = readLayerResult(layer) ?? { passed: 0, failed: 1, skipped: 0 };
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    rows.push({ round, layer, ...counts, seconds, exit: r.status });
    console.log(`--- round ${round}, ${layer}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${seconds} s beside ${burners} burners`);
  }
}
stopBurners();
console.log(`\nUnder load (${burners} CPU burners, ${os.cpus().length} cores):`);
for (const r of rows) console.log(`round ${r.round} ${r.layer.padEnd(5)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped, ${r.seconds} s`);
const total = rows.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
