// Benchmark: the usage panel's pipeline over the emulator's `large` world — fetch UsageAggregates
// pages, parse rows (billing/), stream them into the usage cube, price with the RateCard and
// group for the chart (insight/) — in rows per second, beside JSON.parse alone over the same
// page bytes; peak memory; and the size of the message the webview would get. The emulator runs
// in a child process so its work does not count against the client (its CPU is shown apart).
// Then what-if (docs/what-if.md): the same priced usage under its own rate card and six other
// offers' RateCards, timed beside one pricing pass. A measurement, not a test.
//
// By default a full year of hourly usage for the first 100 subscriptions (a few million rows,
// about a minute), then a projection — labelled as such — for every subscription of the world.
//
//   node out/scripts/bench/pricing.js [--days 365] [--granularity Hourly|Daily] [--subscriptions 100]
//                                     [--baseline-subscriptions 10]
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { ArmClient } from '../../src/azure/armClient';
import { customCloud } from '../../src/azure/clouds';
import { servicePrincipalTokenSource } from '../../src/azure/identitySources';
import { HOURS_PER_DAY, formatIsoDate, parseIsoDate } from '../../src/insight/calendar';
import { CostCube } from '../../src/insight/costCube';
import { groupCosts } from '../../src/insight/grouping';
import { RateIndex } from '../../src/insight/rateIndex';
import { pricingRangeFor } from '../../src/insight/usageLedger';
import { usageByMeter } from '../../src/insight/usageSeries';
import { priceUsage } from '../../src/insight/estimate';
import { getRateCard } from '../../src/billing/rateCard';
import { quantitiesOfCube } from '../../src/insight/whatIf/monthlyQuantities';
import { monthlyCreditOf, offerAlternative } from '../../src/insight/whatIf/offerAlternative';
import { priceAlternatives } from '../../src/insight/whatIf/priceAlternatives';
import { buildSeriesPayload } from '../../src/views/usagePanel/seriesPayload';
import { UsageCostSource } from '../../src/views/usagePanel/usageCostSource';
import { AS_OF, caDir, option, repoRoot, runBenchmark } from './benchSetup';

interface EmulatorInfo {
  baseUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

function startEmulatorProcess(): Promise<{ info: EmulatorInfo; child: ChildProcess }> {
  const cli = path.join(repoRoot, 'out', 'test', 'emulator', 'cli.js');
  const child = spawn(process.execPath, [cli, '--scale', 'large', '--as-of', AS_OF, '--page-size', '1000', '--ca-dir', caDir, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline >= 0) { resolve({ info: JSON.parse(buffered.slice(0, newline)) as EmulatorInfo, child }); }
    });
    child.on('exit', (code) => reject(new Error(`The emulator exited (${code}) before it was ready.`)));
  });
}

/** Peak heap, sampled while the pipeline runs (maxRSS comes from the OS at the end). */
function heapSampler() {
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
  return { stop: () => (clearInterval(timer), peak) };
}

/** CPU seconds a child process has used so far (Linux /proc), to show the emulator's share apart. */
function childCpuSeconds(pid: number | undefined): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

/**
 * The hourly cube summed into days: what the panel charts over a range too long for hours (it
 * offers the hourly view up to 14 days), so the message measured is the one a person would get.
 */
function dailyView(cube: CostCube): CostCube {
  if (cube.granularity === 'day') { return cube; }
  const days = cube.bucketCount / HOURS_PER_DAY;
  const sum = (cells: bigint[] | undefined) => {
    if (!cells) { return undefined; }
    const out = new Array<bigint>(days).fill(0n);
    for (let b = 0; b < cells.length; b++) { out[Math.floor(b / HOURS_PER_DAY)] += cells[b]; }
    return out;
  };
  return {
    ...cube,
    granularity: 'day',
    firstBucket: cube.firstBucket / HOURS_PER_DAY,
    bucketCount: days,
    lines: cube.lines.map((line) => ({ ...line, quantity: sum(line.quantity), cost: sum(line.cost), unpricedQuantity: sum(line.unpricedQuantity) })),
  };
}

/** JSON.parse alone over the same pages: fetched raw, timed without the network. */
async function jsonParseBaseline(info: EmulatorInfo, token: string, subscriptionId: string, from: string, to: string, granularity: string) {
  let url: string | undefined =
    `${info.baseUrl}/subscriptions/${subscriptionId}/providers/Microsoft.Commerce/UsageAggregates?api-version=2015-06-01-preview` +
    `&reportedStartTime=${from}T00:00:00Z&reportedEndTime=${to}T00:00:00Z&aggregationGranularity=${granularity}&showDetails=true`;
  let bytes = 0;
  let rows = 0;
  let parseMs = 0;
  while (url) {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    bytes += Buffer.byteLength(text);
    const started = performance.now();
    const body = JSON.parse(text) as { value?: unknown[]; nextLink?: string };
    parseMs += performance.now() - started;
    rows += body.value?.length ?? 0;
    url = body.nextLink;
  }
  return { bytes, rows, parseMs };
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;

async function main(): Promise<void> {
  const days = Number(option('days', '365'));
  const granularity = option('granularity', 'Hourly') === 'Daily' ? 'Daily' : 'Hourly';
  const maxSubscriptions = Number(option('subscriptions', '100'));
  const baselineSubscriptions = Number(option('baseline-subscriptions', '10'));
  const today = parseIsoDate(AS_OF)!;
  // The last `days` complete days; the cube starts on the 1st of the month so tiers are right.
  const display = { first: today - days, last: today - 1 };
  const hourlyView = granularity === 'Hourly' && days <= 14;
  const { info, child } = await startEmulatorProcess();
  const cloud = customCloud({ resourceManagerEndpoint: info.baseUrl });
  const clients = new Map<string, { client: ArmClient; tokenSource: ReturnType<typeof servicePrincipalTokenSource> }>();
  const clientFor = (tenantId: string) => {
    let entry = clients.get(tenantId);
    if (!entry) {
      const tokenSource = servicePrincipalTokenSource({ tenantId, clientId: info.clientId, clientSecret: info.clientSecret, authorityHost: info.baseUrl });
      entry = { client: new ArmClient({ cloud, tokenSource, tenantId }), tokenSource };
      clients.set(tenantId, entry);
    }
    return entry;
  };
  try {
    const home = clientFor(info.tenantId);
    const subscriptions: Array<{ subscriptionId: string; displayName: string; tenantId: string }> = [];
    for await (const t of home.client.list<{ tenantId: string }>('/tenants', { query: { 'api-version': '2022-12-01' } })) {
      const { client } = clientFor(t.tenantId);
      for await (const s of client.list<{ subscriptionId: string; displayName: string }>('/subscriptions', { query: { 'api-version': '2022-12-01' } })) {
        subscriptions.push({ ...s, tenantId: t.tenantId });
      }
    }
    const chosen = subscriptions.slice(0, maxSubscriptions);
    const pricing = pricingRangeFor(display);
    console.log(`World: large, ${subscriptions.length} subscriptions. Measured: ${chosen.length} of them, ${granularity.toLowerCase()} usage of ` +
      `${formatIsoDate(display.first)} … ${formatIsoDate(display.last)} (${days} days; cube from ${formatIsoDate(pricing.first)} for the tiers)`);

    // Six other offers for what-if, fetched before the clock starts (cached on disk by the extension).
    const otherOffers = ['MS-AZR-0023P', 'MS-AZR-0063P', 'MS-AZR-0036P', 'MS-AZR-0059P', 'MS-AZR-0062P', 'MS-AZR-0044P'];
    const sixCards = await Promise.all(otherOffers.map(async (offerDurableId) => {
      const card = await getRateCard(home.client, chosen[0].subscriptionId, { offerDurableId, currency: 'USD', locale: 'en-US', regionInfo: 'US' });
      const rates = new RateIndex(card);
      return offerAlternative(offerDurableId, rates, monthlyCreditOf(rates.offerTerms));
    }));
    let whatIfMs = 0;
    let repriceMs = 0;
    let whatIfCpuMs = 0;

    global.gc?.();
    const heap = heapSampler();
    const cpuBefore = process.cpuUsage();
    const emulatorCpuBefore = childCpuSeconds(child.pid);
    const started = performance.now();
    let rows = 0;
    let cells = 0;
    let lines = 0;
    let resources = 0;
    let failed = 0;
    const messageSizes: number[] = [];
    // As the panels do: one RateCard per set of terms, shared by every subscription.
    const rateCards = new Map<string, Promise<RateIndex>>();
    for (const sub of chosen) {
      const { client } = clientFor(sub.tenantId);
      const source = new UsageCostSource(client, { subscriptionId: sub.subscriptionId, tenantId: sub.tenantId, label: sub.displayName }, rateCards);
      try {
        const priced = await source.estimate(pricing, granularity === 'Hourly' ? 'hour' : 'day');
        rows += priced.stats.rows;
        lines += priced.cube.lines.length;
        cells += priced.cube.lines.length * priced.cube.bucketCount;
        resources += priced.cube.dimensions.resourceCount;
        const shown = hourlyView ? priced.cube : dailyView(priced.cube);
        const costs = groupCosts(shown, { groupBy: 'resource', range: display, topN: 6 });
        const payload = buildSeriesPayload({
          selection: { groupBy: 'resource', period: { preset: 'custom' }, view: hourlyView ? 'hourly' : 'cost', source: 'estimate' },
          title: sub.displayName, costs, usage: usageByMeter(shown, display), sources: ['estimate'], groupings: [],
          hourlyAvailable: hourlyView, unpricedReason: (r) => r,
        });
        messageSizes.push(Buffer.byteLength(JSON.stringify({ type: 'series', payload })));
        // What-if on the same usage: reduce once, then baseline + six offers. Timed apart, and the
        // estimate's own pricing step timed again on the same cube for comparison.
        const own = priced.rates;
        if (own) {
          const cpuAt = process.cpuUsage();
          const at = performance.now();
          priceAlternatives(quantitiesOfCube(priced.cube, display), [offerAlternative('baseline', own, monthlyCreditOf(own.offerTerms)), ...sixCards]);
          whatIfMs += performance.now() - at;
          const spent = process.cpuUsage(cpuAt);
          whatIfCpuMs += (spent.user + spent.system) / 1000;
          const again = performance.now();
          priceUsage(priced.cube, () => own);
          repriceMs += performance.now() - again;
        }
      } catch (error) {
        failed++;
        if (failed <= 3) { console.log(`  ${sub.displayName}: ${error instanceof Error ? error.message : String(error)}`); }
      }
    }
    const pipelineMs = performance.now() - started - whatIfMs - repriceMs;
    const cpu = process.cpuUsage(cpuBefore);
    const clientCpuMs = (cpu.user + cpu.system) / 1000 - whatIfCpuMs - repriceMs;
    const emulatorCpuAfter = childCpuSeconds(child.pid);
    const peakHeap = heap.stop();
    const peakRss = process.resourceUsage().maxRSS * 1024;

    // JSON.parse alone over the same kind of pages, for the first few subscriptions (fetching
    // every page again would double the run; the rate is what matters). Not timed: the network.
    let baseline = { bytes: 0, rows: 0, parseMs: 0 };
    const sampled = chosen.slice(0, Math.max(1, baselineSubscriptions));
    for (const sub of sampled) {
      const token = (await clientFor(sub.tenantId).tokenSource.getToken(cloud.scope)).token;
      // The same reported window listUsageForDays asks for: 3 more days for late rows.
      const window = { from: formatIsoDate(pricing.first), to: formatIsoDate(display.last + 1 + 3) };
      const b = await jsonParseBaseline(info, token, sub.subscriptionId, window.from, window.to, granularity).catch(() => undefined);
      if (b) { baseline = { bytes: baseline.bytes + b.bytes, rows: baseline.rows + b.rows, parseMs: baseline.parseMs + b.parseMs }; }
    }
    messageSizes.sort((a, b) => a - b);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`Measured: ${rows.toLocaleString('en-US')} usage rows (${resources.toLocaleString('en-US')} resources, ${chosen.length - failed} subscriptions) ` +
      `in ${seconds(pipelineMs)} → ${rate(rows, pipelineMs)} end to end (fetch + parse + price + aggregate)` +
      (failed ? `; ${failed} subscriptions refused (e.g. CSP)` : ''));
    console.log(`  client CPU: ${seconds(clientCpuMs)} → ${rate(rows, clientCpuMs)} of client work (HTTP, JSON.parse, rows, cube, pricing, grouping)`);
    if (emulatorCpuBefore !== undefined && emulatorCpuAfter !== undefined) {
      console.log(`  emulator CPU (child process, not the product): ${(emulatorCpuAfter - emulatorCpuBefore).toFixed(1)} s`);
    }
    console.log(`  JSON.parse alone (the ceiling on one core): ${mb(baseline.bytes)} of pages of ${sampled.length} subscriptions, ` +
      `${baseline.rows.toLocaleString('en-US')} rows in ${(baseline.parseMs / 1000).toFixed(2)} s → ${rate(baseline.rows, baseline.parseMs)}`);
    const perRow = (ms: number, n: number) => ms / Math.max(1, n);
    console.log(`  client CPU of a pricing pass against JSON.parse alone over the same bytes: ` +
      `${(perRow(clientCpuMs, rows) / perRow(baseline.parseMs, baseline.rows)).toFixed(1)} × (target ≤ 2 ×)`);
    console.log(`What-if, six alternatives (${otherOffers.join(', ')}) and the baseline on the same usage: ${seconds(whatIfMs)} ` +
      `(reduction once + 7 price lists); one pricing pass ${seconds(pipelineMs)} → with six alternatives ` +
      `${((pipelineMs + whatIfMs) / pipelineMs).toFixed(2)} × one pass (target ≤ 1.5 ×); ` +
      `the estimate's pricing step alone on the same cubes: ${seconds(repriceMs)}`);
    console.log(`  cube: ${lines.toLocaleString('en-US')} lines × buckets = ${cells.toLocaleString('en-US')} cells (memory follows cells, not rows)`);
    console.log(`  peak memory: heap ${mb(peakHeap)}, RSS ${mb(peakRss)}`);
    console.log(`  message to the webview (${hourlyView ? 'hourly' : 'daily'} view): median ${kb(messageSizes[Math.floor(messageSizes.length / 2)] ?? 0)}, ` +
      `largest ${kb(messageSizes.at(-1) ?? 0)} (${messageSizes.length} panels)`);
    // Scaled to the whole world (every subscription, 365 days) at the rates just measured.
    const pricedDays = pricing.last - pricing.first + 1;
    const priced = chosen.length - failed;
    const scale = subscriptions.length / Math.max(1, priced);
    const yearRows = (rows / Math.max(1, pricedDays * priced)) * 365 * subscriptions.length;
    const yearCells = (lines / Math.max(1, priced)) * subscriptions.length * 366;
    console.log(`Projection, not measured — a year of every subscription (≈ ${Math.round(resources * scale).toLocaleString('en-US')} resources): ` +
      `${Math.round(yearRows).toLocaleString('en-US')} ${granularity.toLowerCase()} rows ≈ ` +
      `${(yearRows / (rows / (pipelineMs / 1000)) / 60).toFixed(1)} min end to end, ${(yearRows / (rows / (clientCpuMs / 1000)) / 60).toFixed(1)} min of client CPU; ` +
      `a daily cube of ${Math.round(yearCells).toLocaleString('en-US')} cells`);
  } finally {
    for (const c of clients.values()) { c.client.dispose(); }
    child.kill();
  }
}

// --expose-gc: the heap is measured from a collected start.
runBenchmark(main, ['--expose-gc']);
