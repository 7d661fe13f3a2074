// Accounts, profiles, sections, subscriptions and EA structure through the real client against the
// emulator. Expectations come from the emulator's world and raw route JSON, not from constants.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { getBillingAccount, listBillingAccounts } from '../../../src/billing/accounts';
import { listDepartments, listEnrollmentAccounts } from '../../../src/billing/enrollment';
import { listInvoiceSections } from '../../../src/billing/invoiceSections';
import { isNotApplicable } from '../../../src/billing/notApplicable';
import { listBillingProfiles } from '../../../src/billing/profiles';
import { listSubscriptionsByAccount, listSubscriptionsByEnrollmentAccount, listSubscriptionsByInvoiceSection, listSubscriptionsByProfile } from '../../../src/billing/subscriptions';
import type { BillingAccount } from '../../../src/billing/models/account';
import type { BillingProfile, InvoiceSection } from '../../../src/billing/models/profile';
import { ArmResource, useEmulator, WireAmount } from '../../support/emulator';
import { TestClient } from '../azure/clientFixture';
import { clientFor, rawList, requestsOf } from './support/live';

describe('accounts and structure against the emulator', () => {
  const emu = useEmulator({ settings: { pageSize: 3 } });
  let home: TestClient;
  let accounts: BillingAccount[];
  const worldAccounts = () => emu().world.billing.visibleAccounts(emu().tenantId);
  const byType = (t: string) => accounts.find((a) => a.agreementType === t)!;

  before(async () => {
    home = clientFor(emu());
    accounts = (await listBillingAccounts(home.client)).accounts;
  });
  after(() => home.client.dispose());

  it('lists every visible account with profiles and sections inline', () => {
    const world = worldAccounts();
    assert.deepEqual(accounts.map((a) => a.name).sort(), world.map((a) => a.name).sort());
    for (const w of world) {
      const a = accounts.find((x) => x.name === w.name)!;
      assert.equal(a.agreementType, w.agreementType);
      assert.equal(a.displayName, w.displayName);
      assert.equal(a.soldTo?.city, w.soldTo.city);
      if (w.agreementType !== 'MicrosoftCustomerAgreement') { continue; }
      assert.deepEqual(a.billingProfiles?.items.map((p) => [p.name, p.currency, p.displayName]), w.profiles.map((p) => [p.name, p.currency, p.displayName]));
      for (const p of w.profiles) {
        const got: BillingProfile = a.billingProfiles.items.find((x) => x.name === p.name)!;
        assert.deepEqual(got.invoiceSections?.items.map((s: InvoiceSection) => s.name), p.sections.map((s) => s.name));
        assert.equal(got.accountName, w.name);
      }
    }
    // The EUR profile is there, with its currency.
    assert.ok(byType('MicrosoftCustomerAgreement').billingProfiles!.items.some((p) => p.currency === 'EUR'));
  });

  it('fills in the EA departments and enrollment accounts on 2019-10-01-preview (one extra call per EA account)', async () => {
    const ea = byType('EnterpriseAgreement');
    const w = worldAccounts().find((x) => x.name === ea.name)!;
    assert.deepEqual(ea.departments?.items.map((d) => [d.name, d.displayName, d.costCenter]), w.departments.map((d) => [d.name, d.displayName, d.costCenter]));
    assert.deepEqual(ea.enrollmentAccounts?.items.map((e) => [e.name, e.departmentName]), w.enrollmentAccounts.map((e) => [e.name, e.departmentName]));
    const tc = clientFor(emu());
    try {
      await listBillingAccounts(tc.client);
      const eaCount = worldAccounts().filter((a) => a.agreementType === 'EnterpriseAgreement').length;
      const pages = Math.ceil(worldAccounts().length / 3);
      assert.equal(requestsOf(tc).length, pages + eaCount);
      assert.ok(requestsOf(tc).some((r) => r.includes(`/billingAccounts/${ea.name} 2019-10-01-preview`)));
    } finally {
      tc.client.dispose();
    }
  });

  it('says "no billing account visible" for the tenant without a billing role, after asking both versions', async () => {
    const other = emu().world.tenants.find((t) => !t.hasBillingRole)!;
    const tc = clientFor(emu(), other.tenantId);
    try {
      const result = await listBillingAccounts(tc.client);
      assert.deepEqual(result.accounts, []);
      assert.equal(result.empty?.reason, 'noBillingAccountVisible');
      assert.deepEqual(requestsOf(tc), [
        'GET /providers/Microsoft.Billing/billingAccounts 2020-05-01',
        'GET /providers/Microsoft.Billing/billingAccounts 2019-10-01-preview',
      ]);
    } finally {
      tc.client.dispose();
    }
  });

  it('gets one account on the version that suits it', async () => {
    const ea = await getBillingAccount(home.client, byType('EnterpriseAgreement').name);
    assert.equal(ea.departments?.items.length, worldAccounts().find((a) => a.name === ea.name)!.departments.length);
    const mca = await getBillingAccount(home.client, byType('MicrosoftCustomerAgreement').name);
    assert.deepEqual(mca.billingProfiles?.items.map((p) => p.name), byType('MicrosoftCustomerAgreement').billingProfiles?.items.map((p) => p.name));
  });

  it('lists profiles and sections on their own, matching the expansion', async () => {
    const mca = byType('MicrosoftCustomerAgreement');
    const profiles = (await listBillingProfiles(home.client, mca).all()).items;
    assert.deepEqual(profiles.map((p) => p.name), mca.billingProfiles!.items.map((p) => p.name));
    for (const p of profiles) {
      const sections = (await listInvoiceSections(home.client, { accountName: mca.name, name: p.name }).all()).items;
      assert.deepEqual(sections.map((s) => [s.name, s.displayName]), p.invoiceSections!.items.map((s) => [s.name, s.displayName]));
    }
  });

  it('says when a list was cut short, and stops paging there', async () => {
    const mca = byType('MicrosoftCustomerAgreement');
    const w = worldAccounts().find((a) => a.name === mca.name)!;
    assert.ok(w.subscriptions.length > 4, 'more than one page of 3');
    const tc = clientFor(emu());
    try {
      const cut = await listSubscriptionsByAccount(tc.client, mca, { maxItems: 2 }).all();
      assert.equal(cut.items.length, 2);
      assert.equal(cut.truncated, true);
      // The first page was enough. The transport asks for page 2 ahead of its reader; stopping
      // cancels it, and nothing after it is asked for.
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(tc.recorder.countWhere((ev) => ev.status === 200), 1, 'the first page was enough');
      assert.ok(tc.recorder.count <= 2 && tc.recorder.events.slice(1).every((ev) => ev.failure === 'cancelled'), JSON.stringify(tc.recorder.events));
      const whole = await listSubscriptionsByAccount(tc.client, mca, { maxItems: w.subscriptions.length }).all();
      assert.equal(whole.items.length, w.subscriptions.length);
      assert.equal(whole.truncated, false);
    } finally {
      tc.client.dispose();
    }
  });

  it('says profiles do not apply to EA and MOSP — before calling when it knows, from the 400 when it does not', async () => {
    const before = home.recorder.count;
    for (const t of ['EnterpriseAgreement', 'MicrosoftOnlineServicesProgram']) {
      await assert.rejects(listBillingProfiles(home.client, byType(t)).all(), (e) => isNotApplicable(e) && e.reason === 'billingProfilesNeedMca');
    }
    assert.equal(home.recorder.count, before);
    await assert.rejects(listBillingProfiles(home.client, { name: byType('EnterpriseAgreement').name }).all(), (e) => isNotApplicable(e) && /Enterprise Agreement/.test(e.message));
  });

  it('lists subscriptions by account, profile and section; charges equal the route\'s own JSON', async () => {
    const mca = byType('MicrosoftCustomerAgreement');
    const w = worldAccounts().find((a) => a.name === mca.name)!;
    const all = (await listSubscriptionsByAccount(home.client, mca).all()).items;
    assert.deepEqual(all.map((s) => s.subscriptionId).sort(), w.subscriptions.map((s) => s.subscriptionId).sort());
    const raw = await rawList<ArmResource<{ subscriptionId: string; monthToDateCharges: WireAmount; lastMonthCharges: WireAmount }>>(emu(), `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(mca.name)}/billingSubscriptions?api-version=2020-05-01`);
    for (const r of raw) {
      const s = all.find((x) => x.subscriptionId === r.properties.subscriptionId)!;
      assert.deepEqual(s.monthToDateCharges, { amount: r.properties.monthToDateCharges.value, currency: r.properties.monthToDateCharges.currency });
      assert.deepEqual(s.lastMonthCharges, { amount: r.properties.lastMonthCharges.value, currency: r.properties.lastMonthCharges.currency });
    }
    for (const p of w.profiles) {
      const byProfile = (await listSubscriptionsByProfile(home.client, { accountName: mca.name, name: p.name }).all()).items;
      assert.deepEqual(byProfile.map((s) => s.subscriptionId).sort(), p.subscriptions.map((s) => s.subscriptionId).sort());
      assert.ok(byProfile.every((s) => s.profileName === p.name && s.monthToDateCharges?.currency === p.currency), `charges of ${p.name} in ${p.currency}`);
      for (const section of p.sections) {
        const bySection = (await listSubscriptionsByInvoiceSection(home.client, { accountName: mca.name, profileName: p.name, name: section.name }).all()).items;
        assert.deepEqual(bySection.map((s) => s.subscriptionId).sort(), p.subscriptions.filter((s) => s.invoiceSectionName === section.name).map((s) => s.subscriptionId).sort());
        assert.ok(bySection.every((s) => s.invoiceSectionName === section.name));
      }
    }
  });

  it('lists EA and MOSP subscriptions on 2024-04-01, and EA ones per enrollment account', async () => {
    for (const t of ['EnterpriseAgreement', 'MicrosoftOnlineServicesProgram']) {
      const a = byType(t);
      const w = worldAccounts().find((x) => x.name === a.name)!;
      const tc = clientFor(emu());
      try {
        const subs = (await listSubscriptionsByAccount(tc.client, a).all()).items;
        assert.deepEqual(subs.map((s) => s.subscriptionId).sort(), w.subscriptions.map((s) => s.subscriptionId).sort(), t);
        assert.ok(requestsOf(tc).every((r) => r.endsWith('2024-04-01')));
      } finally {
        tc.client.dispose();
      }
    }
    const ea = byType('EnterpriseAgreement');
    const w = worldAccounts().find((x) => x.name === ea.name)!;
    for (const e of w.enrollmentAccounts) {
      const subs = (await listSubscriptionsByEnrollmentAccount(home.client, ea.name, e.name).all()).items;
      assert.deepEqual(subs.map((s) => s.subscriptionId).sort(), w.subscriptions.filter((s) => s.enrollmentAccountName === e.name).map((s) => s.subscriptionId).sort());
      assert.ok(subs.every((s) => s.enrollmentAccountName === e.name));
    }
  });

  it('lists EA departments and enrollment accounts; refuses them for MCA', async () => {
    const ea = byType('EnterpriseAgreement');
    const w = worldAccounts().find((x) => x.name === ea.name)!;
    const depts = (await listDepartments(home.client, ea).all()).items;
    assert.deepEqual(depts.map((d) => d.displayName), w.departments.map((d) => d.displayName));
    const eas = (await listEnrollmentAccounts(home.client, ea).all()).items;
    assert.deepEqual(eas.map((e) => [e.name, e.departmentName, e.accountOwner]), w.enrollmentAccounts.map((e) => [e.name, e.departmentName, e.accountOwner]));
    await assert.rejects(listDepartments(home.client, byType('MicrosoftCustomerAgreement')).all(), (e) => isNotApplicable(e) && e.reason === 'enrollmentStructureNeedsEa');
  });
});
