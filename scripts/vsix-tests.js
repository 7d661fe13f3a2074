#!/usr/bin/env node
// Layer "vsix": `npm run package`, then the .vsix installed into a fresh VS Code server (as a
// person installs it) and used in the workbench: the files its manifest names are there, it
// activates, its tree shows the emulator's accounts. Catches what .vscodeignore leaves out.
// Tests: test/ui/vsix/*.vsix.ts. Prints the package's size; writes test-results/vsix.json.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { ensureTestHost } = require('./testhost/install');
const { runMocha } = require('./testhost/mochaRun');
const { LayerSkipped, runLayer, compileTests, writeJson, root } = require('./testhost/layer');

function packageExtension() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (!manifest.scripts || !manifest.scripts.package) { throw new LayerSkipped('package.json has no "package" script yet: nothing to package'); }
  // vsce names the file <name>-<version>.vsix in the repository root.
  const vsix = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
  fs.rmSync(vsix, { force: true });
  const started = Date.now();
  const r = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { throw new Error('npm run package failed'); }
  if (!fs.existsSync(vsix)) { throw new Error(`npm run package did not produce ${path.basename(vsix)}`); }
  const bytes = fs.statSync(vsix).size;
  console.log(`[vsix] ${path.basename(vsix)}: ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes), packaged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { vsix, bytes };
}

runLayer('vsix', async () => {
  const { vsix, bytes } = packageExtension();
  compileTests(['out/test/ui/support/workbench.js']);
  ensureTestHost();
  const dir = path.join(root, 'out', 'test', 'ui', 'vsix');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.vsix.js')).map((f) => path.join(dir, f)) : [];
  if (files.length === 0) { throw new Error('no compiled .vsix tests under out/test/ui/vsix'); }
  process.env.AZURE_BILLING_VSIX = vsix;
  const result = await runMocha(files, { timeout: 180000, grep: process.env.AZURE_BILLING_TEST_GREP });
  writeJson('vsix-tests.json', { ...result, vsixBytes: bytes });
  for (const t of result.tests.filter((x) => x.state === 'failed')) { console.log(`[vsix] FAILED ${t.title}\n${t.error}`); }
  return { passed: result.passed, failed: result.failed, skipped: result.skipped, vsixBytes: bytes };
});
