/**
 * The tests module the extension host loads (`extensionTestsPath`): it runs mocha over every
 * `out/test/suite/**\/*.test.js`, writes a machine-readable summary, and settles (the extension
 * host then exits). Started by `scripts/host-tests.js`; see the README's section on the test host.
 *
 * Environment of the extension host (set on the VS Code server by the harness):
 * - AZURE_BILLING_TEST_RESULTS: file the summary JSON is written to
 *   ({ passed, failed, skipped, tests: [{ title, state, durationMs, error? }], metrics, durationMs }).
 * - AZURE_BILLING_EMULATOR_URL: the emulator's base URL; its control routes are
 *   `/_emulator/faults`, `/_emulator/stats` and `/_emulator/info`.
 * - AZURE_BILLING_EMULATOR_BLOB_URL: the emulator's blob origin (another host and port than ARM, as
 *   storage is on Azure), where download and RateCard links point, under `/blob/`.
 * - AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_AUTHORITY_HOST: the emulator's
 *   service principal; the settings select `azureBilling.authentication: servicePrincipal` and the
 *   `Custom` cloud pointed at the emulator.
 * - NODE_EXTRA_CA_CERTS: the emulator's CA, so the extension host trusts it.
 * - AZURE_BILLING_TEST_GREP (optional): run only tests whose full title contains this text.
 *
 * Suites may use either mocha interface (suite/test or describe/it) and record measurements
 * with `recordMetric` from `./metrics`. Every dialog is refused inside an extension-tests run.
 * Files run in path order, except that `*.last.test.js` files run after every other: they read
 * what the whole run left behind (logSecrets.last scans the extension's log, which runs at trace
 * level for the whole run).
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { recordedMetrics } from './metrics';

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
}

function findTestFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { files.push(...findTestFiles(full)); }
    else if (entry.name.endsWith('.test.js')) { files.push(full); }
  }
  return files.sort();
}

/** Path order, with the files that read what the others left behind at the end. */
function inRunOrder(files: string[]): string[] {
  const last = (file: string) => file.endsWith('.last.test.js');
  return [...files.filter((f) => !last(f)), ...files.filter(last)];
}

/** Written whole and renamed, so the harness never reads half a summary. */
function writeSummary(file: string | undefined, summary: object): void {
  if (!file) { return; }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.partial`, JSON.stringify(summary, null, 2));
  fs.renameSync(`${file}.partial`, file);
}

export async function run(): Promise<void> {
  const resultsFile = process.env.AZURE_BILLING_TEST_RESULTS;
  const started = Date.now();
  const tests: TestOutcome[] = [];
  try {
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
    // Also offer describe/it, whichever style a suite is written in.
    Mocha.interfaces.bdd(mocha.suite);
    const grep = process.env.AZURE_BILLING_TEST_GREP;
    if (grep) { mocha.grep(grep); }
    for (const file of inRunOrder(findTestFiles(__dirname))) { mocha.addFile(file); }
    await mocha.loadFilesAsync();
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'skipped' }));
      // Also fires for failing hooks, which then count as one failure each.
      runner.on('fail', (t, err: Error) => tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: err?.stack ?? String(err) }));
    });
  } catch (err) {
    // Loading a suite threw (syntax error, missing module): one failure that says so.
    tests.push({ title: 'loading the extension-host suites', state: 'failed', error: (err as Error)?.stack ?? String(err) });
  }
  const count = (state: TestOutcome['state']) => tests.filter((t) => t.state === state).length;
  const summary = {
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    tests,
    metrics: recordedMetrics(),
    vscodeVersion: vscode.version,
    durationMs: Date.now() - started,
  };
  writeSummary(resultsFile, summary);
  if (summary.failed > 0) { throw new Error(`${summary.failed} extension-host test(s) failed`); }
}
