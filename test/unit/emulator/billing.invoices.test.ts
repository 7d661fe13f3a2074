// Microsoft.Billing invoices on the emulator: lists per scope and api-version, period filters,
// totals against the usage side's costs, agreement-type rules, hostile names.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { armFetch, armListAll, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError, BillingAccount, BillingProfile, BillingSubscription, Invoice } from '../../support/wireShapes';

const BA = '/providers/Microsoft.Billing/billingAccounts';
const cents = (v: number) => Math.round(v * 100);

describe('emulator: Microsoft.Billing invoices', () => {
  const emu = useEmulator({ settings: { pageSize: 4 } });

  const all = <T = Invoice>(path: string, token?: string) => armListAll<T>(emu(), path, token);
  /** The home tenant's account of an agreement type (the world has one of each). */
  const account = async (type: string): Promise<BillingAccount> => {
    const found = (await all<BillingAccount>(`${BA}?api-version=2024-04-01`)).find((a) => a.properties.agreementType === type);
    assert.ok(found, `an account of type ${type}`);
    return found;
  };
  const errorOf = async (res: Response) => ({ status: res.status, ...(await jsonAs<ArmError>(res)).error });
  const day = (iso: string) => iso.slice(0, 10);

  it("bills each MCA profile's charges: the usage side's costs of its subscriptions over the period, rounded once", async () => {
    const e = emu();
    const mca = await account('MicrosoftCustomerAgreement');
    for (const profile of await all<BillingProfile>(`${BA}/${mca.name}/billingProfiles?api-version=2024-04-01`)) {
      const subIds = (await all<BillingSubscription>(`${BA}/${mca.name}/billingProfiles/${profile.name}/billingSubscriptions?api-version=2024-04-01`)).map((s) => s.properties.subscriptionId);
      const invoices = (await all(`${BA}/${mca.name}/billingProfiles/${profile.name}/invoices?api-version=2024-04-01`)).filter((i) => i.properties.documentType === 'Invoice');
      assert.equal(invoices.length, 13, profile.properties.displayName);
      for (const inv of invoices) {
        const p = inv.properties;
        const raw = subIds.reduce((sum: number, id: string) => sum + e.world.usage.costBetween(id, day(p.invoicePeriodStartDate), day(p.invoicePeriodEndDate)), 0);
        assert.equal(cents(p.billedAmount.value), Math.round(raw * 100), `${inv.name} ${day(p.invoicePeriodStartDate)}`);
        assert.equal(p.billedAmount.currency, profile.properties.currency);
        // What is left to pay is the charges less the credit that settled them.
        assert.equal(cents(p.totalAmount.value), cents(p.billedAmount.value) - cents(p.azurePrepaymentApplied.value) - cents(p.freeAzureCreditApplied.value));
        assert.equal(cents(p.amountDue.value), p.status === 'Paid' ? 0 : cents(p.totalAmount.value));
      }
      // Monthly periods, one after the other, with no gap.
      for (let i = 1; i < invoices.length; i++) {
        const prevEnd = new Date(invoices[i - 1].properties.invoicePeriodEndDate);
        assert.equal(new Date(invoices[i].properties.invoicePeriodStartDate).getTime() - prevEnd.getTime(), 86_400_000);
      }
    }
  });

  it('carries one credit note linked to the invoice it credits (2024-04-01)', async () => {
    const mca = await account('MicrosoftCustomerAgreement');
    const all13 = await all(`${BA}/${mca.name}/invoices?api-version=2024-04-01`);
    const notes = all13.filter((i) => i.properties.documentType === 'CreditNote');
    assert.equal(notes.length, 1);
    const note = notes[0].properties;
    const credited = all13.find((i) => i.id === note.creditForDocumentId);
    assert.ok(credited, 'creditForDocumentId points at an invoice of the account');
    assert.ok(note.billedAmount.value < 0);
    assert.equal(cents(note.billedAmount.value), -Math.round(cents(credited.properties.billedAmount.value) * 0.1));
    assert.equal(note.documents[0].kind, 'CreditNote');
  });

  it('links the credit note to the invoice it credits on 2020-05-01 too (the public CreditNote.json example of that version does), on every route that serves it', async () => {
    const mca = await account('MicrosoftCustomerAgreement');
    const window = 'periodStartDate=2020-01-01&periodEndDate=2026-12-31';
    const byAccount = await all(`${BA}/${mca.name}/invoices?api-version=2020-05-01&${window}`);
    const notes = byAccount.filter((i) => i.properties.documentType === 'CreditNote');
    assert.equal(notes.length, 1);
    const note = notes[0];
    const credited = byAccount.find((i) => i.id === note.properties.creditForDocumentId);
    assert.ok(credited, 'creditForDocumentId points at an invoice of the account');
    assert.equal(credited.properties.documentType, 'Invoice');
    assert.ok(byAccount.filter((i) => i !== note).every((i) => !('creditForDocumentId' in i.properties)), 'only the credit note carries the link');
    // The same link on 2024-04-01, by the profile and on the single-invoice routes of both versions.
    const current = (await all(`${BA}/${mca.name}/invoices?api-version=2024-04-01`)).find((i) => i.name === note.name);
    assert.equal(current?.properties.creditForDocumentId, note.properties.creditForDocumentId);
    const profileName = note.properties.billingProfileId?.split('/').pop();
    const byProfile = (await all(`${BA}/${mca.name}/billingProfiles/${profileName}/invoices?api-version=2020-05-01&${window}`)).find((i) => i.name === note.name);
    assert.equal(byProfile?.properties.creditForDocumentId, note.properties.creditForDocumentId);
    for (const path of [`${BA}/${mca.name}/invoices/${note.name}`, `${BA}/default/invoices/${note.name}`]) {
      for (const version of ['2020-05-01', '2024-04-01']) {
        const one = await jsonAs<Invoice>(await armFetch(emu(), `${path}?api-version=${version}`));
        assert.equal(one.properties.creditForDocumentId, note.properties.creditForDocumentId, `${path} on ${version}`);
      }
    }
    // The preview has neither documentType nor the link.
    const preview = await jsonAs<Invoice>(await armFetch(emu(), `${BA}/${mca.name}/billingProfiles/${profileName}/invoices/${note.name}?api-version=2019-10-01-preview`));
    assert.equal(preview.name, note.name);
    assert.ok(!('creditForDocumentId' in preview.properties) && !('documentType' in preview.properties));
  });

  it('requires period dates on 2020-05-01 and accepts YYYY-MM-DD and MM-DD-YYYY alike', async () => {
    const mca = await account('MicrosoftCustomerAgreement');
    const missing = await errorOf(await armFetch(emu(), `${BA}/${mca.name}/invoices?api-version=2020-05-01`));
    assert.equal(missing.status, 400);
    assert.match(missing.message, /periodStartDate/);
    const iso = await all(`${BA}/${mca.name}/invoices?api-version=2020-05-01&periodStartDate=2026-01-01&periodEndDate=2026-03-31`);
    const us = await all(`${BA}/${mca.name}/invoices?api-version=2020-05-01&periodStartDate=01-01-2026&periodEndDate=03-31-2026`);
    assert.deepEqual(us.map((i) => i.name), iso.map((i) => i.name));
    // Two profiles × three months whose periods start in the window.
    assert.equal(iso.length, 6);
    assert.deepEqual([...new Set(iso.map((i) => day(i.properties.invoicePeriodStartDate)))].sort(), ['2026-01-01', '2026-02-01', '2026-03-01']);
  });

  it('answers bad dates with 400 and a message that names the parameter', async () => {
    const mca = await account('MicrosoftCustomerAgreement');
    const cases: Array<[string, RegExp]> = [
      ['periodStartDate=2026-02-30&periodEndDate=2026-03-31', /'2026-02-30' of 'periodStartDate'/],
      ['periodStartDate=2026-01-01&periodEndDate=yesterday', /periodEndDate/],
      ['periodStartDate=2026-05-01&periodEndDate=2026-03-31', /earlier than/],
      ['periodStartDate=2026-01-01', /periodEndDate/],
    ];
    for (const [query, message] of cases) {
      const err = await errorOf(await armFetch(emu(), `${BA}/${mca.name}/invoices?api-version=2024-04-01&${query}`));
      assert.equal(err.status, 400, query);
      assert.match(err.message, message, query);
    }
  });

  it('serves EA invoices on the preview and 2024-04-01, and refuses them on 2020-05-01', async () => {
    const ea = await account('EnterpriseAgreement');
    const err = await errorOf(await armFetch(emu(), `${BA}/${ea.name}/invoices?api-version=2020-05-01&periodStartDate=2025-01-01&periodEndDate=2026-12-31`));
    assert.deepEqual([err.status, err.message], [400, 'Invalid billing account name.']);
    const preview = await all(`${BA}/${ea.name}/invoices?api-version=2019-10-01-preview&periodStartDate=2025-01-01&periodEndDate=2026-12-31`);
    const current = await all(`${BA}/${ea.name}/invoices?api-version=2024-04-01`);
    assert.equal(current.length, 13);
    assert.deepEqual(preview.map((i) => i.name), current.map((i) => i.name));
    assert.ok(current.every((i) => /^EA[A-Z0-9]{8}$/.test(i.name)));
  });

  it('serves pay-as-you-go invoices through the account (2024-04-01) and through default/billingSubscriptions', async () => {
    const e = emu();
    const mosp = await account('MicrosoftOnlineServicesProgram');
    const byAccount = await all(`${BA}/${encodeURIComponent(mosp.name)}/invoices?api-version=2024-04-01`);
    assert.ok(byAccount.length >= 4 * 12, `${byAccount.length} invoices`);
    assert.ok(byAccount.every((i) => /^E[B-Z0-9][A-Z0-9]{8}$/.test(i.name)));
    const sub = e.world.subscriptions.find((s) => s.billingAccountName === mosp.name && s.offerId === 'MS-AZR-0003P');
    assert.ok(sub);
    const bySub = await all(`${BA}/default/billingSubscriptions/${sub.subscriptionId}/invoices?api-version=2020-05-01&periodStartDate=2025-01-01&periodEndDate=2026-12-31`);
    assert.deepEqual(bySub.map((i) => i.name), byAccount.filter((i) => i.properties.subscriptionId === sub.subscriptionId).map((i) => i.name));
    const inv = bySub[bySub.length - 1];
    assert.equal(inv.type, 'Microsoft.Billing/billingAccounts/billingSubscriptions/invoices');
    assert.equal(inv.id, `${BA}/default/billingSubscriptions/${sub.subscriptionId}/invoices/${inv.name}`);
    // Anniversary periods: from the sign-up day of one month to the day before it in the next.
    const start = new Date(inv.properties.invoicePeriodStartDate);
    const end = new Date(inv.properties.invoicePeriodEndDate);
    assert.equal(new Date(end.getTime() + 86_400_000).getUTCDate(), start.getUTCDate());
    assert.equal(cents(inv.properties.billedAmount.value), Math.round(e.world.usage.costBetween(sub.subscriptionId, day(inv.properties.invoicePeriodStartDate), day(inv.properties.invoicePeriodEndDate)) * 100));
    // 2020-05-01 refuses the MOSP account on the account route.
    assert.equal((await armFetch(e, `${BA}/${encodeURIComponent(mosp.name)}/invoices?api-version=2020-05-01&periodStartDate=2025-01-01&periodEndDate=2026-12-31`)).status, 400);
  });

  it('lets a caller without a billing role read the invoices of its own subscriptions', async () => {
    const e = emu();
    const woodgrove = e.world.tenants.find((t) => !t.hasBillingRole);
    assert.ok(woodgrove);
    const token = e.issueToken(woodgrove.tenantId);
    const sub = e.world.subscriptions.find((s) => s.tenantId === woodgrove.tenantId);
    assert.ok(sub);
    const invoices = await all(`${BA}/default/billingSubscriptions/${sub.subscriptionId}/invoices?api-version=2024-04-01`, token);
    assert.ok(invoices.length > 0);
    const one = await armFetch(e, `${BA}/default/invoices/${invoices[0].name}?api-version=2024-04-01`, { token });
    assert.equal((await jsonAs<Invoice>(one)).name, invoices[0].name);
    // The home tenant cannot reach Woodgrove's subscription.
    assert.equal((await armFetch(e, `${BA}/default/billingSubscriptions/${sub.subscriptionId}/invoices?api-version=2024-04-01`)).status, 404);
  });

  it('gets one invoice on every route, with the preview saying PastDue where later versions say OverDue', async () => {
    const mca = await account('MicrosoftCustomerAgreement');
    const invoices = await all(`${BA}/${mca.name}/invoices?api-version=2024-04-01`);
    const overdue = invoices.find((i) => i.properties.status === 'OverDue');
    assert.ok(overdue, 'the EUR profile has an unpaid invoice');
    const profileName = overdue.properties.billingProfileId?.split('/').pop();
    const viaAccount = await jsonAs<Invoice>(await armFetch(emu(), `${BA}/${mca.name}/invoices/${overdue.name}?api-version=2020-05-01`));
    assert.equal(viaAccount.properties.status, 'OverDue');
    assert.match(new URL(viaAccount.properties.documents[0].url).searchParams.get('downloadToken') ?? '', /^DRS_\d+$/);
    assert.equal(viaAccount.properties.documents[0].name, undefined);
    const viaDefault = await jsonAs<Invoice>(await armFetch(emu(), `${BA}/default/invoices/${overdue.name.toLowerCase()}?api-version=2024-04-01`));
    assert.equal(viaDefault.id, overdue.id);
    const preview = await jsonAs<Invoice>(await armFetch(emu(), `${BA}/${mca.name}/billingProfiles/${profileName}/invoices/${overdue.name}?api-version=2019-10-01-preview`));
    assert.equal(preview.properties.status, 'PastDue');
    assert.equal(preview.type, 'Microsoft.Billing/billingAccounts/billingProfiles/invoices');
    assert.equal((await armFetch(emu(), `${BA}/${mca.name}/invoices/G000000000?api-version=2024-04-01`)).status, 404);
  });

  it('names one pay-as-you-go invoice and its document hostilely when hostileInvoiceNames is on', async () => {
    const e = emu();
    const mosp = await account('MicrosoftOnlineServicesProgram');
    const listed = async () => all(`${BA}/${encodeURIComponent(mosp.name)}/invoices?api-version=2024-04-01`);
    assert.ok((await listed()).every((i) => !i.name.includes('..')));
    e.settings.hostileInvoiceNames = true;
    try {
      const hostile = (await listed()).filter((i) => i.name.includes('..'));
      assert.deepEqual(hostile.map((i) => i.name), ['..\\..\\evil']);
      assert.equal(hostile[0].properties.documents[0].name, '../../etc/x');
      const one = await armFetch(e, `${BA}/${encodeURIComponent(mosp.name)}/invoices/${encodeURIComponent('..\\..\\evil')}?api-version=2024-04-01`);
      assert.equal(one.status, 200);
      assert.equal((await jsonAs<Invoice>(one)).name, '..\\..\\evil');
    } finally {
      e.settings.hostileInvoiceNames = false;
    }
  });
});
