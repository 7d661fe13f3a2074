// Benchmark: list the whole `large` world (accounts → profiles → sections → subscriptions, credit
// balances, lots, invoices) through src/billing/ over the real client, with a fixed latency added
// to every answer, and print requests made and wall time beside the ideal (the longest chain of
// requests that depend on each other × the latency). A measurement, not a pass/fail test.
//
//   npm run bench -- [--latency 50] [--concurrency 8] [--scale large]
import { performance } from 'perf_hooks';
import { ArmClient } from '../../src/azure/armClient';
import { customCloud } from '../../src/azure/clouds';
import { mapWithConcurrency } from '../../src/azure/concurrency';
import { servicePrincipalTokenSource } from '../../src/azure/identitySources';
import { RequestRecorder } from '../../src/azure/instrumentation';
import { startEmulator } from '../../test/emulator/server';
import { Scale } from '../../test/emulator/world/types';
import { AS_OF, caDir, option, runBenchmark } from './benchSetup';
import { DependencyDepth } from './dependencyDepth';
import { walkWorld } from './worldWalk';

async function main(): Promise<void> {
  const latencyMs = Number(option('latency', '50'));
  const concurrency = Number(option('concurrency', '8'));
  const scale = option('scale', 'large') as Scale;

  const emu = await startEmulator({ caDir, scale, latencyMs, asOf: AS_OF });
  const recorder = new RequestRecorder();
  const tokenSource = servicePrincipalTokenSource({ tenantId: emu.tenantId, clientId: emu.clientId, clientSecret: emu.clientSecret, authorityHost: emu.baseUrl });
  const client = new ArmClient({ cloud: customCloud({ resourceManagerEndpoint: emu.baseUrl }), tokenSource, onRequest: recorder.listener, maxConcurrentRequests: concurrency });
  try {
    // Signing in is not part of the walk.
    await tokenSource.getToken(customCloud({ resourceManagerEndpoint: emu.baseUrl }).scope);
    // The emulator computes invoices and credits of the large world on first use, in this same
    // process: a first walk pays for that, so the second one measures the client and the routes.
    const walkOnce = async (label: string) => {
      recorder.clear();
      const chain = new DependencyDepth();
      const started = performance.now();
      // The root branch holds the chain the account list advances and every fan-out starts from.
      const found = await chain.branch(() => walkWorld(chain.wrap(client), {
        asOf: new Date(`${AS_OF}T12:00:00Z`),
        fanOut: <T, R>(items: T[], fn: (item: T) => Promise<R>) => mapWithConcurrency(items, Math.max(concurrency, 4), (item) => chain.branch(() => fn(item))),
      }));
      const wallMs = performance.now() - started;
      console.log(`${label}: ${recorder.count} requests in ${(wallMs / 1000).toFixed(2)} s`);
      return { found, wallMs, depth: chain.maxDepth };
    };
    await walkOnce('Cold walk (emulator computing its world)');
    const { found, wallMs, depth: levels } = await walkOnce('Warm walk');
    const idealMs = levels * latencyMs;
    const durations = recorder.events.map((e) => e.durationMs).sort((a, b) => a - b);
    const pct = (p: number) => durations[Math.min(durations.length - 1, Math.floor((p / 100) * durations.length))] ?? 0;

    console.log(`\nWorld: scale ${scale}, ${emu.world.billing.visibleAccounts(emu.tenantId).length} billing accounts visible, ${latencyMs} ms added to every answer`);
    console.log(`Found: ${found.accounts} accounts, ${found.profiles} profiles, ${found.sections} invoice sections, ${found.subscriptions} subscriptions, ` +
      `${found.creditBalances} credit balances (${found.noCredits} without credits), ${found.lots} credit lots, ${found.invoices} invoices`);
    if (found.notApplicable) { console.log(`Skipped as not applicable to the agreement: ${found.notApplicable} calls`); }
    for (const failure of found.failures.slice(0, 5)) { console.log(`Failed: ${failure}`); }
    if (found.failures.length > 5) { console.log(`… and ${found.failures.length - 5} more failures`); }
    console.log(`Requests: ${recorder.count} (${recorder.retries} retries), at most ${concurrency} in flight`);
    console.log(`Request time: median ${pct(50)} ms, p90 ${pct(90)} ms, max ${pct(100)} ms`);
    console.log(`Wall time (warm): ${(wallMs / 1000).toFixed(2)} s`);
    console.log(`Ideal: ${levels} dependent levels × ${latencyMs} ms = ${(idealMs / 1000).toFixed(2)} s (wall time is ${(wallMs / Math.max(1, idealMs)).toFixed(1)}× the ideal)`);
    console.log(`Serial floor: ${recorder.count} requests × ${latencyMs} ms / ${concurrency} in flight = ${((recorder.count * latencyMs) / concurrency / 1000).toFixed(2)} s`);
  } finally {
    client.dispose();
    await emu.close();
  }
}

runBenchmark(main);
