// The usage panel's bundle in a real (headless) Chromium: it must draw bars in the theme's
// colours, list the groups in the legend, show table totals equal to the host's totals, follow a
// theme change, and post the person's choices back to the host.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { priceUsage } from '../../../src/insight/estimate';
import { groupCosts } from '../../../src/insight/grouping';
import { RateIndex } from '../../../src/insight/rateIndex';
import { collectUsage } from '../../../src/insight/usageLedger';
import { usageByMeter } from '../../../src/insight/usageSeries';
import { buildSeriesPayload } from '../../../src/views/usagePanel/seriesPayload';
import { PanelSelection, SeriesPayload } from '../../../src/shared/usagePanelMessages';
import { CHROMIUM, PanelPage, THEMES, buildPanelBundle } from '../../webview/usagePanelPage';
import { card, days, rate, row, vmUri } from '../insight/usageFixtures';

const haveChromium = fs.existsSync(CHROMIUM);
const skip = haveChromium ? false : `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
const artifacts = path.resolve(__dirname, '..', '..', '..', '..', 'test-results');

let browser: Browser | undefined;
let bundle: { js: string; css: string };
let payload: SeriesPayload;
const selection: PanelSelection = { groupBy: 'resource', period: { preset: 'custom', from: '2024-05-01', to: '2024-05-10' }, view: 'cost', source: 'estimate' };

before(async () => {
  if (!haveChromium) { return; }
  bundle = await buildPanelBundle(fs.mkdtempSync(path.join(os.tmpdir(), 'usage-panel-')));
  // Ten days of three VMs at different sizes, priced with a flat rate: vm-web 30 h/day × 0.5,
  // vm-db 20 h/day × 0.5, vm-batch 4 h/day × 0.5 (folded into "Other" with top 2).
  const rows = Array.from({ length: 10 }, (_, d) => {
    const start = `2024-05-${String(d + 1).padStart(2, '0')}T00:00:00Z`;
    return [
      row({ start, quantity: 30 + d, resourceUri: vmUri('vm-web') }),
      row({ start, quantity: 20, resourceUri: vmUri('vm-db') }),
      row({ start, quantity: 4, resourceUri: vmUri('vm-batch') }),
    ];
  }).flat();
  const range = days('2024-05-01', '2024-05-10');
  const ledger = await collectUsage(rows, range, 'day');
  const index = new RateIndex(card([rate('meter-a', { 0: 0.5 })]));
  priceUsage(ledger.cube, () => index);
  payload = buildSeriesPayload({
    selection,
    title: 'Test subscription',
    costs: groupCosts(ledger.cube, { groupBy: 'resource', range, topN: 2 }),
    usage: usageByMeter(ledger.cube, range),
    sources: ['estimate'],
    groupings: [{ key: 'resource', label: 'Resource' }, { key: 'resourceGroup', label: 'Resource group' }],
    hourlyAvailable: true,
    unpricedReason: (r) => r,
  });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--headless'] });
});

after(async () => {
  await browser?.close();
});

test('the panel draws stacked bars in theme colours, a legend of the groups and a table whose total is the host\'s', { skip }, async () => {
  const panel = await PanelPage.open(browser!, bundle, 'dark');
  assert.deepEqual((await panel.posted())[0], { type: 'ready' });
  await panel.send({ type: 'series', payload });

  assert.deepEqual(await panel.texts('.legend-label'), ['vm-web', 'vm-db', 'Other']);
  // vm-web: (30+…+39) h × 0.5 = 172.50; the grand total: (345 + 200 + 40) × 0.5 = 292.50.
  assert.deepEqual(await panel.texts('.legend-total'), ['$172.50', '$100.00', '$20.00']);
  assert.deepEqual(await panel.texts('[data-role="grand-total"]'), ['$292.50']);
  assert.equal((await panel.texts('.data-table tbody tr')).length, 10);

  const dark = THEMES.dark.vars;
  const counts = await panel.countColours([dark['--vscode-charts-blue'], dark['--vscode-charts-orange']]);
  assert.ok(counts[dark['--vscode-charts-blue']] > 1000, `vm-web bars drawn: ${JSON.stringify(counts)}`);
  assert.ok(counts[dark['--vscode-charts-orange']] > 1000, `vm-db bars drawn: ${JSON.stringify(counts)}`);
  fs.mkdirSync(artifacts, { recursive: true });
  await panel.page.screenshot({ path: path.join(artifacts, 'usage-panel-dark.png'), fullPage: true });

  // A theme change re-reads the variables: light blue replaces dark blue.
  await panel.setTheme('light');
  const light = THEMES.light.vars;
  const after = await panel.countColours([dark['--vscode-charts-blue'], light['--vscode-charts-blue']]);
  assert.equal(after[dark['--vscode-charts-blue']], 0);
  assert.ok(after[light['--vscode-charts-blue']] > 1000, JSON.stringify(after));
  await panel.page.screenshot({ path: path.join(artifacts, 'usage-panel-light.png'), fullPage: true });
  await panel.page.close();
});

test('choices and exports are posted to the host; state survives in setState', { skip }, async () => {
  const panel = await PanelPage.open(browser!, bundle, 'highContrast');
  await panel.send({ type: 'series', payload });
  await panel.page.selectOption('#group-by', 'resourceGroup');
  await panel.page.click('#export-png');
  await panel.page.click('button[data-view="usage"]');
  await panel.page.click('#refresh');
  const posted = await panel.posted();
  assert.ok(posted.some((m) => m.type === 'refresh'));
  const select = posted.find((m) => m.type === 'select');
  assert.deepEqual(select, { type: 'select', selection: { ...selection, groupBy: 'resourceGroup' } });
  const png = posted.find((m) => m.type === 'exportPng');
  assert.ok(png && png.type === 'exportPng' && png.dataUrl.startsWith('data:image/png;base64,'));
  const state = await panel.page.evaluate<{ selection: PanelSelection }>('window.__state');
  assert.equal(state.selection.view, 'usage');

  // A custom range the host refused: the message sits by the field the person must change.
  await panel.page.fill('#period-from', '2024-05-10');
  await panel.page.fill('#period-to', '2024-05-01');
  await panel.page.click('#period-apply');
  const applied = (await panel.posted()).at(-1);
  assert.deepEqual(applied, { type: 'select', selection: { ...selection, groupBy: 'resourceGroup', view: 'usage', period: { preset: 'custom', from: '2024-05-10', to: '2024-05-01' } } });
  await panel.send({ type: 'periodInvalid', field: 'to', message: 'The end date 2024-05-01 is before the start date 2024-05-10.' });
  assert.deepEqual(await panel.texts('#period-error'), ['The end date 2024-05-01 is before the start date 2024-05-10.']);
  assert.equal(await panel.page.getAttribute('#period-to', 'aria-invalid'), 'true');
  assert.equal(await panel.page.getAttribute('#period-from', 'aria-invalid'), null);
  await panel.page.close();
});

test('the usage view charts one meter in its unit; empty and error states say what to do', { skip }, async () => {
  const panel = await PanelPage.open(browser!, bundle, 'dark');
  await panel.send({ type: 'series', payload: { ...payload, selection: { ...selection, view: 'usage' } } });
  // 345 + 200 + 40 hours over ten days, one meter.
  assert.deepEqual(await panel.texts('.legend-total'), ['585']);
  assert.match((await panel.texts('.data-table caption'))[0], /\(Hours\)/);
  await panel.page.screenshot({ path: path.join(artifacts, 'usage-panel-usage.png'), fullPage: true });

  await panel.send({ type: 'empty', message: 'No usage from May 1 to May 10', hint: 'Pick a longer period.' });
  assert.deepEqual(await panel.texts('.empty p'), ['No usage from May 1 to May 10', 'Pick a longer period.']);
  assert.equal(await panel.page.isVisible('canvas'), false);

  await panel.send({ type: 'error', message: 'You need the Billing Reader role.', retryable: true });
  await panel.page.click('#retry');
  assert.deepEqual((await panel.posted()).at(-1), { type: 'retry' });
  await panel.page.close();
});

test('with actual cost as well, the page shows the switch, the comparison table, the forecast and the unpriced meters', { skip }, async () => {
  const panel = await PanelPage.open(browser!, bundle, 'dark');
  const buckets = payload.buckets;
  // Actual is the estimate plus 10 cents on the first day: the difference column says +0.10 there.
  const estimate = payload.currencies[0].bucketTotals;
  const actual = estimate.map((v, i) => (i === 0 ? v + 10 : v));
  const withActual: SeriesPayload = {
    ...payload,
    sources: ['estimate', 'actual'],
    comparison: [{
      currency: 'USD', fractionDigits: 2, estimate, actual, difference: actual.map((a, i) => a - estimate[i]),
      totals: { estimate: 29250, actual: 29260, difference: 10 },
    }],
    forecast: [{ currency: 'USD', fractionDigits: 2, toDate: 29250, forecast: 90675, low: 84000, high: 99950, dailyRunRate: 2925, periodEnd: '2024-05-31', costManagement: 88100 }],
    unpriced: [{ meterName: 'Premium SSD', unit: 'GB/Month', quantity: '12.5', reason: 'not in the rate card' }],
    notes: ['Estimated from list prices.'],
  };
  await panel.send({ type: 'series', payload: withActual });
  assert.equal(await panel.page.isVisible('#source'), true);
  assert.deepEqual(await panel.texts('.comparison tfoot td'), ['$292.50', '$292.60', '$0.10']);
  assert.equal((await panel.texts('.comparison tbody tr')).length, buckets.length);
  // Point, range and Cost Management's own forecast, each under its label.
  assert.deepEqual(await panel.texts('.card dd'), ['$292.50', '$906.75', '$840.00 – $999.50', '$881.00', '$29.25']);
  assert.deepEqual(await panel.texts('.card dt'), ['To date', 'Forecast (May 31)', 'Likely range (10th–90th percentile)', 'Cost Management forecast', 'Per day']);
  assert.match((await panel.texts('.warning li'))[0], /Premium SSD: 12\.5 GB\/Month — not in the rate card/);
  await panel.page.screenshot({ path: path.join(artifacts, 'usage-panel-comparison.png'), fullPage: true });
  await panel.page.selectOption('#source', 'actual');
  assert.deepEqual((await panel.posted()).at(-1), { type: 'select', selection: { ...selection, source: 'actual' } });
  await panel.page.close();
});
