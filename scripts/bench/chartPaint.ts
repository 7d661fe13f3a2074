// Benchmark: the usage panel's first paint in headless Chromium with the real webview bundle —
// a year of days (365) × 20 groups, from the message's arrival to the frame after chart.js drew
// it. Two payloads: what the host really sends (insight/ folds the 20 groups into the top 6 and
// "Other"), and all 20 groups as their own bar series (the cost if that fold were lifted).
// Each figure is a fresh page (a first paint, not a redraw); prints median and range.
// A measurement, not a test.
//
//   node out/scripts/bench/chartPaint.js [--runs 5]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseIsoDate } from '../../src/insight/calendar';
import { CostCube, CubeLine } from '../../src/insight/costCube';
import { DimensionTable } from '../../src/insight/dimensions';
import { fixedFromNumber } from '../../src/insight/fixedDecimal';
import { groupCosts } from '../../src/insight/grouping';
import type { SeriesPayload } from '../../src/shared/usagePanelMessages';
import { TOP_GROUPS } from '../../src/views/usagePanel/panelModel';
import { buildSeriesPayload } from '../../src/views/usagePanel/seriesPayload';
import { CHROMIUM, PanelPage, buildPanelBundle } from '../../test/webview/usagePanelPage';

const DAYS = 365;
const GROUPS = 20;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/** A year of daily cost for 20 resource groups, with a weekly rhythm so bars differ. */
function yearCube(): CostCube {
  const first = parseIsoDate('2025-11-15')!;
  const dimensions = new DimensionTable();
  const lines: CubeLine[] = Array.from({ length: GROUPS }, (_, g) => ({
    subscriptionId: 'bench',
    resource: dimensions.resource(`rg-${g}`, () => ({ key: `rg-${g}`, uri: '', name: `rg-${g}`, resourceGroup: `rg-${String(g).padStart(2, '0')}`, service: '', region: '', tags: {} })),
    meter: dimensions.meter('m', () => ({ meterId: 'm', name: 'm', category: 'Compute', subCategory: '', region: '', unit: '1 Hour' })),
    currency: 'USD',
    cost: Array.from({ length: DAYS }, (_, d) => fixedFromNumber((GROUPS - g) * (1 + ((d % 7) + 1) / 10) + g / 7)),
  }));
  return { granularity: 'day', firstBucket: first, bucketCount: DAYS, lines, dimensions };
}

function payloadFor(topN: number): SeriesPayload {
  const cube = yearCube();
  const range = { first: cube.firstBucket, last: cube.firstBucket + DAYS - 1 };
  return buildSeriesPayload({
    selection: { groupBy: 'resourceGroup', period: { preset: 'custom', from: '2025-11-15', to: '2026-11-14' }, view: 'cost', source: 'actual' },
    title: 'Benchmark',
    costs: groupCosts(cube, { groupBy: 'resourceGroup', range, topN }),
    sources: ['actual'],
    groupings: [{ key: 'resourceGroup', label: 'Resource group' }],
    hourlyAvailable: false,
    unpricedReason: (r) => r,
  });
}

/** ms from posting the message to the frame after the chart drew it, in a fresh page. */
async function firstPaint(browser: import('playwright-core').Browser, bundle: { js: string; css: string }, payload: SeriesPayload): Promise<number> {
  const panel = await PanelPage.open(browser, bundle, 'dark');
  // The page's own clock: the message is handled as a task, and the frame after the next one has the chart on screen.
  const ms = await panel.page.evaluate<number>(`new Promise((resolve) => {
    const start = performance.now();
    window.postMessage({ type: 'series', payload: ${JSON.stringify(payload)} }, '*');
    setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start))), 0);
  })`);
  const bars = await panel.page.$$eval('.legend-entry', (n) => n.length);
  if (bars !== payload.currencies[0].groups.length) { throw new Error(`the legend shows ${bars} groups, the payload has ${payload.currencies[0].groups.length}`); }
  await panel.page.close();
  return ms;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`chart paint: skipped, no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    return;
  }
  const runs = Number(option('runs', '5'));
  const bundle = await buildPanelBundle(fs.mkdtempSync(path.join(os.tmpdir(), 'chart-paint-')));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--headless'] });
  try {
    for (const [name, topN] of [[`as sent (top ${TOP_GROUPS} + Other)`, TOP_GROUPS], [`all ${GROUPS} groups`, GROUPS]] as const) {
      const payload = payloadFor(topN);
      await firstPaint(browser, bundle, payload); // warm-up: Chromium compiles the bundle once
      const times: number[] = [];
      for (let i = 0; i < runs; i++) { times.push(await firstPaint(browser, bundle, payload)); }
      times.sort((a, b) => a - b);
      const bytes = Buffer.byteLength(JSON.stringify(payload));
      console.log(
        `chart first paint, ${DAYS} days × ${GROUPS} groups, ${name}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms ` +
          `(min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}, ${runs} runs; ${payload.currencies[0].groups.length} series, message ${(bytes / 1024).toFixed(0)} KB)`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
