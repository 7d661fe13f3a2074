// Budgets in a real VS Code against the emulator (docs/budgets.md): the Budgets folders show the
// world's budgets with their spend as a percentage worked out here from the emulator's own answer;
// Create Budget runs the wizard (its prompts answered as a person would, Back and refused input
// included) and the new budget appears in the tree; an edit that meets a budget changed elsewhere
// (412) says so, reads it again and applies the person's edit on top; Delete asks first.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { accountNode, armGet, armList, childOfKind, eventually, profileNodeIn, rawRequest } from './explorerBillingHelpers';
import { emulatorSuite } from './emulatorSuite';
import { emulatorToken, emulatorUrl } from './support/emulatorControl';
import { refresh, ShownNode, shownChildren } from './support/extensionApi';
import { enter, pick, refusedThen, withScriptedQuickInput } from './support/scriptedQuickInput';

const V = 'api-version=2024-08-01';

interface WireBudget {
  name: string;
  eTag: string;
  properties: { amount: number; currentSpend: { amount: number; unit: string }; forecastSpend: { amount: number; unit: string }; notifications: Record<string, { threshold: number; contactEmails: string[] }>; timeGrain: string };
}

function percent(part: number, whole: number): string {
  const p = (part / whole) * 100;
  return new Intl.NumberFormat(vscode.env.language, { style: 'percent', maximumFractionDigits: Math.abs(p) < 10 ? 1 : 0 }).format(p / 100);
}

async function budgetsFolder(host: { api: Parameters<typeof shownChildren>[0] }, parent: unknown): Promise<ShownNode> {
  return childOfKind(host.api, parent, 'budgetsFolder');
}

/** The folder's budgets once they have loaded (the first page loads in the background). */
async function budgetNodes(host: { api: Parameters<typeof shownChildren>[0] }, folder: ShownNode): Promise<ShownNode[]> {
  return eventually(() => shownChildren(host.api, folder.node), (list) => list.some((n) => n.contextValue.startsWith('azureBilling.budget ')) || list.some((n) => /No budgets/.test(n.label)));
}

async function withModalAnswer<T>(answer: string | undefined, work: () => Thenable<T>): Promise<{ result: T; asked: string[] }> {
  const window = vscode.window as unknown as { showWarningMessage: unknown };
  const real = window.showWarningMessage;
  const asked: string[] = [];
  window.showWarningMessage = (message: string) => { asked.push(message); return Promise.resolve(answer); };
  try {
    return { result: await work(), asked };
  } finally {
    window.showWarningMessage = real;
  }
}

describe('Azure Billing: budgets', function () {
  this.timeout(180_000);
  const host = emulatorSuite({ clearFaults: 'after' });
  let profileScope = '';
  let profileFolder: ShownNode;

  before(async () => {
    const { node, profile, wire } = await profileNodeIn(host.api, 'USD');
    profileScope = `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(wire.name)}/billingProfiles/${profile.name}`;
    profileFolder = await budgetsFolder(host, node.node);
  });

  it('shows each budget with amount, time grain, spend and forecast as % of the amount; warning and error icons', async () => {
    const wire = await armList<WireBudget>(`${profileScope}/providers/Microsoft.Consumption/budgets?${V}`);
    const seeded = wire.find((b) => b.name === 'operations-quarterly');
    assert.ok(seeded);
    const nodes = await budgetNodes(host, profileFolder);
    const shown = nodes.find((n) => n.label === 'operations-quarterly');
    assert.ok(shown, `operations-quarterly among ${nodes.map((n) => n.label).join(', ')}`);
    const p = seeded.properties;
    assert.ok(shown.description.includes(percent(p.currentSpend.amount, p.amount)), `${shown.description} has ${percent(p.currentSpend.amount, p.amount)}`);
    assert.ok(shown.description.includes(percent(p.forecastSpend.amount, p.amount)));
    assert.ok(p.currentSpend.amount > p.amount, 'seeded past 100 %');
    const item = host.api.explorer.provider.getTreeItem(shown.node as never);
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.match(shown.tooltip, /Notifications/);
    assert.match(shown.tooltip, /finops@/);

    // The EA enrollment's annual budget: near its 100 % actual threshold, forecast past it → warning.
    const ea = await accountNode(host.api, 'EnterpriseAgreement');
    const eaFolder = await budgetsFolder(host, ea.shown.node);
    const eaNodes = await budgetNodes(host, eaFolder);
    const annual = eaNodes.find((n) => n.label === 'enrollment-annual');
    assert.ok(annual);
    const [eaWire] = await armList<WireBudget>(`/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(ea.wire.name)}/providers/Microsoft.Consumption/budgets?${V}`);
    assert.ok(annual.description.includes(percent(eaWire.properties.currentSpend.amount, eaWire.properties.amount)));
    assert.strictEqual((host.api.explorer.provider.getTreeItem(annual.node as never).iconPath as vscode.ThemeIcon).id, 'warning');
  });

  it('Create Budget: the wizard checks as one types, goes back, and the budget appears with its percentage', async () => {
    const { result } = await withScriptedQuickInput([
      refusedThen('host budget', /letters, digits/, 'host-budget'),
      refusedThen('1,5', /number/, '250'),
      (input) => { input.back(); return Promise.resolve(); }, // time grain → back to the amount, which keeps 250
      async (input) => { assert.strictEqual(input.value, '250'); await enter()(input); },
      pick('Monthly'),
      enter(), // the start: this month's first day, offered
      enter(''), // no end date
      pick('Add a notification'),
      pick('Actual'),
      refusedThen('1001', /0 to 1000/, '50'),
      refusedThen('ops@contoso', /e-mail/, 'ops@contoso.com, finops@contoso.com'),
      pick('Continue'),
      pick('All costs'),
    ], () => vscode.commands.executeCommand('azureBilling.createBudget', profileFolder.node));
    assert.ok(result, `nothing was saved (${JSON.stringify(host.api.commands.lastFailure?.advice ?? {})})`);
    const answer = await armGet(`${profileScope}/providers/Microsoft.Consumption/budgets/host-budget?${V}`);
    assert.strictEqual(answer.status, 200);
    const wire = answer.json as WireBudget;
    assert.strictEqual(wire.properties.amount, 250);
    assert.deepStrictEqual(wire.properties.notifications.Actual_GreaterThan_50_Percent.contactEmails, ['ops@contoso.com', 'finops@contoso.com']);
    const nodes = await eventually(() => shownChildren(host.api, profileFolder.node), (list) => list.some((n) => n.label === 'host-budget'));
    const shown = nodes.find((n) => n.label === 'host-budget');
    assert.ok(shown, 'the new budget is in the tree');
    assert.ok(shown.description.includes(percent(wire.properties.currentSpend.amount, 250)), `${shown.description} shows ${percent(wire.properties.currentSpend.amount, 250)}`);
  });

  it('Edit Budget: a budget changed elsewhere meanwhile (412) is read again and the edit applied on top', async () => {
    const nodes = await shownChildren(host.api, profileFolder.node);
    const shown = nodes.find((n) => n.label === 'host-budget');
    assert.ok(shown);
    const path = `${profileScope}/providers/Microsoft.Consumption/budgets/host-budget?${V}`;
    const changeElsewhere = async () => {
      const current = (await armGet(path)).json as WireBudget & { properties: Record<string, unknown> };
      const body = JSON.stringify({ eTag: current.eTag, properties: { ...current.properties, amount: 300 } });
      const put = await rawRequest('PUT', new URL(path, emulatorUrl()).toString(), await emulatorToken(), body);
      assert.strictEqual(put.status, 200);
    };
    const { result: outcome, asked } = await withModalAnswer('Apply my changes again', () => withScriptedQuickInput([
      async (input) => { await changeElsewhere(); await enter('400')(input); },
      pick('Monthly'), enter(), enter(), pick('Continue'), pick('All costs'),
      // Second round, on the budget as read again: the person's 400 is offered.
      async (input) => { assert.strictEqual(input.value, '400'); await enter()(input); },
      pick('Monthly'), enter(), enter(), pick('Continue'), pick('All costs'),
    ], () => vscode.commands.executeCommand('azureBilling.editBudget', shown.node)));
    assert.ok(outcome.result, `not saved (${JSON.stringify(host.api.commands.lastFailure?.advice ?? {})})`);
    assert.strictEqual(asked.length, 1);
    assert.match(asked[0], /changed by someone else/);
    assert.strictEqual(((await armGet(path)).json as WireBudget).properties.amount, 400);
  });

  it('Create Budget from the palette asks for the scope first (the EA enrollment), then runs the wizard', async () => {
    const ea = await accountNode(host.api, 'EnterpriseAgreement');
    const window = vscode.window as unknown as { showQuickPick: unknown };
    const real = window.showQuickPick;
    const offered: string[] = [];
    window.showQuickPick = async (items: Thenable<readonly vscode.QuickPickItem[]> | readonly vscode.QuickPickItem[]) => {
      const list = await items;
      offered.push(...list.map((i) => i.label));
      return list.find((i) => i.label === ea.wire.properties.displayName);
    };
    try {
      const { result } = await withScriptedQuickInput([
        enter('palette-budget'), enter('1,000'), pick('Quarterly'), enter(), enter(''), pick('Continue'), pick('All costs'),
      ], () => vscode.commands.executeCommand('azureBilling.createBudget'));
      assert.ok(result, `nothing was saved (${JSON.stringify(host.api.commands.lastFailure?.advice ?? {})})`);
    } finally {
      window.showQuickPick = real;
    }
    assert.ok(offered.includes(ea.wire.properties.displayName));
    assert.ok(offered.length > 3, `subscriptions and profiles are offered too: ${offered.join(', ')}`);
    const path = `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(ea.wire.name)}/providers/Microsoft.Consumption/budgets/palette-budget?${V}`;
    const answer = await armGet(path);
    assert.strictEqual(answer.status, 200);
    assert.strictEqual((answer.json as WireBudget).properties.amount, 1000);
    assert.strictEqual((answer.json as WireBudget).properties.timeGrain, 'Quarterly');
    const removed = await rawRequest('DELETE', new URL(path, emulatorUrl()).toString(), await emulatorToken());
    assert.strictEqual(removed.status, 200);
  });

  it('Delete Budget asks first; declined keeps it, confirmed removes it from Azure and the tree', async () => {
    const find = async () => (await shownChildren(host.api, profileFolder.node)).find((n) => n.label === 'host-budget');
    const shown = await eventually(find, (n) => n !== undefined);
    assert.ok(shown);
    const path = `${profileScope}/providers/Microsoft.Consumption/budgets/host-budget?${V}`;
    const declined = await withModalAnswer(undefined, () => vscode.commands.executeCommand('azureBilling.deleteBudget', shown.node));
    assert.match(declined.asked[0], /Delete budget host-budget/);
    assert.strictEqual((await armGet(path)).status, 200, 'still there after No');
    await withModalAnswer('Delete', () => vscode.commands.executeCommand('azureBilling.deleteBudget', shown.node));
    assert.strictEqual((await armGet(path)).status, 404);
    assert.strictEqual(await eventually(find, (n) => n === undefined), undefined);
    await refresh(profileFolder.node);
  });
});
