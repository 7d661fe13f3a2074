#!/usr/bin/env node
// The lint layer (`npm run lint`, and the first layer of `npm test`): ESLint with the rules in
// eslint.config.mjs over the whole repository, or over the paths given as arguments. Every
// finding fails, warnings included (the same as `eslint --max-warnings 0`). The layer counts one
// result per linted file: passed when ESLint found nothing in it.
const path = require('path');
const { ESLint } = require('eslint');
const { writeLayerResult } = require('./lib/results');

const root = path.resolve(__dirname, '..');

const findings = (r) => r.errorCount + r.warningCount + r.fatalErrorCount;

async function main() {
  const started = Date.now();
  const eslint = new ESLint({ cwd: root });
  const targets = process.argv.slice(2);
  const results = await eslint.lintFiles(targets.length > 0 ? targets : ['.']);
  const formatter = await eslint.loadFormatter('stylish');
  const report = await formatter.format(results);
  if (report) { process.stdout.write(report + '\n'); }
  const failed = results.filter((r) => findings(r) > 0).length;
  const counts = { passed: results.length - failed, failed, skipped: 0 };
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`lint: ${results.length} files in ${seconds} s: ${counts.passed} clean, ${failed} with findings`);
  writeLayerResult('lint', counts);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  writeLayerResult('lint', { passed: 0, failed: 1, skipped: 0, note: 'ESLint could not run' });
  process.exitCode = 1;
});
