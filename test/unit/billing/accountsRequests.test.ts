// What `accounts.ts` (and the profiles list) asks, and how it closes the known gaps between
// api-versions and empty answers, with answers in the documented shapes. The same module runs against the emulator in accountsEmulator.test.ts.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { getBillingAccount, listBillingAccounts } from '../../../src/billing/accounts';
import { listBillingProfiles } from '../../../src/billing/profiles';
import early from './fixtures/accounts-2019-10-01-preview-early.json';
import current from './fixtures/accounts-2020-05-01-expanded.json';
import { FakeTransport, HttpLikeError } from './support/fakeTransport';

const eaPreview = early.value[1];

describe('accounts: requests and version fallbacks', () => {
  it('lists on 2020-05-01 with every expansion in one request, then completes EA on 2019-10-01-preview', async () => {
    const t = new FakeTransport((call) => {
      if (call.path === '/providers/Microsoft.Billing/billingAccounts' && call.query['api-version'] === '2020-05-01') { return { items: current.value }; }
      if (call.path === '/providers/Microsoft.Billing/billingAccounts/8771640' && call.query['api-version'] === '2019-10-01-preview') { return { json: eaPreview }; }
      return undefined;
    });
    const result = await listBillingAccounts(t);
    assert.deepEqual(
      t.calls.map((c) => [c.path, c.query['api-version'], c.query.$expand]),
      [
        ['/providers/Microsoft.Billing/billingAccounts', '2020-05-01', 'soldTo,billingProfiles,billingProfiles/invoiceSections,enrollmentDetails,departments,enrollmentAccounts'],
        ['/providers/Microsoft.Billing/billingAccounts/8771640', '2019-10-01-preview', 'enrollmentDetails,departments,enrollmentAccounts'],
      ],
    );
    assert.equal(result.apiVersion, '2020-05-01');
    assert.equal(result.empty, undefined);
    assert.deepEqual(result.accounts.map((a) => a.agreementType), ['MicrosoftCustomerAgreement', 'EnterpriseAgreement', 'MicrosoftOnlineServicesProgram']);
    const ea = result.accounts[1];
    assert.deepEqual(ea.departments?.items.map((d) => d.displayName), ['Engineering']);
    assert.deepEqual(ea.enrollmentAccounts?.items.map((e) => e.displayName), ['Dev team']);
    // The enrollment details of the first answer are kept.
    assert.equal(ea.enrollmentDetails?.endDate, '2026-12-31');
  });

  it('asks 2019-10-01-preview again when 2020-05-01 answers an empty list', async () => {
    const t = new FakeTransport((call) => {
      if (call.query['api-version'] === '2020-05-01') { return { items: [] }; }
      if (call.query['api-version'] === '2019-10-01-preview') { return { items: early.value }; }
      return undefined;
    });
    const result = await listBillingAccounts(t);
    assert.equal(result.apiVersion, '2019-10-01-preview');
    assert.equal(result.accounts.length, 2);
    assert.equal(t.calls.length, 2, 'the preview answer already carries departments: no extra call');
  });

  it('says why the list is empty when neither version shows an account', async () => {
    const t = new FakeTransport(() => ({ items: [] }));
    const result = await listBillingAccounts(t);
    assert.deepEqual(result.accounts, []);
    assert.equal(result.empty?.reason, 'noBillingAccountVisible');
    assert.match(result.empty.message, /billing role/);
    assert.match(result.empty.message, /does not show them/);
  });

  it('cuts at maxItems and says so', async () => {
    const t = new FakeTransport((call) => (call.path.endsWith('/8771640') ? { json: eaPreview } : { items: current.value }));
    const two = await listBillingAccounts(t, { maxItems: 2 });
    assert.equal(two.accounts.length, 2);
    assert.equal(two.truncated, true);
    const all = await listBillingAccounts(t, { maxItems: 3 });
    assert.equal(all.truncated, false);
  });

  it('keeps an EA account whose departments cannot be read, with the reason', async () => {
    const t = new FakeTransport((call) =>
      call.path.endsWith('/8771640') ? { error: new HttpLikeError(403, 'AuthorizationFailed', 'no EA role') } : { items: current.value },
    );
    const result = await listBillingAccounts(t);
    const ea = result.accounts[1];
    assert.equal(ea.departments, undefined);
    assert.match(ea.issues?.[0].reason ?? '', /no EA role/);
  });

  it('stops when cancelled, instead of hiding the cancellation', async () => {
    const abort = Object.assign(new Error('cancelled'), { name: 'AbortError' });
    const t = new FakeTransport((call) => (call.path.endsWith('/8771640') ? { error: abort } : { items: current.value }));
    await assert.rejects(listBillingAccounts(t), { name: 'AbortError' });
  });

  it('reads one account on the version that suits its agreement type', async () => {
    const t = new FakeTransport((call) => {
      if (call.path.endsWith('/8771640')) { return { json: eaPreview }; }
      return { json: current.value[0] };
    });
    const ea = await getBillingAccount(t, '8771640');
    assert.equal(ea.departments?.items.length, 1);
    const mcaName = current.value[0].name;
    const mca = await getBillingAccount(t, mcaName);
    assert.equal(mca.billingProfiles?.items.length, 1);
    assert.deepEqual(t.calls.map((c) => [c.path, c.query['api-version']]), [
      ['/providers/Microsoft.Billing/billingAccounts/8771640', '2019-10-01-preview'],
      // `:` is percent-encoded in the path segment, as the generated SDKs do.
      [`/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(mcaName)}`, '2020-05-01'],
    ]);
  });

  it('asks for the billing profiles of an MCA account once more when the answer is empty, and believes a second empty one', async () => {
    const profile = (current.value[0].properties.billingProfiles as { value: Array<{ name: string }> }).value[0];
    const mca = { name: current.value[0].name, agreementType: 'MicrosoftCustomerAgreement' as const };
    let asked = 0;
    const onceEmpty = new FakeTransport(() => ({ items: ++asked === 1 ? [] : [profile] }));
    assert.deepEqual((await listBillingProfiles(onceEmpty, mca).all()).items.map((p) => p.name), [profile.name]);
    assert.equal(onceEmpty.calls.length, 2);
    const alwaysEmpty = new FakeTransport(() => ({ items: [] }));
    assert.deepEqual((await listBillingProfiles(alwaysEmpty, mca).all()).items, []);
    assert.equal(alwaysEmpty.calls.length, 2);
    // Partner agreements need not have a profile the caller can see: an empty answer is the answer.
    const partner = new FakeTransport(() => ({ items: [] }));
    assert.deepEqual((await listBillingProfiles(partner, { name: 'PCN.abc', agreementType: 'MicrosoftPartnerAgreement' }).all()).items, []);
    assert.equal(partner.calls.length, 1);
  });
});
