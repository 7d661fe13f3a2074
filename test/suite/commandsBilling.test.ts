// The billing commands in a real VS Code against the emulator: from a tree node and from the
// palette (its quick picks and input boxes answered by the test), with the numbers they show
// checked against the emulator's ARM JSON: credit balance, credit events and invoices in the table
// (totals per currency equal the rows), custom ranges refused with a message that says why, and CSV
// exports written into the workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureBillingApi } from '../../src/extension';
import type { BalanceResult } from '../../src/views/commands/billing/creditCommands';
import type { BalanceSummary, CreditEvent, Lot, Invoice } from '../support/wireShapes';
import { accountNode, armGet, armList, centsSum, childOfKind, daysAgo, english, money } from './explorerBillingHelpers';
import { clearFaults } from './support/emulatorControl';
import { extensionApi, refresh, ShownNode, shownChildren } from './support/extensionApi';

const acct = (name: string) => `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(name)}`;
const id = (n: ShownNode) => (n.node as { id: string }).id;

/** What the table panel shows (the command returns the document it opened). */
interface Table {
  columns: Array<{ id: string; kind: string }>;
  rows: Array<{ id: string; cells: Record<string, { raw: string; text: string; currency?: string }> }>;
  totals: Array<{ currency: string; cells: Record<string, string> }>;
  subtitle?: string;
}

type Answer = (items: readonly vscode.QuickPickItem[], options?: vscode.QuickPickOptions) => vscode.QuickPickItem | undefined;

/** Answers the palette's quick picks and input boxes in order, as a person would, then puts the real ones back. */
async function withAnswers<T>(picks: Answer[], inputs: Array<(options?: vscode.InputBoxOptions) => Promise<string | undefined>>, run: () => Thenable<T>): Promise<T> {
  const window = vscode.window as { showQuickPick: unknown; showInputBox: unknown };
  const realPick = window.showQuickPick;
  const realInput = window.showInputBox;
  window.showQuickPick = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
    const answer = picks.shift();
    assert.ok(answer, `an unexpected quick pick: ${options?.title}`);
    return answer(await items, options);
  };
  window.showInputBox = async (options?: vscode.InputBoxOptions) => {
    const answer = inputs.shift();
    assert.ok(answer, `an unexpected input box: ${options?.title}`);
    return answer(options);
  };
  try {
    return await run();
  } finally {
    window.showQuickPick = realPick;
    window.showInputBox = realInput;
  }
}

/** Captures error messages instead of showing them. */
async function capturingErrors<T>(run: () => Thenable<T>): Promise<{ result: T; errors: string[] }> {
  const window = vscode.window as { showErrorMessage: unknown };
  const real = window.showErrorMessage;
  const errors: string[] = [];
  window.showErrorMessage = (message: string) => {
    errors.push(message);
    return Promise.resolve(undefined);
  };
  try {
    return { result: await run(), errors };
  } finally {
    window.showErrorMessage = real;
  }
}

describe('Azure Billing: billing commands', function () {
  this.timeout(120_000);
  let api: AzureBillingApi;
  let accountName: string;
  let profiles: Array<{ name: string; properties: { displayName: string; currency: string } }>;

  before(async () => {
    api = await extensionApi();
    await clearFaults();
    await refresh();
    accountName = (await accountNode(api, 'MicrosoftCustomerAgreement')).wire.name;
    profiles = await armList(`${acct(accountName)}/billingProfiles?api-version=2020-05-01`);
  });
  afterEach(() => clearFaults());

  const profileOf = (currency: string) => profiles.find((p) => p.properties.currency === currency)!;
  const scopeOf = (currency: string) => `${acct(accountName)}/billingProfiles/${profileOf(currency).name}/providers/Microsoft.Consumption`;

  async function profileNode(currency: string): Promise<ShownNode> {
    const { shown } = await accountNode(api, 'MicrosoftCustomerAgreement');
    const found = (await shownChildren(api, shown.node)).find((c) => id(c).endsWith(`/profile/${profileOf(currency).name}`));
    assert.ok(found);
    return found;
  }

  it('Show Credit Balance from the tree: the balance summary, with its currency, in the notification', async () => {
    const summary = (await armGet<BalanceSummary>(`${scopeOf('USD')}/credits/balanceSummary?api-version=2024-08-01`)).json!.properties.balanceSummary;
    const result = await vscode.commands.executeCommand<BalanceResult>('azureBilling.showCreditBalance', (await profileNode('USD')).node);
    assert.strictEqual(result.balance.kind, 'summary');
    assert.deepStrictEqual(result.balance.summary.currentBalance, { amount: summary.currentBalance.value, currency: summary.currentBalance.currency });
    assert.ok(result.message.includes(money(summary.currentBalance.value, summary.currentBalance.currency)), result.message);
    assert.ok(result.message.includes(money(summary.estimatedBalance.value, summary.estimatedBalance.currency)), result.message);
  });

  it('Show Credit Balance from the palette asks for the profile, and shows the EUR profile in euros', async () => {
    const eur = profileOf('EUR');
    const summary = (await armGet<BalanceSummary>(`${scopeOf('EUR')}/credits/balanceSummary?api-version=2024-08-01`)).json!.properties.balanceSummary;
    const result = await withAnswers([(items) => items.find((i) => i.label === eur.properties.displayName)], [], () =>
      vscode.commands.executeCommand<BalanceResult>('azureBilling.showCreditBalance'),
    );
    assert.strictEqual(result.profile.name, eur.name);
    assert.strictEqual(result.balance.kind, 'summary');
    assert.strictEqual(result.balance.summary.currentBalance?.currency, summary.currentBalance.currency);
    assert.ok(result.message.includes(money(summary.currentBalance.value, summary.currentBalance.currency)), result.message);
  });

  it('Show Credit Events opens the ledger of a range with totals per currency equal to its rows', async () => {
    const start = daysAgo(180);
    const end = daysAgo(0);
    const raw = await armList<CreditEvent>(`${scopeOf('USD')}/events?api-version=2024-08-01&startDate=${start}&endDate=${end}`);
    assert.ok(raw.length > 3, 'the world has events in the last six months');
    const doc = await vscode.commands.executeCommand<Table>('azureBilling.showCreditEvents', (await profileNode('USD')).node, { startDate: start, endDate: end });
    assert.strictEqual(doc.rows.length, raw.length);
    assert.deepStrictEqual(doc.rows.map((r) => r.id).sort(), raw.map((e) => e.name).sort());
    // Newest first.
    const dates = doc.rows.map((r) => r.cells.date.raw);
    assert.deepStrictEqual(dates, [...dates].sort().reverse());
    for (const column of ['charges', 'newCredit'] as const) {
      const byCurrency = new Map<string, number[]>();
      for (const e of raw) {
        const m = e.properties[column];
        if (m) { byCurrency.set(m.currency, [...(byCurrency.get(m.currency) ?? []), m.value]); }
      }
      for (const [currency, values] of byCurrency) {
        const total = doc.totals.find((t) => t.currency === currency);
        assert.ok(total, `a total line for ${currency}`);
        assert.strictEqual(total.cells[column], money(centsSum(values), currency), `${column} in ${currency}`);
      }
    }
    assert.ok(doc.totals.every((t) => t.cells.closedBalance === undefined), 'a running balance is never added up');
  });

  it('refuses a range Azure would refuse, and says what is wrong', async () => {
    const node = (await profileNode('USD')).node;
    const swapped = await capturingErrors(() => vscode.commands.executeCommand('azureBilling.showCreditEvents', node, { startDate: daysAgo(1), endDate: daysAgo(30) }));
    assert.strictEqual(swapped.result, undefined);
    assert.strictEqual(swapped.errors.length, 1);
    if (english()) { assert.match(swapped.errors[0], /start date is after the end date/); }
    const tooLong = await capturingErrors(() => vscode.commands.executeCommand('azureBilling.showCreditEvents', node, { startDate: daysAgo(500), endDate: daysAgo(0) }));
    assert.strictEqual(tooLong.result, undefined);
    if (english()) { assert.match(tooLong.errors[0], /at most 12 months/); }
    const notADate = await capturingErrors(() => vscode.commands.executeCommand('azureBilling.showCreditEvents', node, { startDate: '2026-02-30', endDate: daysAgo(0) }));
    if (english()) { assert.match(notADate.errors[0], /start date is not a real date/); }
  });

  it('Show Credit Events from the palette: a custom range whose dates are checked as they are typed', async () => {
    const usd = profileOf('USD');
    const messages: Array<string | undefined> = [];
    const start = daysAgo(60);
    const end = daysAgo(0);
    const doc = await withAnswers(
      [(items) => items.find((i) => i.label === usd.properties.displayName), (items) => items[items.length - 1]],
      [
        async (options) => {
          messages.push(await options!.validateInput!('2026-13-01') as string | undefined);
          messages.push(await options!.validateInput!(start) as string | undefined);
          return start;
        },
        async (options) => {
          messages.push(await options!.validateInput!(daysAgo(90)) as string | undefined);
          messages.push(await options!.validateInput!(end) as string | undefined);
          return end;
        },
      ],
      () => vscode.commands.executeCommand<Table>('azureBilling.showCreditEvents'),
    );
    assert.ok(messages[0], 'a month 13 is refused');
    assert.strictEqual(messages[1], undefined);
    assert.ok(messages[2], 'an end before the start is refused');
    assert.strictEqual(messages[3], undefined);
    const raw = await armList<CreditEvent>(`${scopeOf('USD')}/events?api-version=2024-08-01&startDate=${start}&endDate=${end}`);
    assert.strictEqual(doc.rows.length, raw.length);
  });

  it('Show Invoices of the EUR profile: rows and totals in euros only, equal to the emulator\'s invoices', async () => {
    const from = daysAgo(364);
    const to = daysAgo(0);
    const raw = (await armList<Invoice>(`${acct(accountName)}/billingProfiles/${profileOf('EUR').name}/invoices?api-version=2024-04-01&periodStartDate=${daysAgo(800)}&periodEndDate=${to}`)).filter(
      (i) => i.properties.invoiceDate.slice(0, 10) >= from && i.properties.invoiceDate.slice(0, 10) <= to,
    );
    const doc = await vscode.commands.executeCommand<Table>('azureBilling.showInvoices', (await profileNode('EUR')).node, { preset: 'last12Months' });
    assert.deepStrictEqual(doc.rows.map((r) => r.id).sort(), raw.map((i) => i.name).sort());
    assert.deepStrictEqual(doc.totals.map((t) => t.currency), ['EUR']);
    assert.strictEqual(doc.totals[0].cells.total, money(centsSum(raw.map((i) => i.properties.totalAmount.value)), 'EUR'));
    assert.strictEqual(doc.totals[0].cells.amountDue, money(centsSum(raw.map((i) => i.properties.amountDue.value)), 'EUR'));
  });

  it('Show Invoices from the palette: the source, then a custom period whose dates are checked as typed', async () => {
    const eur = profileOf('EUR');
    const start = daysAgo(200);
    const end = daysAgo(0);
    const messages: Array<string | undefined> = [];
    const doc = await withAnswers(
      [(items) => items.find((i) => i.label === eur.properties.displayName), (items) => items[items.length - 1]],
      [
        async (options) => {
          messages.push((await options!.validateInput!('2026-02-30')) as string | undefined);
          return start;
        },
        async (options) => {
          messages.push((await options!.validateInput!(daysAgo(300))) as string | undefined);
          messages.push((await options!.validateInput!(end)) as string | undefined);
          return end;
        },
      ],
      () => vscode.commands.executeCommand<Table>('azureBilling.showInvoices'),
    );
    assert.ok(messages[0], 'February 30th is refused');
    assert.ok(messages[1], 'an end before the start is refused');
    assert.strictEqual(messages[2], undefined);
    const raw = (await armList<Invoice>(`${acct(accountName)}/billingProfiles/${eur.name}/invoices?api-version=2024-04-01&periodStartDate=${daysAgo(800)}&periodEndDate=${end}`)).filter(
      (i) => i.properties.invoiceDate.slice(0, 10) >= start && i.properties.invoiceDate.slice(0, 10) <= end,
    );
    assert.deepStrictEqual(doc.rows.map((r) => r.id).sort(), raw.map((i) => i.name).sort());
  });

  it('Export CSV writes the table\'s rows into the workspace, amounts as the emulator sent them', async () => {
    const start = daysAgo(90);
    const end = daysAgo(0);
    const doc = await vscode.commands.executeCommand<Table>('azureBilling.showCreditEvents', (await profileNode('USD')).node, { startDate: start, endDate: end });
    const exported = await vscode.commands.executeCommand<{ uri: string; rows: number }>('azureBilling.exportCsv', doc);
    const uri = vscode.Uri.parse(exported.uri);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    assert.ok(uri.path.startsWith(`${folder.path}/invoices/${profileOf('USD').properties.displayName}/`), uri.path);
    const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n').filter(Boolean);
    assert.strictEqual(lines.length, doc.rows.length + 1);
    const raw = await armList<CreditEvent>(`${scopeOf('USD')}/events?api-version=2024-08-01&startDate=${start}&endDate=${end}`);
    const charged = raw.find((e) => (e.properties.charges?.value ?? 0) > 0);
    assert.ok(charged);
    const date = charged.properties.transactionDate.slice(0, 10);
    assert.ok(lines.some((l) => l.startsWith(`"${date}",`) && l.includes(`,${charged.properties.charges.value},`)), `a line for ${charged.name}`);
  });

  it('Export CSV from the Credits node writes the credit lots', async () => {
    const credits = await childOfKind(api, (await profileNode('USD')).node, 'creditsFolder');
    const exported = await vscode.commands.executeCommand<{ uri: string; rows: number }>('azureBilling.exportCsv', credits.node);
    const raw = await armList<Lot>(`${scopeOf('USD')}/lots?api-version=2024-08-01`);
    assert.strictEqual(exported.rows, raw.length);
    const text = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.parse(exported.uri))).toString('utf8');
    for (const lot of raw) { assert.ok(text.includes(`,${lot.properties.originalAmount.value},${lot.properties.closedBalance.value},`), `lot ${lot.name} with its amounts`); }
  });
});
