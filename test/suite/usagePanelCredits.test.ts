// The usage panel's Credits view in a real VS Code against the emulator: the panel of the USD
// billing profile (which has credits) offers it, and choosing it sends the burn-down — starting
// at the balance the emulator's balance summary reports, a mark on each active lot's expiry date,
// the ledger's running balance before today, and the same daily spend Show Credit Balance assumes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CreditsPayload, PanelSelection } from '../../src/shared/usagePanelMessages';
import { armGet, armList, profileNodeIn } from './explorerBillingHelpers';
import { emulatorToday } from './support/emulatorControl';
import { emulatorSuite } from './emulatorSuite';
import { PanelHandle, until } from './usagePanelHandle';
import { accountScope } from './usagePanelEmulator';

interface WireLot { name: string; properties: { status?: string; closedBalance?: { value: number }; expirationDate?: string } }
interface WireSummary { properties: { balanceSummary: { estimatedBalance?: { value: number }; currentBalance?: { value: number } } } }
interface WireEvent { properties: { transactionDate?: string; closedBalance?: { value: number } } }

describe('Azure Billing: the usage panel\'s Credits view', function () {
  this.timeout(240_000);
  const host = emulatorSuite();
  let handle: PanelHandle | undefined;

  after(() => {
    handle?.panel.dispose();
  });

  it('a billing profile with credits offers the Credits view and sends the burn-down the emulator\'s credits give', async () => {
    const { node, profile, wire } = await profileNodeIn(host.api, 'USD');
    handle = await vscode.commands.executeCommand<PanelHandle>('azureBilling.showUsageAndCost', node.node);
    assert.ok(handle?.panel, 'the command returns the panel');
    const offered = await until(() => handle!.posted.find((m) => m.type === 'creditsOffered'), 90_000);
    assert.ok(offered, `the page is told the Credits view is there: ${handle.posted.map((m) => m.type).join(', ')}`);
    await handle.whenSettled();

    const credits: PanelSelection = { groupBy: 'subscription', period: { preset: 'billingPeriod' }, view: 'credits', source: 'actual' };
    handle.show(credits);
    await handle.whenSettled();
    const last = handle.lastPosted;
    assert.ok(last?.type === 'credits', `answer: ${JSON.stringify(last)?.slice(0, 400)}`);
    const p: CreditsPayload = last.payload;

    const consumption = `/${accountScope(wire.name)}/billingProfiles/${encodeURIComponent(profile.name)}/providers/Microsoft.Consumption`;
    const answer = (await armGet(`${consumption}/credits/balanceSummary?api-version=2024-08-01`)).json as WireSummary;
    const summary = answer.properties.balanceSummary;
    const balanceCents = Math.round((summary.estimatedBalance ?? summary.currentBalance)!.value * 100);
    assert.strictEqual(p.currency, 'USD');
    assert.strictEqual(p.balance, balanceCents, 'the projection starts at the estimated balance');
    assert.strictEqual(p.projected[0].balance, balanceCents);
    // The balance only ever goes down, by at least the daily spend a day, until it runs out.
    for (let i = 1; i < p.projected.length; i++) {
      const drop = p.projected[i - 1].balance - p.projected[i].balance;
      assert.ok(drop >= Math.min(p.dailySpend, p.projected[i - 1].balance), `day ${p.projected[i].day}: ${drop}`);
    }
    if (p.runsOut) {assert.strictEqual(p.projected[p.projected.length - 1].balance, 0);}

    const today = await emulatorToday();
    const lots = await armList<WireLot>(`${consumption}/lots?api-version=2024-08-01`);
    const live = lots.filter((l) => (l.properties.closedBalance?.value ?? 0) > 0 && l.properties.status === 'Active' && (l.properties.expirationDate ?? '').slice(0, 10) >= today);
    assert.ok(live.length > 0, 'the profile has active lots');
    assert.deepStrictEqual(p.expiries.map((m) => `${m.lot} ${m.day}`).sort(), live.map((l) => `${l.name} ${l.properties.expirationDate!.slice(0, 10)}`).sort(), 'one mark per active lot, on its expiry date');

    const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const events = await armList<WireEvent>(`${consumption}/events?api-version=2024-08-01&startDate=${yearAgo}&endDate=${today}`);
    const before = events.filter((e) => (e.properties.transactionDate ?? '').slice(0, 10) < today && e.properties.closedBalance);
    const lastEvent = before.sort((a, b) => a.properties.transactionDate!.localeCompare(b.properties.transactionDate!)).pop();
    assert.ok(lastEvent, 'the ledger has events before today');
    assert.strictEqual(p.actual[p.actual.length - 1].balance, Math.round(lastEvent.properties.closedBalance!.value * 100), 'the actual part ends with the ledger\'s last balance');

    const shown = await vscode.commands.executeCommand<{ runway?: { kind: string; runway?: { dailySpend: number } } }>('azureBilling.showCreditBalance', node.node);
    assert.strictEqual(shown.runway?.runway?.dailySpend, p.dailySpend, 'the same spend as Show Credit Balance');
  });
});
