// The same world read on each Billing api-version gives the same model: the parsers fold the array
// and `{ hasMoreResults, value }` expansions, `departmentName`/`displayName`, `accountName`/
// `displayName` into one shape. Raw JSON per version comes straight from the emulator's routes.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { parseBillingAccount, parseDepartment, parseEnrollmentAccount } from '../../../src/billing/models/account';
import { parseInvoice } from '../../../src/billing/models/invoice';
import { ArmResource, useEmulator } from '../../support/emulator';
import { clientFor, rawList } from './support/live';

const VERSIONS = ['2019-10-01-preview', '2020-05-01', '2024-04-01'];

describe('one model across Billing api-versions', () => {
  const emu = useEmulator();

  it('accounts with profiles and sections expanded read alike on every version', async () => {
    const shapes = new Set<string>();
    const results = [];
    for (const v of VERSIONS) {
      const raw = await rawList<ArmResource<{ billingProfiles?: unknown }>>(emu(), `/providers/Microsoft.Billing/billingAccounts?api-version=${v}&$expand=soldTo,billingProfiles,billingProfiles/invoiceSections`);
      for (const r of raw) { if (r.properties.billingProfiles) { shapes.add(Array.isArray(r.properties.billingProfiles) ? 'array' : 'wrapper'); } }
      results.push(
        raw.map(parseBillingAccount).map((a) => ({
          name: a.name,
          type: a.agreementType,
          profiles: a.billingProfiles?.items.map((p) => ({ name: p.name, currency: p.currency, sections: p.invoiceSections?.items.map((s) => s.displayName) })),
        })),
      );
    }
    assert.deepEqual([...shapes].sort(), ['array', 'wrapper'], 'both expansion shapes were met');
    assert.deepEqual(results[1], results[0]);
    assert.deepEqual(results[2], results[0]);
  });

  it('EA departments and enrollment accounts read alike on the preview and 2024-04-01', async () => {
    const tc = clientFor(emu());
    const ea = (await listBillingAccounts(tc.client)).accounts.find((a) => a.agreementType === 'EnterpriseAgreement')!;
    tc.client.dispose();
    const base = `/providers/Microsoft.Billing/billingAccounts/${ea.name}`;
    const read = async (v: string) => ({
      departments: (await rawList(emu(), `${base}/departments?api-version=${v}`)).map(parseDepartment).map((d) => [d.name, d.displayName, d.costCenter]),
      accounts: (await rawList(emu(), `${base}/enrollmentAccounts?api-version=${v}`)).map(parseEnrollmentAccount).map((e) => [e.name, e.displayName, e.departmentName, e.startDate]),
    });
    const preview = await read('2019-10-01-preview');
    assert.ok(preview.departments.length > 0 && preview.accounts.length > 0);
    assert.deepEqual(await read('2024-04-01'), preview);
  });

  it('an MCA invoice reads alike on 2020-05-01 and 2024-04-01, apart from what only 2024 has', async () => {
    const tc = clientFor(emu());
    const mca = (await listBillingAccounts(tc.client)).accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
    tc.client.dispose();
    const q = 'periodStartDate=2026-01-01&periodEndDate=2026-10-31';
    const path = `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(mca.name)}/invoices`;
    const pick = (v: string, raw: unknown[]) =>
      raw.map((r) => parseInvoice(r, { apiVersion: v, scope: 'account' })).map((i) => ({ name: i.name, status: i.status, period: [i.periodStart, i.periodEnd], due: i.amountDue, billed: i.billedAmount, kinds: i.documents.map((d) => d.kind) }));
    const v2020 = pick('2020-05-01', await rawList(emu(), `${path}?api-version=2020-05-01&${q}`));
    const v2024 = pick('2024-04-01', await rawList(emu(), `${path}?api-version=2024-04-01&${q}`));
    assert.ok(v2020.length > 0);
    assert.deepEqual(v2024, v2020);
  });
});
