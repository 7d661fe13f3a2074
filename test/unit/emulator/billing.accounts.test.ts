// Microsoft.Billing accounts, profiles, sections, billing subscriptions and EA structure on the
// emulator, per api-version and agreement type.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { armFetch, armListAll, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError, BillingAccount, BillingProfile, BillingSubscription, EaEntity, Expanded, InvoiceSection, Wrapped } from '../../support/wireShapes';

const BA = '/providers/Microsoft.Billing/billingAccounts';

describe('emulator: Microsoft.Billing accounts and structure', () => {
  const emu = useEmulator({ settings: { pageSize: 2 } });

  const all = <T>(path: string, token?: string) => armListAll<T>(emu(), path, token);
  async function accounts(version = '2024-04-01', expand = ''): Promise<BillingAccount[]> {
    return all<BillingAccount>(`${BA}?api-version=${version}${expand ? `&$expand=${expand}` : ''}`);
  }
  /** The account of an agreement type in a list (the home tenant has one of each). */
  const ofType = (list: BillingAccount[], type: string): BillingAccount => {
    const account = list.find((a) => a.properties.agreementType === type);
    assert.ok(account, `an account of type ${type}`);
    return account;
  };
  const byType = async (type: string) => ofType(await accounts(), type);
  const errorOf = async (res: Response) => ({ status: res.status, ...(await jsonAs<ArmError>(res)).error });
  /** Expanded children, whether the version sends a plain array or the wrapper. */
  const itemsOf = <T>(expanded: Expanded<T> | undefined): T[] => {
    assert.ok(expanded, 'expanded');
    return Array.isArray(expanded) ? expanded : expanded.value;
  };

  it('lists one account per agreement type in the home tenant, with names in the documented formats', async () => {
    const list = await accounts();
    assert.deepEqual(list.map((a) => a.properties.agreementType).sort(), ['EnterpriseAgreement', 'MicrosoftCustomerAgreement', 'MicrosoftOnlineServicesProgram']);
    const guid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
    assert.match((await byType('MicrosoftCustomerAgreement')).name, new RegExp(`^${guid}:${guid}_\\d{4}-\\d{2}-\\d{2}$`));
    assert.match((await byType('EnterpriseAgreement')).name, /^\d{8}$/);
    assert.equal((await byType('MicrosoftOnlineServicesProgram')).properties.accountType, 'Individual');
  });

  it('answers 200 with an empty list in the tenant without a billing role, and shows Fabrikam its own account', async () => {
    const e = emu();
    const woodgrove = e.world.tenants.find((t) => !t.hasBillingRole);
    const fabrikam = e.world.tenants.find((t) => t.hasBillingRole && t.tenantId !== e.tenantId);
    assert.ok(woodgrove && fabrikam);
    const res = await armFetch(e, `${BA}?api-version=2020-05-01`, { token: e.issueToken(woodgrove.tenantId) });
    assert.equal(res.status, 200);
    assert.deepEqual(await jsonAs(res), { value: [] });
    const theirs = await all<BillingAccount>(`${BA}?api-version=2024-04-01`, e.issueToken(fabrikam.tenantId));
    assert.deepEqual(theirs.map((a) => a.properties.displayName), ['Fabrikam Labs']);
    // Another tenant's account is invisible from the home tenant.
    const hidden = await armFetch(e, `${BA}/${encodeURIComponent(theirs[0].name)}?api-version=2024-04-01`);
    assert.equal(hidden.status, 404);
  });

  it('expands billing profiles as a plain array on 2019-10-01-preview and as {hasMoreResults, value} later', async () => {
    const mca = (list: BillingAccount[]) => ofType(list, 'MicrosoftCustomerAgreement');
    const preview = mca(await accounts('2019-10-01-preview', 'billingProfiles/invoiceSections'));
    assert.ok(Array.isArray(preview.properties.billingProfiles));
    assert.equal(preview.properties.billingProfiles.length, 2);
    assert.ok(Array.isArray(preview.properties.billingProfiles[0].properties.invoiceSections));
    for (const version of ['2020-05-01', '2024-04-01']) {
      const account = mca(await accounts(version, 'soldTo,billingProfiles'));
      const profiles = account.properties.billingProfiles as Wrapped<BillingProfile>;
      assert.equal(profiles.hasMoreResults, false, version);
      assert.deepEqual(profiles.value.map((p) => p.properties.currency).sort(), ['EUR', 'USD']);
      assert.equal(account.properties.soldTo?.companyName, 'Contoso Ltd');
    }
    // `expand` without the dollar (2024-04-01 TypeSpec) works too; without it nothing is expanded.
    const plain = mca(await accounts('2024-04-01'));
    assert.equal(plain.properties.billingProfiles, undefined);
    const viaExpand = await jsonAs<BillingAccount>(await armFetch(emu(), `${BA}/${encodeURIComponent(plain.name)}?api-version=2024-04-01&expand=billingProfiles`));
    assert.equal((viaExpand.properties.billingProfiles as Wrapped<BillingProfile>).value.length, 2);
  });

  it('expands EA departments and enrollment accounts on the preview only', async () => {
    const ea = (list: BillingAccount[]) => ofType(list, 'EnterpriseAgreement');
    const preview = ea(await accounts('2019-10-01-preview', 'departments,enrollmentAccounts,enrollmentDetails'));
    assert.deepEqual(preview.properties.departments?.map((d) => d.properties.departmentName).sort(), ['Engineering', 'Finance', 'Marketing']);
    assert.equal(preview.properties.enrollmentAccounts?.length, 4);
    assert.equal(preview.properties.enrollmentDetails?.currency, 'USD');
    assert.equal(preview.properties.enrollmentDetails?.poNumber, undefined);
    const withPo = ea(await all<BillingAccount>(`${BA}?api-version=2024-04-01&expand=enrollmentDetails/poNumber`));
    assert.match(withPo.properties.enrollmentDetails?.poNumber ?? '', /^PO\d{6}$/);
    const stable = ea(await accounts('2020-05-01', 'departments,enrollmentAccounts'));
    assert.equal(stable.properties.departments, undefined);
    assert.equal(stable.properties.enrollmentAccounts, undefined);
  });

  it('serves billing profiles and invoice sections of MCA, and 400 Invalid billing account name for EA and MOSP', async () => {
    const mca = await byType('MicrosoftCustomerAgreement');
    const profiles = await all<BillingProfile>(`${BA}/${mca.name}/billingProfiles?api-version=2024-04-01`);
    assert.deepEqual(profiles.map((p) => p.properties.displayName).sort(), ['Contoso Europe', 'Contoso Operations']);
    const europe = profiles.find((p) => p.properties.currency === 'EUR');
    assert.ok(europe, 'the EUR profile');
    assert.equal(europe.properties.status, 'Warned');
    const one = await jsonAs<BillingProfile>(await armFetch(emu(), `${BA}/${encodeURIComponent(mca.name)}/billingProfiles/${europe.name.toLowerCase()}?api-version=2020-05-01&$expand=invoiceSections`));
    assert.equal(one.name, europe.name);
    assert.deepEqual((one.properties.invoiceSections as InvoiceSection[]).map((s) => s.properties.displayName).sort(), ['EU Operations', 'EU Research']);
    const wrapped = await jsonAs<BillingProfile>(await armFetch(emu(), `${BA}/${mca.name}/billingProfiles/${europe.name}?api-version=2024-04-01&$expand=invoiceSections`));
    assert.equal((wrapped.properties.invoiceSections as Wrapped<InvoiceSection>).value.length, 2);
    const sections = await all<InvoiceSection>(`${BA}/${mca.name}/billingProfiles/${europe.name}/invoiceSections?api-version=2024-04-01`);
    assert.equal(sections.length, 2);
    const section = await jsonAs<InvoiceSection>(await armFetch(emu(), `${BA}/${mca.name}/billingProfiles/${europe.name}/invoiceSections/${sections[0].name}?api-version=2024-04-01`));
    assert.equal(section.id, sections[0].id);
    for (const type of ['EnterpriseAgreement', 'MicrosoftOnlineServicesProgram']) {
      const other = await byType(type);
      const err = await errorOf(await armFetch(emu(), `${BA}/${encodeURIComponent(other.name)}/billingProfiles?api-version=2020-05-01`));
      assert.deepEqual([err.status, err.code, err.message], [400, 'BadRequest', 'Invalid billing account name.'], type);
    }
  });

  it('gives invoice sections state and tags, and profiles billingRelationshipType, on 2020-05-01 as on 2024-04-01 (both versions model them), not on the preview', async () => {
    const mca = await byType('MicrosoftCustomerAgreement');
    const profile = (await all<BillingProfile>(`${BA}/${mca.name}/billingProfiles?api-version=2024-04-01`))[0];
    for (const version of ['2019-10-01-preview', '2020-05-01', '2024-04-01']) {
      const modern = version !== '2019-10-01-preview';
      const sections = await all<InvoiceSection>(`${BA}/${mca.name}/billingProfiles/${profile.name}/invoiceSections?api-version=${version}`);
      assert.ok(sections.length > 0, version);
      for (const section of sections) {
        assert.equal(section.properties.state, modern ? 'Active' : undefined, `${version}: section state`);
        assert.deepEqual(section.properties.tags, modern ? {} : undefined, `${version}: section tags`);
      }
      const one = await jsonAs<BillingProfile>(await armFetch(emu(), `${BA}/${mca.name}/billingProfiles/${profile.name}?api-version=${version}&$expand=invoiceSections`));
      assert.equal(one.properties.billingRelationshipType, modern ? 'Direct' : undefined, `${version}: billingRelationshipType`);
      const expanded = itemsOf(one.properties.invoiceSections);
      assert.equal(expanded[0].properties.state, modern ? 'Active' : undefined, `${version}: expanded section state`);
    }
  });

  it('answers 404 for unknown names and 400 for names that break the 2024-04-01 pattern', async () => {
    const mca = await byType('MicrosoftCustomerAgreement');
    assert.equal((await armFetch(emu(), `${BA}/12345678?api-version=2024-04-01`)).status, 404);
    assert.equal((await armFetch(emu(), `${BA}/${mca.name}/billingProfiles/NOPE-NOPE-NOP-NOP?api-version=2024-04-01`)).status, 404);
    const bad = await errorOf(await armFetch(emu(), `${BA}/not_an_account?api-version=2024-04-01`));
    assert.deepEqual([bad.status, bad.message], [400, 'Invalid billing account name.']);
    // The same name is only unknown (not malformed) on 2020-05-01, which has no such pattern.
    assert.equal((await armFetch(emu(), `${BA}/not_an_account?api-version=2020-05-01`)).status, 404);
  });

  it('accepts the MCA account name with its colon percent-encoded or raw', async () => {
    const mca = await byType('MicrosoftCustomerAgreement');
    for (const name of [mca.name, encodeURIComponent(mca.name)]) {
      const res = await armFetch(emu(), `${BA}/${name}?api-version=2024-04-01`);
      assert.equal(res.status, 200, name);
      assert.equal((await jsonAs<BillingAccount>(res)).name, mca.name);
    }
  });

  it('lists billing subscriptions by account, profile and section; EA gets an empty list on 2020-05-01', async () => {
    const e = emu();
    const mca = await byType('MicrosoftCustomerAgreement');
    const byAccount = await all<BillingSubscription>(`${BA}/${mca.name}/billingSubscriptions?api-version=2020-05-01`);
    assert.equal(byAccount.length, 10);
    const profiles = await all<BillingProfile>(`${BA}/${mca.name}/billingProfiles?api-version=2020-05-01`);
    let viaProfiles = 0;
    for (const p of profiles) {
      const subs = await all<BillingSubscription>(`${BA}/${mca.name}/billingProfiles/${p.name}/billingSubscriptions?api-version=2020-05-01`);
      assert.ok(subs.every((s) => s.properties.billingProfileId === p.id && s.properties.lastMonthCharges.currency === p.properties.currency));
      let viaSections = 0;
      for (const s of await all<InvoiceSection>(`${BA}/${mca.name}/billingProfiles/${p.name}/invoiceSections?api-version=2020-05-01`)) {
        const inSection = await all<BillingSubscription>(`${BA}/${mca.name}/billingProfiles/${p.name}/invoiceSections/${s.name}/billingSubscriptions?api-version=2024-04-01`);
        assert.ok(inSection.every((x) => x.properties.invoiceSectionId === s.id));
        viaSections += inSection.length;
      }
      assert.equal(viaSections, subs.length, p.properties.displayName);
      viaProfiles += subs.length;
    }
    assert.equal(viaProfiles, byAccount.length);
    const ea = await byType('EnterpriseAgreement');
    assert.deepEqual(await all(`${BA}/${ea.name}/billingSubscriptions?api-version=2020-05-01`), []);
    const eaSubs = await all<BillingSubscription>(`${BA}/${ea.name}/billingSubscriptions?api-version=2024-04-01`);
    assert.equal(eaSubs.length, 6);
    assert.ok(eaSubs.every((s) => s.properties.enrollmentAccountDisplayName?.endsWith('@contoso.onmicrosoft.com')));
    // lastMonthCharges of one subscription, against the usage side's own cost for October.
    const sub = byAccount[0].properties;
    const expected = Math.round(e.world.usage.costBetween(sub.subscriptionId, '2026-10-01', '2026-10-31') * 100) / 100;
    assert.equal(sub.lastMonthCharges.value, expected);
  });

  it('lists EA departments and enrollment accounts on the preview and 2024-04-01, not on 2020-05-01', async () => {
    const ea = await byType('EnterpriseAgreement');
    const departments = await all<EaEntity>(`${BA}/${ea.name}/departments?api-version=2024-04-01`);
    assert.deepEqual(departments.map((d) => d.properties.displayName).sort(), ['Engineering', 'Finance', 'Marketing']);
    const engineering = departments.find((d) => d.properties.displayName === 'Engineering');
    assert.ok(engineering, 'the Engineering department');
    const inEngineering = await all(`${BA}/${ea.name}/departments/${engineering.name}/enrollmentAccounts?api-version=2019-10-01-preview`);
    assert.equal(inEngineering.length, 2);
    const everyAccount = await all<EaEntity>(`${BA}/${ea.name}/enrollmentAccounts?api-version=2024-04-01`);
    assert.equal(everyAccount.length, 4);
    const one = await jsonAs<EaEntity>(await armFetch(emu(), `${BA}/${ea.name}/enrollmentAccounts/${everyAccount[0].name}?api-version=2024-04-01`));
    assert.equal(one.properties.accountOwner, everyAccount[0].properties.accountOwner);
    assert.equal((await armFetch(emu(), `${BA}/${ea.name}/departments?api-version=2020-05-01`)).status, 400);
    const mca = await byType('MicrosoftCustomerAgreement');
    assert.equal((await errorOf(await armFetch(emu(), `${BA}/${mca.name}/departments?api-version=2024-04-01`))).message, 'Invalid billing account name.');
  });

  it('honours top (at most 50) and skip on 2024-04-01', async () => {
    const mca = await byType('MicrosoftCustomerAgreement');
    const subs = await all<BillingSubscription>(`${BA}/${mca.name}/billingSubscriptions?api-version=2024-04-01`);
    const window = await all<BillingSubscription>(`${BA}/${mca.name}/billingSubscriptions?api-version=2024-04-01&skip=3&top=4`);
    assert.deepEqual(window.map((s) => s.name), subs.slice(3, 7).map((s) => s.name));
    assert.equal((await armFetch(emu(), `${BA}/${mca.name}/billingSubscriptions?api-version=2024-04-01&top=51`)).status, 400);
  });
});
