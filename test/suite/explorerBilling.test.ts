// The billing tree below each account, in a real VS Code against the emulator: an MCA account down
// to credit lots, credit events, invoices, invoice sections and subscriptions (with the EUR
// profile), an EA enrollment's departments and enrollment accounts, a pay-as-you-go account, the
// "does not apply" answers, a 403 on one profile while the other loads, a 429 storm, Load more,
// Copy ID and Open in Portal. Expectations come from the emulator's ARM JSON read independently.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { accountNode, armGet, armList, childOfKind, daysAgo, english, eventually, money } from './explorerBillingHelpers';
import { addFault } from './support/emulatorControl';
import { refresh, ShownNode, shownChildren } from './support/extensionApi';
import { emulatorSuite } from './emulatorSuite';
import type { ArmResource } from '../support/emulator';
import type {
  BalanceSummary, BillingProfile, BillingSubscription, CreditEvent, EaEntity, Invoice, InvoiceSection, Lot,
} from '../support/wireShapes';

/** 2020-05-01 expands sections as an array; later revisions as `{ value }`. */
const sectionsOf = (p: BillingProfile): InvoiceSection[] => {
  const raw = p.properties.invoiceSections;
  return Array.isArray(raw) ? raw : raw?.value ?? [];
};

const acct = (name: string) => `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(name)}`;
const id = (n: ShownNode) => (n.node as { id: string }).id;

describe('Azure Billing: the billing tree below accounts', function () {
  this.timeout(120_000);
  const host = emulatorSuite({ refreshTree: true });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('azureBilling').update('treePageSize', undefined, vscode.ConfigurationTarget.Global);
  });

  async function profiles(accountName: string): Promise<BillingProfile[]> {
    return armList<BillingProfile>(`${acct(accountName)}/billingProfiles?api-version=2020-05-01&$expand=invoiceSections`);
  }

  async function profileNode(currency: string) {
    const { shown: account, wire } = await accountNode(host.api, 'MicrosoftCustomerAgreement');
    const wireProfile = (await profiles(wire.name)).find((p) => p.properties.currency === currency)!;
    assert.ok(wireProfile, `a profile billed in ${currency}`);
    const children = await shownChildren(host.api, account.node);
    const shown = children.find((c) => id(c).endsWith(`/profile/${wireProfile.name}`));
    assert.ok(shown, `the ${currency} profile is shown`);
    return { account, wire, wireProfile, shown };
  }

  it('shows the billing profiles of an MCA account, each with its currency', async () => {
    const { shown: account, wire } = await accountNode(host.api, 'MicrosoftCustomerAgreement');
    const children = await shownChildren(host.api, account.node);
    const wireProfiles = await profiles(wire.name);
    assert.deepStrictEqual(children.map((c) => c.label).sort(), wireProfiles.map((p) => p.properties.displayName).sort());
    for (const c of children) {
      const p = wireProfiles.find((w) => w.properties.displayName === c.label)!;
      assert.match(c.contextValue, /^azureBilling\.billingProfile\b/);
      assert.match(c.contextValue, /\bcopyId\b/);
      assert.match(c.contextValue, /\bportal\b/);
      // A profile's trouble ("Past due") comes first; its currency ends the description.
      assert.ok(c.description.endsWith(p.properties.currency), `${c.label}: ${c.description}`);
      assert.ok(c.tooltip.includes(p.name), 'the tooltip names the billing profile ID');
    }
  });

  it('puts credits, credit events, invoices, invoice sections and subscriptions below a profile', async () => {
    const { shown } = await profileNode('USD');
    const kinds = (await shownChildren(host.api, shown.node)).map((c) => c.contextValue.split(' ')[0]);
    assert.deepStrictEqual(kinds, ['azureBilling.creditsFolder', 'azureBilling.creditEventsFolder', 'azureBilling.invoicesFolder', 'azureBilling.invoiceSectionsFolder', 'azureBilling.subscriptionsFolder', 'azureBilling.budgetsFolder']);
  });

  it('shows the balance summary on Credits and the credit lots below it, marking those expiring within 90 days', async () => {
    const { wire, wireProfile, shown } = await profileNode('USD');
    const scope = `${acct(wire.name)}/billingProfiles/${wireProfile.name}/providers/Microsoft.Consumption`;
    const summary = (await armGet<BalanceSummary>(`${scope}/credits/balanceSummary?api-version=2024-08-01`)).json!.properties;
    const credits = await eventually(
      () => childOfKind(host.api, shown.node, 'creditsFolder'),
      (n) => !/loading|불러오는/.test(n.description),
    );
    const current = money(summary.balanceSummary.currentBalance.value, summary.balanceSummary.currentBalance.currency);
    const estimated = money(summary.balanceSummary.estimatedBalance.value, summary.balanceSummary.estimatedBalance.currency);
    assert.ok(credits.description.includes(current), `${credits.description} shows the current balance ${current}`);
    assert.ok(credits.description.includes(estimated), `${credits.description} shows the estimated balance ${estimated}`);

    const wireLots = await armList<Lot>(`${scope}/lots?api-version=2024-08-01`);
    const lots = await shownChildren(host.api, credits.node);
    assert.strictEqual(lots.length, wireLots.length);
    assert.ok(wireLots.length >= 3, 'the world has active, expired and used-up lots');
    const now = Date.now();
    for (const w of wireLots) {
      const node = lots.find((l) => id(l).endsWith(`/lot/${w.name}`))!;
      assert.ok(node, `lot ${w.name} shown`);
      const p = w.properties;
      // What is left comes first, the original amount last ("€0.00 left · expired · of €1,455.40").
      assert.ok(node.description.startsWith(money(p.closedBalance.value, p.closedBalance.currency)), `${node.description} starts with what is left`);
      assert.ok(node.description.endsWith(money(p.originalAmount.value, p.originalAmount.currency)), `${node.description} ends with the original amount`);
      const daysLeft = Math.ceil((Date.parse(p.expirationDate) - now) / 86_400_000);
      const expiringSoon = p.status === 'Active' && p.closedBalance.value > 0 && daysLeft > 0 && daysLeft <= 90;
      assert.strictEqual(node.description.includes('⚠'), expiringSoon, `${w.name}: ${node.description} (${daysLeft} days left, ${p.status})`);
      for (const field of [p.source, w.name]) {if (english() || field === w.name) {assert.ok(node.tooltip.includes(field === 'PromotionalCredit' ? 'Promotional credit' : field === 'PurchasedCredit' ? 'Purchased credit' : field), `tooltip has ${field}`);}}
    }
  });

  it('lists the last 12 months of invoices newest first, with amount, due date and status', async () => {
    const { wire, wireProfile, shown } = await profileNode('EUR');
    const from = daysAgo(364);
    const to = daysAgo(0);
    const raw = await armList<Invoice>(`${acct(wire.name)}/billingProfiles/${wireProfile.name}/invoices?api-version=2024-04-01&periodStartDate=${daysAgo(800)}&periodEndDate=${to}`);
    const expected = raw
      .filter((i) => i.properties.invoiceDate.slice(0, 10) >= from && i.properties.invoiceDate.slice(0, 10) <= to)
      .sort((a, b) => (a.properties.invoiceDate < b.properties.invoiceDate ? 1 : a.properties.invoiceDate > b.properties.invoiceDate ? -1 : a.name < b.name ? 1 : -1));
    const folder = await childOfKind(host.api, shown.node, 'invoicesFolder');
    const invoices = await shownChildren(host.api, folder.node);
    assert.deepStrictEqual(invoices.map((i) => i.label), expected.map((i) => i.name));
    for (const w of expected) {
      const node = invoices.find((i) => i.label === w.name)!;
      const total = w.properties.totalAmount;
      assert.strictEqual(total.currency, 'EUR');
      assert.ok(node.description.includes(money(total.value, 'EUR')), `${node.description} shows ${money(total.value, 'EUR')}`);
      // The due date while the invoice is due; otherwise its status (Paid, Overdue), the date in the tooltip.
      const dueDate = new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(w.properties.dueDate.slice(0, 10)));
      assert.strictEqual(node.description.includes(dueDate), w.properties.status === 'Due', `${node.description} (${w.properties.status}, due ${dueDate})`);
      assert.ok(node.tooltip.includes(dueDate), `the tooltip of ${w.name} has its due date`);
      if (english() && w.properties.status !== 'Due') {assert.ok(node.description.includes(w.properties.status === 'OverDue' ? 'Overdue' : w.properties.status), node.description);}
      assert.match(node.contextValue, /\binvoice\b/);
    }
    assert.ok(expected.some((i) => i.properties.status === 'OverDue'), 'the EUR profile has an overdue invoice');
  });

  it('shows invoice sections with their subscriptions, and the profile\'s subscriptions', async () => {
    const { wire, wireProfile, shown } = await profileNode('USD');
    const sectionsFolder = await childOfKind(host.api, shown.node, 'invoiceSectionsFolder');
    const sections = await shownChildren(host.api, sectionsFolder.node);
    assert.deepStrictEqual(sections.map((s) => s.label).sort(), sectionsOf(wireProfile).map((s) => s.properties.displayName).sort());
    for (const section of sections) {
      const wireSection = sectionsOf(wireProfile).find((s) => s.properties.displayName === section.label)!;
      const subs = await armList<BillingSubscription>(`${acct(wire.name)}/billingProfiles/${wireProfile.name}/invoiceSections/${wireSection.name}/billingSubscriptions?api-version=2020-05-01`);
      const shownSubs = await shownChildren(host.api, section.node);
      assert.deepStrictEqual(shownSubs.map((s) => s.label).sort(), subs.map((s) => s.properties.displayName).sort());
    }
    const all = await armList<BillingSubscription>(`${acct(wire.name)}/billingProfiles/${wireProfile.name}/billingSubscriptions?api-version=2020-05-01`);
    const folder = await childOfKind(host.api, shown.node, 'subscriptionsFolder');
    const subs = await shownChildren(host.api, folder.node);
    assert.deepStrictEqual(subs.map((s) => s.label).sort(), all.map((s) => s.properties.displayName).sort());
    const mtd = all.find((s) => s.properties.monthToDateCharges)!;
    const node = subs.find((s) => s.label === mtd.properties.displayName)!;
    const charges = mtd.properties.monthToDateCharges;
    assert.ok(node.description.includes(money(charges.value, charges.currency)), node.description);
  });

  it('shows credit events of the last 12 months, newest first', async () => {
    const { wire, wireProfile, shown } = await profileNode('USD');
    const raw = await armList<CreditEvent>(`${acct(wire.name)}/billingProfiles/${wireProfile.name}/providers/Microsoft.Consumption/events?api-version=2024-08-01&startDate=${daysAgo(364)}&endDate=${daysAgo(0)}`);
    const folder = await childOfKind(host.api, shown.node, 'creditEventsFolder');
    const events = await shownChildren(host.api, folder.node);
    const shownEvents = events.filter((e) => /creditEvent\b/.test(e.contextValue));
    assert.strictEqual(shownEvents.length, Math.min(raw.length, 50));
    const dates = raw.map((e) => e.properties.transactionDate).sort().reverse();
    const first = raw.find((e) => e.properties.transactionDate === dates[0])!;
    assert.ok(shownEvents.some((e) => id(e).endsWith(`/event/${first.name}`)), 'the newest event is on the first page');
  });

  it('shows an EA enrollment\'s departments, enrollment accounts and subscriptions, and says credits do not apply', async () => {
    const { shown: account, wire } = await accountNode(host.api, 'EnterpriseAgreement');
    const kinds = (await shownChildren(host.api, account.node)).map((c) => c.contextValue.split(' ')[0]);
    assert.deepStrictEqual(kinds, ['azureBilling.departmentsFolder', 'azureBilling.enrollmentAccountsFolder', 'azureBilling.invoicesFolder', 'azureBilling.creditsNotApplicable', 'azureBilling.budgetsFolder']);
    const departments = await armList<EaEntity>(`${acct(wire.name)}/departments?api-version=2019-10-01-preview`);
    const folder = await childOfKind(host.api, account.node, 'departmentsFolder');
    const shownDepartments = await shownChildren(host.api, folder.node);
    assert.deepStrictEqual(shownDepartments.map((d) => d.label).sort(), departments.map((d) => d.properties.departmentName ?? d.properties.displayName).sort());
    const enrollmentAccounts = await armList<ArmResource<unknown>>(`${acct(wire.name)}/enrollmentAccounts?api-version=2019-10-01-preview`);
    const eaFolder = await childOfKind(host.api, account.node, 'enrollmentAccountsFolder');
    const shownEas = await shownChildren(host.api, eaFolder.node);
    assert.strictEqual(shownEas.length, enrollmentAccounts.length);
    const firstEa = shownEas[0];
    const eaName = id(firstEa).split('/enrollmentAccount/')[1];
    // The account's subscriptions that name this enrollment account (what every EA version serves).
    const subs = (await armList<BillingSubscription>(`${acct(wire.name)}/billingSubscriptions?api-version=2024-04-01`)).filter((s) =>
      String(s.properties.enrollmentAccountId ?? '').toLowerCase().endsWith(`/enrollmentaccounts/${eaName.toLowerCase()}`),
    );
    assert.ok(subs.length > 0, `enrollment account ${eaName} has subscriptions`);
    assert.deepStrictEqual((await shownChildren(host.api, firstEa.node)).map((s) => s.label).sort(), subs.map((s) => s.properties.displayName).sort());

    const eaInvoices = await shownChildren(host.api, (await childOfKind(host.api, account.node, 'invoicesFolder')).node);
    const rawEaInvoices = (await armList<Invoice>(`${acct(wire.name)}/invoices?api-version=2019-10-01-preview&periodStartDate=${daysAgo(800)}&periodEndDate=${daysAgo(0)}`)).filter(
      (i) => i.properties.invoiceDate.slice(0, 10) >= daysAgo(364),
    );
    assert.deepStrictEqual(eaInvoices.map((i) => i.label).sort(), rawEaInvoices.map((i) => i.name).sort(), 'the enrollment\'s invoices of the last 12 months');

    const credits = await childOfKind(host.api, account.node, 'creditsNotApplicable');
    const [why] = await shownChildren(host.api, credits.node);
    assert.ok(id(why).endsWith('/notApplicable'), 'a node says why instead of an error');
    if (english()) {assert.match(why.tooltip, /Microsoft Customer Agreement.*Enterprise Agreement/s);}
  });

  it('shows a pay-as-you-go account\'s subscriptions and invoices', async () => {
    const { shown: account, wire } = await accountNode(host.api, 'MicrosoftOnlineServicesProgram');
    const kinds = (await shownChildren(host.api, account.node)).map((c) => c.contextValue.split(' ')[0]);
    assert.deepStrictEqual(kinds, ['azureBilling.subscriptionsFolder', 'azureBilling.invoicesFolder']);
    const subs = await armList<BillingSubscription>(`${acct(wire.name)}/billingSubscriptions?api-version=2024-04-01`);
    const folder = await childOfKind(host.api, account.node, 'subscriptionsFolder');
    assert.deepStrictEqual((await shownChildren(host.api, folder.node)).map((s) => s.label).sort(), subs.map((s) => s.properties.displayName).sort());
    const invoices = await shownChildren(host.api, (await childOfKind(host.api, account.node, 'invoicesFolder')).node);
    assert.ok(invoices.length > 0 && invoices.every((i) => /\binvoice\b/.test(i.contextValue)));
  });

  it('a 403 on one profile shows error nodes naming the role there, while the other profile loads', async () => {
    const usd = await profileNode('USD');
    const eur = await profileNode('EUR');
    await addFault({ kind: 'forbidden', path: `/billingProfiles/${eur.wireProfile.name}/` });
    await refresh(usd.account.node);
    const profilesNow = await shownChildren(host.api, usd.account.node);
    const eurNode = profilesNow.find((p) => id(p).endsWith(`/profile/${eur.wireProfile.name}`))!;
    const usdNode = profilesNow.find((p) => id(p).endsWith(`/profile/${usd.wireProfile.name}`))!;
    const eurInvoices = await shownChildren(host.api, (await childOfKind(host.api, eurNode.node, 'invoicesFolder')).node);
    assert.strictEqual(eurInvoices.length, 1);
    assert.match(eurInvoices[0].contextValue, /\bretryable\b/);
    assert.match(eurInvoices[0].description, /Billing profile reader/);
    const usdInvoices = await shownChildren(host.api, (await childOfKind(host.api, usdNode.node, 'invoicesFolder')).node);
    assert.ok(usdInvoices.length > 0 && usdInvoices.every((i) => /\binvoice\b/.test(i.contextValue)), 'the other profile is not blocked');
    const credits = await eventually(() => childOfKind(host.api, eurNode.node, 'creditsFolder'), (n) => !/loading|불러오는/.test(n.description));
    if (english()) {assert.strictEqual(credits.description, 'balance unavailable');}
    assert.match(credits.tooltip, /Billing profile reader/);
  });

  it('rides out a storm of 429s and still shows every invoice', async () => {
    const { shown } = await profileNode('USD');
    const folder = await childOfKind(host.api, shown.node, 'invoicesFolder');
    const before = (await shownChildren(host.api, folder.node)).map((i) => i.label);
    await addFault({ kind: 'throttle', path: '/invoices', retryAfterSeconds: 1, times: 3 });
    await refresh(folder.node);
    const after = (await shownChildren(host.api, folder.node)).map((i) => i.label);
    assert.deepStrictEqual(after, before);
  });

  it('rides out 429s on every branch of a profile at once: every folder loads, none shows an error', async () => {
    const { shown } = await profileNode('USD');
    const folders = await shownChildren(host.api, shown.node);
    const before = await Promise.all(folders.map(async (f) => (await shownChildren(host.api, f.node)).map((c) => c.label)));
    await addFault({ kind: 'throttle', retryAfterSeconds: 1, times: 8 });
    await refresh(shown.node);
    const again = await shownChildren(host.api, shown.node);
    const after = await Promise.all(again.map(async (f) => (await shownChildren(host.api, f.node)).map((c) => c.label)));
    assert.deepStrictEqual(after, before);
  });

  it('shows long lists a page at a time with Load more', async () => {
    await vscode.workspace.getConfiguration('azureBilling').update('treePageSize', 5, vscode.ConfigurationTarget.Global);
    await refresh();
    const { shown } = await profileNode('USD');
    const folder = await childOfKind(host.api, shown.node, 'invoicesFolder');
    const page = await shownChildren(host.api, folder.node);
    assert.strictEqual(page.length, 6, 'five invoices and Load more');
    const more = page[5];
    assert.strictEqual(more.command, 'azureBilling.loadMore');
    await vscode.commands.executeCommand('azureBilling.loadMore', more.node);
    const next = await shownChildren(host.api, folder.node);
    assert.deepStrictEqual(next.slice(0, 5).map((n) => n.label), page.slice(0, 5).map((n) => n.label), 'the first page stays');
    assert.ok(next.length > 6 && next.length <= 11);
  });

  it('copies a node\'s ID and opens it in the portal of the cloud', async () => {
    const { shown } = await profileNode('USD');
    const copied = await vscode.commands.executeCommand<string>('azureBilling.copyId', shown.node);
    assert.strictEqual(await vscode.env.clipboard.readText(), copied);
    assert.match(copied, /\/providers\/Microsoft\.Billing\/billingAccounts\/.+\/billingProfiles\/.+/);
    const url = await vscode.commands.executeCommand<string>('azureBilling.openInPortal', shown.node);
    assert.ok(url.startsWith(`https://portal.azure.com/#@${process.env.AZURE_TENANT_ID}/resource/providers/Microsoft.Billing/billingAccounts/`), url);
  });
});
