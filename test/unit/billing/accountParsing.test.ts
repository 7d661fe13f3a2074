import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseBillingAccount } from '../../../src/billing/models/account';
import early from './fixtures/accounts-2019-10-01-preview-early.json';
import current from './fixtures/accounts-2020-05-01-expanded.json';

describe('billing account parsing', () => {
  const [mca, ea, mosp] = current.value.map(parseBillingAccount);

  it('reads an MCA account with the {hasMoreResults, value} expansion', () => {
    assert.equal(mca.name, '00000000-0000-0000-0000-000000000000:11111111-1111-1111-1111-111111111111_2019-05-31');
    assert.equal(mca.agreementType, 'MicrosoftCustomerAgreement');
    assert.equal(mca.soldTo?.companyName, 'Contoso');
    assert.equal(mca.billingProfiles?.hasMoreResults, false);
    const [profile] = mca.billingProfiles.items;
    assert.equal(profile.displayName, 'Contoso Operations Billing');
    assert.equal(profile.currency, 'USD');
    // The id spells `BillingAccounts` with a capital B; the parent is still found.
    assert.equal(profile.accountName, mca.name);
    assert.equal(profile.status, 'Warned');
    assert.equal(profile.statusReasonCode, 'PastDue');
    assert.deepEqual(profile.enabledAzurePlans.map((p) => p.skuId), ['0001', '0002']);
    assert.equal(profile.invoiceSections?.hasMoreResults, true, 'a cut-short expansion must say so');
    const [section] = profile.invoiceSections.items;
    assert.equal(section.displayName, 'Support');
    assert.deepEqual(section.labels, { pcCode: 'A123456', costCategory: 'Support' });
    assert.equal(section.profileName, 'xxxx-xxxx-xxx-xxx');
    // Unnamed 2024-04-01 properties are kept, not dropped.
    assert.equal(mca.otherProperties.primaryBillingTenantId, '22222222-2222-2222-2222-222222222222');
  });

  it('treats null expansions as "not returned", not as "none"', () => {
    assert.equal(ea.agreementType, 'EnterpriseAgreement');
    assert.equal(ea.soldTo, undefined);
    assert.equal(ea.departments, undefined);
    assert.equal(ea.enrollmentAccounts, undefined);
    assert.equal(ea.enrollmentDetails?.startDate, '2024-01-01');
    assert.equal(ea.enrollmentDetails?.policies.departmentAdminViewCharges, false);
    // `{ hasMoreResults: false, value: null }` as seen in CLI output.
    assert.equal(mosp.billingProfiles, undefined);
  });

  it('keeps unknown enum values as they came', () => {
    assert.equal(mosp.accountStatus, 'SuspendedForReview');
    assert.equal(mosp.accountType, 'Individual');
  });

  it('reads the early 2019-10-01-preview shapes: arrays, address, lower-case enum', () => {
    const [mcaEarly, eaEarly] = early.value.map(parseBillingAccount);
    assert.equal(mcaEarly.agreementType, 'MicrosoftCustomerAgreement', 'case-insensitive match to the canonical value');
    assert.equal(mcaEarly.soldTo?.addressLine1, 'Test Address 1');
    assert.equal(mcaEarly.billingProfiles?.items[0].billTo?.addressLine1, '1 Way');
    assert.equal(mcaEarly.billingProfiles?.items[0].invoiceSections?.items[0].displayName, 'Section A');
    assert.equal(mcaEarly.billingProfiles?.hasMoreResults, false);

    const [dept] = eaEarly.departments!.items;
    assert.equal(dept.displayName, 'Engineering');
    assert.equal(dept.accountName, '8771640');
    assert.equal(dept.enrollmentAccounts?.[0].displayName, 'Dev team');
    const [ea1] = eaEarly.enrollmentAccounts!.items;
    assert.equal(ea1.departmentName, '164821');
    assert.equal(ea1.departmentDisplayName, 'Engineering');
    assert.equal(eaEarly.enrollmentDetails?.policies.marketplaceEnabled, false, '2019 spelling marketplacesEnabled');
  });

  it('reports an impossible date on the account and still reads the rest', () => {
    const eaEarly = parseBillingAccount(early.value[1]);
    assert.equal(eaEarly.enrollmentDetails?.endDate, undefined);
    assert.equal(eaEarly.enrollmentDetails?.startDate, '2024-01-01');
    assert.deepEqual(eaEarly.issues?.map((i) => [i.field, i.raw]), [['enrollmentDetails.endDate', '2026-02-30T00:00:00Z']]);
  });

  it('survives junk', () => {
    const a = parseBillingAccount({ name: 'x', properties: { displayName: 42, hasReadAccess: 'maybe' } });
    assert.equal(a.displayName, '42');
    assert.equal(a.hasReadAccess, undefined);
    assert.equal(a.issues?.[0].field, 'hasReadAccess');
    assert.equal(parseBillingAccount(null).name, '');
  });
});
