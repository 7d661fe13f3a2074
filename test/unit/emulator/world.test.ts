// The emulator's world as made by createWorld: the structure every route serves, checked in-process.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorld } from '../../emulator/world';
import { FIXED_AS_OF } from '../../support/emulator';

describe('emulator world: billing structure', () => {
  const world = createWorld({ seed: 1, scale: 'small', asOf: FIXED_AS_OF });
  const accounts = world.billing.accounts;

  it('has three tenants, the third without a billing role', () => {
    assert.deepEqual(world.tenants.map((t) => [t.displayName, t.hasBillingRole]), [['Contoso', true], ['Fabrikam Labs', true], ['Woodgrove Bank', false]]);
  });

  it('has every agreement type, an MCA account with a USD and a EUR profile and several sections, and an EA enrollment', () => {
    const contoso = accounts.filter((a) => a.tenantId === world.tenants[0].tenantId);
    assert.deepEqual(contoso.map((a) => a.agreementType).sort(), ['EnterpriseAgreement', 'MicrosoftCustomerAgreement', 'MicrosoftOnlineServicesProgram']);
    const mca = contoso.find((a) => a.agreementType === 'MicrosoftCustomerAgreement');
    assert.ok(mca);
    assert.deepEqual(mca.profiles.map((p) => p.currency), ['USD', 'EUR']);
    assert.equal(mca.profiles.reduce((n, p) => n + p.sections.length, 0), 5);
    const ea = contoso.find((a) => a.agreementType === 'EnterpriseAgreement');
    assert.ok(ea);
    assert.match(ea.name, /^\d{8}$/);
    assert.equal(ea.departments.length, 3);
    assert.equal(ea.enrollmentAccounts.length, 4);
    assert.ok(ea.enrollmentAccounts.every((e) => ea.departments.some((d) => d.name === e.departmentName)));
  });

  it('has 20+ subscriptions on several offers, each in exactly one account of its agreement type', () => {
    assert.ok(world.subscriptions.length >= 20);
    const offers = new Set(world.subscriptions.map((s) => s.offerId));
    for (const offer of ['MS-AZR-0003P', 'MS-AZR-0023P', 'MS-AZR-0063P', 'MS-AZR-0017P', 'MS-AZR-0017G']) { assert.ok(offers.has(offer), offer); }
    assert.equal(new Set(world.subscriptions.map((s) => s.subscriptionId)).size, world.subscriptions.length);
    for (const sub of world.subscriptions) {
      const owners = accounts.filter((a) => a.subscriptions.includes(sub));
      assert.equal(owners.length, 1, sub.displayName);
      assert.equal(owners[0].name, sub.billingAccountName);
      assert.equal(owners[0].agreementType, sub.agreementType);
      if (sub.agreementType === 'MicrosoftCustomerAgreement') {
        const profile = owners[0].profiles.find((p) => p.name === sub.billingProfileName);
        assert.ok(profile && profile.sections.some((s) => s.name === sub.invoiceSectionName), sub.displayName);
        assert.equal(sub.currency, profile.currency);
        // Bought under an MCA means an Azure plan, never a Web Direct offer with a RateCard.
        assert.ok(['MS-AZR-0017G', 'MS-AZR-0148G'].includes(sub.offerId), `${sub.displayName} is on ${sub.offerId}`);
      } else {
        assert.ok(!sub.offerId.endsWith('G'), `${sub.displayName}: an Azure plan outside an MCA`);
      }
      if (sub.agreementType === 'EnterpriseAgreement') { assert.ok(owners[0].enrollmentAccounts.some((e) => e.name === sub.enrollmentAccountName)); }
    }
  });

  it('keeps a true pay-as-you-go subscription (MOSP, MS-AZR-0003P) for the estimate, and the large world follows the same rules', () => {
    assert.ok(world.subscriptions.some((s) => s.agreementType === 'MicrosoftOnlineServicesProgram' && s.offerId === 'MS-AZR-0003P'));
    const large = createWorld({ seed: 1, scale: 'large', asOf: FIXED_AS_OF });
    for (const sub of large.subscriptions) {
      assert.equal(sub.agreementType === 'MicrosoftCustomerAgreement', sub.offerId.endsWith('G'), `${sub.displayName} on ${sub.offerId}`);
    }
  });

  it('is the same world for the same seed and another for another seed', () => {
    const again = createWorld({ seed: 1, scale: 'small', asOf: FIXED_AS_OF });
    assert.equal(JSON.stringify(again.billing.accounts), JSON.stringify(accounts));
    const other = createWorld({ seed: 2, scale: 'small', asOf: FIXED_AS_OF });
    assert.notEqual(other.billing.accounts[0].name, accounts[0].name);
  });

  it('issues 13 monthly invoices per MCA profile, the newest issued by the world\'s today', () => {
    for (const profile of accounts[0].profiles) {
      const invoices = world.billing.invoicesOfProfile(profile).filter((i) => i.documentType === 'Invoice');
      assert.equal(invoices.length, 13);
      assert.equal(invoices[12].periodStart, '2026-10-01');
      assert.equal(invoices[0].periodStart, '2025-10-01');
      assert.ok(invoices.every((i) => i.invoiceDate <= FIXED_AS_OF));
      // The lines of each invoice add up to its charges.
      for (const inv of invoices) { assert.equal(inv.lines.reduce((s, l) => s + l.cents, 0), inv.chargesCents, inv.name); }
    }
  });

  it('moves the periods with asOf: before the invoice day, last month is not invoiced yet', () => {
    const early = createWorld({ seed: 1, scale: 'small', asOf: '2026-11-02' });
    const usd = early.billing.accounts[0].profiles[0];
    const invoices = early.billing.invoicesOfProfile(usd).filter((i) => i.documentType === 'Invoice');
    assert.equal(invoices[invoices.length - 1].periodStart, '2026-09-01');
  });

  it('computes invoices from whatever cost function it is given', () => {
    const flat = createWorld({ seed: 1, scale: 'small', asOf: FIXED_AS_OF }, {
      usage: () => ({ dailyCost: () => 10, costBetween: (_id, from, to) => 10 * (1 + (Date.parse(to) - Date.parse(from)) / 86_400_000) }),
    });
    const profile = flat.billing.accounts[0].profiles[0];
    const october = flat.billing.invoicesOfProfile(profile).find((i) => i.periodStart === '2026-10-01' && i.documentType === 'Invoice');
    // 6 subscriptions × 31 days × 10.00
    assert.equal(october?.chargesCents, 6 * 31 * 1000);
  });
});
