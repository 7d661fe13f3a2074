// Credit runway in a real VS Code against the emulator: Show Credit Balance and the Credits node
// name the day the credits run out. The day is worked out again here, independently, from the
// lots and the balance the emulator's Consumption API reports and the daily spend the extension
// says it assumed, consuming lots earliest expiry first.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { accountNode, armGet, armList, childOfKind, english, eventually } from './explorerBillingHelpers';
import { shownChildren } from './support/extensionApi';
import { emulatorSuite } from './emulatorSuite';
import type { BalanceResult } from '../../src/views/commands/billing/creditCommands';
import type { BalanceSummary } from '../support/wireShapes';

const DAY_MS = 86_400_000;
const acct = (name: string) => `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(name)}`;

interface WireLot {
  name: string;
  properties: { status?: string; closedBalance?: { value: number; currency: string }; expirationDate?: string };
}

/** The day (days since 1970-01-01) the credits run out, spending `dailyCents` from `today` on. */
function runsOut(lots: WireLot[], balanceCents: number, currency: string, dailyCents: number, today: number): number | undefined {
  const live = lots
    .filter((l) => (l.properties.closedBalance?.value ?? 0) > 0 && !['expired', 'complete', 'canceled'].includes((l.properties.status ?? '').toLowerCase()))
    .filter((l) => l.properties.closedBalance!.currency === currency)
    .map((l) => ({ left: Math.round(l.properties.closedBalance!.value * 100), last: l.properties.expirationDate ? Math.floor(Date.parse(l.properties.expirationDate) / DAY_MS) : Infinity }))
    .sort((a, b) => a.last - b.last);
  // The balance is newer than the lots: what was spent since comes off the earliest expiry first.
  let extra = balanceCents - live.reduce((s, l) => s + l.left, 0);
  for (const l of live) {
    const take = Math.min(l.left, Math.max(0, -extra));
    l.left -= take;
    extra += take;
  }
  if (extra > 0) {live.push({ left: extra, last: Infinity });}
  for (const l of live) {if (l.last < today) {l.left = 0;}}
  for (let d = today; d < today + 36_525; d++) {
    let need = dailyCents;
    for (const l of live) {
      if (need === 0) {break;}
      if (l.last < d) {continue;}
      const take = Math.min(need, l.left);
      l.left -= take;
      need -= take;
    }
    for (const l of live) {if (l.last === d) {l.left = 0;}}
    if (live.every((l) => l.left === 0)) {return d;}
  }
  return undefined;
}

describe('Azure Billing: credit runway', function () {
  this.timeout(120_000);
  const host = emulatorSuite();

  async function usdProfile() {
    const { shown, wire } = await accountNode(host.api, 'MicrosoftCustomerAgreement');
    const profiles = await armList<{ name: string; properties: { currency: string; displayName: string } }>(`${acct(wire.name)}/billingProfiles?api-version=2020-05-01`);
    const profile = profiles.find((p) => p.properties.currency === 'USD')!;
    const node = (await shownChildren(host.api, shown.node)).find((c) => (c.node as { id: string }).id.endsWith(`/profile/${profile.name}`));
    assert.ok(node, 'the USD profile is in the tree');
    return { node, scope: `${acct(wire.name)}/billingProfiles/${profile.name}/providers/Microsoft.Consumption` };
  }

  it('Show Credit Balance names the day the credits run out, earliest expiry first, as the lots and balance give it', async () => {
    const { node, scope } = await usdProfile();
    const result = await vscode.commands.executeCommand<BalanceResult>('azureBilling.showCreditBalance', node.node);
    assert.strictEqual(result.runway?.kind, 'runway', JSON.stringify(result.runway));
    const runway = result.runway.runway;
    const summary = (await armGet<BalanceSummary>(`${scope}/credits/balanceSummary?api-version=2024-08-01`)).json!.properties.balanceSummary;
    const balance = summary.estimatedBalance ?? summary.currentBalance;
    const lots = await armList<WireLot>(`${scope}/lots?api-version=2024-08-01`);
    assert.ok(runway.dailySpend > 0, 'the profile spends money every day');
    const expected = runsOut(lots, Math.round(balance.value * 100), balance.currency, runway.dailySpend, Math.floor(Date.now() / DAY_MS));
    assert.strictEqual(runway.runsOutOn, expected);
    if (expected !== undefined && english()) {
      const date = new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(expected * DAY_MS);
      assert.ok(result.message.endsWith(`runs out ~${date}`), result.message);
    }
  });

  it('the Credits node shows the runway beside the balance, and its tooltip states the order assumed', async () => {
    const { node } = await usdProfile();
    const credits = await eventually(
      () => childOfKind(host.api, node.node, 'creditsFolder'),
      (n) => / · .*~|runs out|lasts|소진/.test(n.description),
      30_000,
    );
    if (english()) {
      assert.match(credits.description, /runs out ~|lasts at this spend/);
      assert.match(credits.tooltip, /earliest expiry first/);
    }
    assert.match(credits.tooltip, /Credit runway|크레딧 소진 예측/);
  });
});
