// The alert monitor in a real VS Code against the emulator: one pass raises each alert the world
// plants (the spike and the new service on Contoso Platform Prod, watched for its budget; the steady
// rise on EA Marketing Sites, pinned; the credit lot of Contoso Operations that expires in 25 days;
// Cost Management's own alerts) exactly once; a second pass asks Azure nothing (each scope at most
// once per interval, counted by the emulator's stats route); after a reload of the global state
// nothing is raised again; Dismiss sends one PATCH; a throttled scope backs off without a message.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AnomalyFinding } from '../../src/insight/alerts/findings';
import { addFault, armList, emulatorStats, emulatorToday, resetEmulatorStats } from './support/emulatorControl';
import { emulatorSuite } from './emulatorSuite';
import { recordMetric } from './metrics';

const ALERTS_ROUTE = 'GET /{*scope}/providers/Microsoft.CostManagement/alerts';
const DISMISS_ROUTE = 'PATCH /{*scope}/providers/Microsoft.CostManagement/alerts/{alertId}';
const BUDGETS_ROUTE = 'GET /{*scope}/providers/Microsoft.Consumption/budgets';
const QUERY_ROUTE = 'POST /{*scope}/providers/Microsoft.CostManagement/query';

describe('Azure Billing: alert monitor', function () {
  this.timeout(240_000);
  const host = emulatorSuite({ clearFaults: 'afterEach' });
  let today = '';
  let rising: { subscriptionId: string; displayName: string } | undefined;

  before(async () => {
    today = await emulatorToday();
    const subs = await armList<{ subscriptionId: string; displayName: string }>('/subscriptions?api-version=2020-01-01');
    rising = subs.find((s) => s.displayName === 'EA Marketing Sites');
    assert.ok(rising, 'the subscription with the planted rise');
    await vscode.commands.executeCommand('azureBilling.pinToStatusBar', { kind: 'subscription', subscriptionId: rising.subscriptionId, label: rising.displayName });
    await host.api.statusBar.whenSettled();
    await vscode.workspace.getConfiguration('azureBilling.alerts').update('enabled', true, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('azureBilling.alerts').update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('azureBilling.unpinFromStatusBar');
  });

  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

  it('raises each planted alert once, and a second pass within the interval asks Azure nothing', async () => {
    const monitor = host.api.alerts;
    await resetEmulatorStats();
    const started = Date.now();
    await monitor.runPass();
    recordMetric('alerts.firstPassMs', Date.now() - started);
    const raised = monitor.raisedLog.map((a) => a.finding);
    const keys = raised.map((f) => f.key);
    assert.strictEqual(new Set(keys).size, keys.length, 'no key twice');
    const anomaly = (kind: AnomalyFinding['kind'], label: string) =>
      monitor.raisedLog.filter((a) => a.finding.kind === kind && a.scopeLabel === label).map((a) => a.finding as AnomalyFinding);
    const spikes = anomaly('spike', 'Contoso Platform Prod');
    assert.deepStrictEqual(spikes.map((f) => f.anomaly.kind === 'spike' && f.anomaly.day), [day(-2)], 'the spike the day before yesterday');
    assert.deepStrictEqual(anomaly('newMeter', 'Contoso Platform Prod').map((f) => f.anomaly.kind === 'newMeter' && f.anomaly.day), [day(-1)], 'the new service yesterday');
    assert.deepStrictEqual(anomaly('rise', 'EA Marketing Sites').map((f) => f.anomaly.kind === 'rise' && f.anomaly.to), [day(-1)], 'the rise up to yesterday');
    const expiring = raised.filter((f) => f.kind === 'creditExpiry');
    assert.deepStrictEqual(expiring.map((f) => f.kind === 'creditExpiry' && f.expires), [day(25)], 'the lot that expires in 25 days');
    assert.ok(raised.some((f) => f.kind === 'costManagement' && f.alertType === 'General'), 'Cost Management\u2019s anomaly alert');
    assert.ok(raised.some((f) => f.kind === 'costManagement' && f.alertType === 'Quota'), 'the enrollment\u2019s quota alert');

    const first = await emulatorStats();
    const alertLists = first?.byRoute[ALERTS_ROUTE] ?? 0;
    assert.ok(alertLists > 0);
    recordMetric('alerts.firstPassRequests', first?.total ?? 0);
    recordMetric('alerts.firstPassCostQueries', first?.byRoute[QUERY_ROUTE] ?? 0);
    // Each watched scope once: as many alert lists as scopes checked.
    assert.strictEqual(alertLists, monitor.stats.scopeChecks);

    const before = monitor.raisedLog.length;
    await monitor.runPass();
    const second = await emulatorStats();
    assert.strictEqual(second?.byRoute[ALERTS_ROUTE] ?? 0, alertLists, 'no scope asked twice within the interval');
    assert.strictEqual(second?.byRoute[QUERY_ROUTE] ?? 0, first?.byRoute[QUERY_ROUTE] ?? 0, 'no cost query either');
    assert.strictEqual(monitor.raisedLog.length, before);
  });

  it('after a reload of the global state, the same alerts are found again but none is raised again', async () => {
    const monitor = host.api.alerts;
    const active = monitor.activeAlerts().length;
    monitor.restart();
    assert.strictEqual(monitor.activeAlerts().length, active, 'the active alerts survive the reload');
    await monitor.runPass();
    assert.ok(monitor.stats.scopeChecks > 0);
    assert.deepStrictEqual(monitor.raisedLog.map((a) => a.finding.key), [], 'nothing raised twice');
    assert.ok(monitor.activeAlerts().some((a) => a.finding.kind === 'spike'), 'still active');
  });

  it('Dismiss on a Cost Management alert sends one PATCH and takes it off the active list; a local one stays dismissed in the ledger', async () => {
    const monitor = host.api.alerts;
    const cm = monitor.activeAlerts().find((a) => a.finding.kind === 'costManagement');
    assert.ok(cm);
    await resetEmulatorStats();
    await vscode.commands.executeCommand('azureBilling.dismissAlert', cm.finding.key);
    assert.strictEqual((await emulatorStats())?.byRoute[DISMISS_ROUTE], 1);
    assert.ok(!monitor.activeAlerts().some((a) => a.finding.key === cm.finding.key));
    const spike = monitor.activeAlerts().find((a) => a.finding.kind === 'spike');
    assert.ok(spike);
    await vscode.commands.executeCommand('azureBilling.dismissAlert', spike.finding.key);
    monitor.restart();
    await monitor.runPass();
    assert.ok(!monitor.activeAlerts().some((a) => a.finding.key === spike.finding.key || a.finding.key === cm.finding.key), 'dismissed alerts stay off after a new pass');
  });

  it('a throttled scope backs off quietly: no alert, no failure, asked again only after the wait', async () => {
    const monitor = host.api.alerts;
    monitor.restart();
    const throttledBefore = monitor.stats.throttled;
    // Budgets are listed at every scope on every pass; Azure asks to wait ten minutes.
    await addFault({ kind: 'throttle', path: '/providers/microsoft.consumption/budgets', retryAfterSeconds: 600 });
    await resetEmulatorStats();
    await monitor.runPass();
    assert.ok(monitor.stats.throttled > throttledBefore, 'throttling was seen');
    assert.deepStrictEqual(monitor.raisedLog.map((a) => a.finding.key), []);
    const lists = (await emulatorStats())?.byRoute[BUDGETS_ROUTE] ?? 0;
    assert.ok(lists > 0);
    await monitor.runPass();
    // The throttled scopes wait (ten minutes, as asked): a second pass does not ask them again.
    assert.strictEqual((await emulatorStats())?.byRoute[BUDGETS_ROUTE] ?? 0, lists);
  });
});
