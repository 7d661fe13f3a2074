// Invoices through the real client against the emulator: every agreement type, the EUR profile,
// the per-subscription route, and the download flow down to the PDF's bytes. Amounts are checked
// against the emulator's world (cents) and the route's own JSON.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { readBody } from '../../../src/billing/blobBody';
import { downloadInvoiceDocument, DownloadLinkExpiredError, openDocument, requestInvoiceDownload } from '../../../src/billing/invoiceDownload';
import { getInvoice, invoiceWindow, listInvoicesByAccount, listInvoicesByProfile, listInvoicesBySubscription } from '../../../src/billing/invoices';
import type { BillingAccount } from '../../../src/billing/models/account';
import { parseInvoice } from '../../../src/billing/models/invoice';
import { sumByCurrency } from '../../../src/insight/moneyTotals';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import type { Emulator } from '../../emulator/server';
import { TestClient } from '../azure/clientFixture';
import { clientFor, rawList, requestsOf } from './support/live';

const asOf = new Date(`${FIXED_AS_OF}T12:00:00Z`);
const window = invoiceWindow({}, asOf);
const inWindow = (periodStart: string) => periodStart >= window.from && periodStart <= window.to;

/** The world's invoices of an account in the window, as name → { cents, currency }. */
function worldInvoices(emu: Emulator, accountName: string) {
  const w = emu.world.billing;
  return w.invoicesOfAccount(w.account(accountName)!).filter((i) => inWindow(i.periodStart));
}

describe('invoices against the emulator', () => {
  const emu = useEmulator({ settings: { pageSize: 4, downloadPolls: 1, retryAfterSeconds: 0 } });
  let home: TestClient;
  let accounts: BillingAccount[];
  const byType = (t: string) => accounts.find((a) => a.agreementType === t)!;

  before(async () => {
    home = clientFor(emu());
    accounts = (await listBillingAccounts(home.client)).accounts;
  });
  after(() => home.client.dispose());

  it('lists MCA invoices by account on 2024-04-01; amounts equal the world\'s cents and totals stay per currency', async () => {
    const mca = byType('MicrosoftCustomerAgreement');
    const got = (await listInvoicesByAccount(home.client, mca, { asOf }).all()).items;
    const world = worldInvoices(emu(), mca.name);
    assert.ok(world.length > 0);
    assert.deepEqual(got.map((i) => i.name).sort(), world.map((i) => i.name).sort());
    for (const w of world) {
      const i = got.find((x) => x.name === w.name)!;
      assert.deepEqual(i.billedAmount, { amount: w.chargesCents / 100, currency: w.currency }, w.name);
      assert.deepEqual(i.totalAmount, { amount: w.totalCents / 100, currency: w.currency }, w.name);
      assert.deepEqual(i.amountDue, { amount: w.amountDueCents / 100, currency: w.currency }, w.name);
      assert.deepEqual([i.periodStart, i.periodEnd, i.invoiceDate, i.dueDate], [w.periodStart, w.periodEnd, w.invoiceDate, w.dueDate]);
      assert.equal(i.origin.apiVersion, '2024-04-01');
    }
    // Totals per currency, computed independently in integer cents from the world.
    const expected = new Map<string, number>();
    for (const w of world) expected.set(w.currency, (expected.get(w.currency) ?? 0) + w.totalCents);
    assert.deepEqual(
      sumByCurrency(got.map((i) => i.totalAmount)),
      [...expected.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, cents]) => ({ amount: cents / 100, currency })),
    );
    assert.ok(expected.has('EUR') && expected.has('USD'), 'the account bills in two currencies, never added together');
  });

  it('lists the EUR profile\'s invoices in EUR, matching the raw route', async () => {
    const mca = byType('MicrosoftCustomerAgreement');
    const eur = mca.billingProfiles!.items.find((p) => p.currency === 'EUR')!;
    const got = (await listInvoicesByProfile(home.client, { accountName: mca.name, name: eur.name }, { asOf }).all()).items;
    const raw = await rawList(emu(), `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(mca.name)}/billingProfiles/${eur.name}/invoices?api-version=2024-04-01&periodStartDate=${window.from}&periodEndDate=${window.to}`);
    assert.equal(got.length, raw.length);
    assert.ok(got.length > 0);
    for (const r of raw) {
      const i = got.find((x) => x.name === r.name)!;
      assert.deepEqual(i.amountDue, { amount: r.properties.amountDue.value, currency: 'EUR' });
      assert.equal(i.profileName, eur.name);
    }
  });

  it('lists EA invoices on 2019-10-01-preview, and MOSP invoices by account and by subscription', async () => {
    const ea = byType('EnterpriseAgreement');
    const tc = clientFor(emu());
    try {
      const got = (await listInvoicesByAccount(tc.client, ea, { asOf }).all()).items;
      assert.deepEqual(got.map((i) => i.name).sort(), worldInvoices(emu(), ea.name).map((i) => i.name).sort());
      assert.ok(got.length > 0 && got.every((i) => i.origin.apiVersion === '2019-10-01-preview'));
      assert.ok(requestsOf(tc).every((r) => r.endsWith('2019-10-01-preview')));
    } finally {
      tc.client.dispose();
    }
    const mosp = byType('MicrosoftOnlineServicesProgram');
    const byAccount = (await listInvoicesByAccount(home.client, mosp, { asOf }).all()).items;
    const worldMosp = worldInvoices(emu(), mosp.name);
    assert.deepEqual(byAccount.map((i) => i.name).sort(), worldMosp.map((i) => i.name).sort());
    const subId = worldMosp[0].subscriptionId!;
    const bySub = (await listInvoicesBySubscription(home.client, subId, { asOf }).all()).items;
    assert.deepEqual(bySub.map((i) => i.name).sort(), worldMosp.filter((i) => i.subscriptionId === subId).map((i) => i.name).sort());
    assert.ok(bySub.every((i) => i.subscriptionId === subId && i.origin.scope === 'subscription'));
  });

  it('narrows by period and refuses a reversed one without calling', async () => {
    const mca = byType('MicrosoftCustomerAgreement');
    const from = '2026-06-01';
    const to = '2026-08-31';
    const got = (await listInvoicesByAccount(home.client, mca, { period: { from, to } }).all()).items;
    const world = emu().world.billing.invoicesOfAccount(emu().world.billing.account(mca.name)!).filter((i) => i.periodStart >= from && i.periodStart <= to);
    assert.deepEqual(got.map((i) => i.name).sort(), world.map((i) => i.name).sort());
    const count = home.recorder.count;
    await assert.rejects(listInvoicesByAccount(home.client, mca, { period: { from: to, to: from } }).all(), /Swap the dates/);
    assert.equal(home.recorder.count, count);
  });

  it('gets one invoice by account and by subscription', async () => {
    const mca = byType('MicrosoftCustomerAgreement');
    const [first] = worldInvoices(emu(), mca.name);
    const one = await getInvoice(home.client, { accountName: mca.name, invoiceName: first.name, agreementType: mca.agreementType });
    assert.deepEqual(one.billedAmount, { amount: first.chargesCents / 100, currency: first.currency });
    const mosp = worldInvoices(emu(), byType('MicrosoftOnlineServicesProgram').name)[0];
    const bySub = await getInvoice(home.client, { subscriptionId: mosp.subscriptionId!, invoiceName: mosp.name });
    assert.equal(bySub.name, mosp.name);
    assert.equal(bySub.origin.scope, 'subscription');
  });

  it('downloads the PDF (202 → poll → link) without a token on the blob and without logging the link', async () => {
    const mca = byType('MicrosoftCustomerAgreement');
    const [inv] = (await listInvoicesByAccount(home.client, mca, { asOf, maxItems: 1 }).all()).items;
    const { link, response } = await downloadInvoiceDocument(home.client, inv);
    const bytes = await readBody(response);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(link.expiresAt && link.expiresAt > new Date(), 'expiry read from the payload');
    const sig = new URL(link.url.reveal()).searchParams.get('sig') ?? link.url.reveal();
    assert.ok(!home.log.text.includes(sig), 'the short-lived link never reaches the log');
    assert.ok(!JSON.stringify(link).includes(sig));
  });

  it('downloads on every version family: 2020-05-01 by downloadToken, EA on the preview, MOSP by subscription', async () => {
    const mca = byType('MicrosoftCustomerAgreement');
    const raw2020 = await rawList(emu(), `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(mca.name)}/invoices?api-version=2020-05-01&periodStartDate=${window.from}&periodEndDate=${window.to}`);
    const inv2020 = parseInvoice(raw2020[0], { apiVersion: '2020-05-01', scope: 'account' });
    assert.ok(inv2020.documents[0].downloadToken, 'the token is read from the document URL');
    const ea = (await listInvoicesByAccount(home.client, byType('EnterpriseAgreement'), { asOf, maxItems: 1 }).all()).items[0];
    const mospSub = worldInvoices(emu(), byType('MicrosoftOnlineServicesProgram').name)[0].subscriptionId!;
    const mosp = (await listInvoicesBySubscription(home.client, mospSub, { asOf, maxItems: 1 }).all()).items[0];
    for (const inv of [inv2020, ea, mosp]) {
      const { response } = await downloadInvoiceDocument(home.client, inv);
      assert.equal((await readBody(response)).subarray(0, 5).toString('latin1'), '%PDF-', inv.name);
    }
  });
});

describe('invoice download links expire', () => {
  const emu = useEmulator({ settings: { downloadPolls: 0, retryAfterSeconds: 0, blobUrlLifetimeSeconds: 1 } });

  it('refuses an expired link before fetching, and reads storage\'s 403 as expired', async () => {
    const tc = clientFor(emu());
    try {
      const mca = (await listBillingAccounts(tc.client)).accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
      const [inv] = (await listInvoicesByAccount(tc.client, mca, { asOf, maxItems: 1 }).all()).items;
      const link = await requestInvoiceDownload(tc.client, inv);
      await new Promise((r) => setTimeout(r, 1500));
      const before = tc.recorder.count;
      await assert.rejects(openDocument(tc.client, link), DownloadLinkExpiredError);
      assert.equal(tc.recorder.count, before, 'no request with a link known to be expired');
      // Pretend the clock is behind: storage itself refuses the link.
      await assert.rejects(openDocument(tc.client, link, { now: () => new Date(0) }), DownloadLinkExpiredError);
    } finally {
      tc.client.dispose();
    }
  });
});
