// What the benchmarks that talk to the emulator share: its CA (in the repository's .cache, made
// once), the fixed "today" of its world, and reading `--name value` options.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ensureCa } from '../../test/emulator/tls';

/** Compiled benchmarks run from out/scripts/bench/. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const caDir = path.join(repoRoot, '.cache', 'emulator-ca');
/** The emulator's "today", fixed so every run measures the same world. */
export const AS_OF = '2026-11-15';

export function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/**
 * Node reads NODE_EXTRA_CA_CERTS only at start-up: run this script again with the emulator's CA
 * trusted (and `nodeArgs`, e.g. --expose-gc). True when it did, and this process should stop.
 */
export function rerunTrustingEmulatorCa(nodeArgs: string[] = []): boolean {
  const caPath = path.join(caDir, 'ca.pem');
  if (process.env.NODE_EXTRA_CA_CERTS === caPath) { return false; }
  ensureCa(caDir);
  const child = spawnSync(process.execPath, [...nodeArgs, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: caPath } });
  process.exitCode = child.status ?? 1;
  return true;
}

/** Runs `main` in the re-run process only, reporting a failure through the exit code. */
export function runBenchmark(main: () => Promise<void>, nodeArgs: string[] = []): void {
  if (rerunTrustingEmulatorCa(nodeArgs)) { return; }
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
