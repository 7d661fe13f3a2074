// The large world: about 50 billing accounts and 1,000 subscriptions, made lazily so the emulator
// still starts in a couple of seconds; and byte-identical answers from two emulators with the
// same seed and asOf.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startEmulator } from '../../emulator/server';
import { testCaDir } from '../../support/paths';
import { ArmPage, armFetch, FIXED_AS_OF, jsonAs } from '../../support/emulator';
import type { BillingAccount } from '../../support/wireShapes';

describe('emulator world: scale and determinism', () => {
  it("starts the large world (time printed) with ~50 accounts and 1,000 subscriptions", async (t) => {
    const began = process.hrtime.bigint();
    const emu = await startEmulator({ scale: 'large', asOf: FIXED_AS_OF, caDir: testCaDir });
    const ms = Number(process.hrtime.bigint() - began) / 1e6;
    try {
      // A figure, not a limit: on a loaded machine any bound here would fail for the wrong reason.
      t.diagnostic(`startEmulator({ scale: 'large' }) took ${ms.toFixed(0)} ms`);
      assert.equal(emu.world.subscriptions.length, 1000);
      const res = await armFetch(emu, '/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01');
      const body = await jsonAs<ArmPage<BillingAccount>>(res);
      assert.ok(body.value.length >= 45 && body.value.length <= 55, `${body.value.length} accounts in the home tenant`);
      // A profile's invoices are made on first use, within a request's time.
      const mca = body.value.filter((a) => a.properties.agreementType === 'MicrosoftCustomerAgreement').at(-1);
      assert.ok(mca, 'an MCA account');
      const first = process.hrtime.bigint();
      const invoices = await armFetch(emu, `/providers/Microsoft.Billing/billingAccounts/${mca.name}/invoices?api-version=2024-04-01`);
      assert.equal(invoices.status, 200);
      t.diagnostic(`first invoice list of a large-world account took ${(Number(process.hrtime.bigint() - first) / 1e6).toFixed(0)} ms`);
    } finally {
      await emu.close();
    }
  });

  it('answers byte for byte the same from two emulators with the same seed and asOf', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => startEmulator({ seed: 7, asOf: FIXED_AS_OF, caDir: testCaDir, settings: { pageSize: 5 } })));
    try {
      assert.equal(a.tenantId, b.tenantId);
      const mca = a.world.billing.accounts[0];
      const profile = mca.profiles[0];
      const ps = `/providers/Microsoft.Billing/billingAccounts/${mca.name}/billingProfiles/${profile.name}`;
      const paths = [
        '/tenants?api-version=2022-12-01',
        '/subscriptions?api-version=2022-12-01',
        '/providers/Microsoft.Billing/billingAccounts?api-version=2019-10-01-preview&$expand=billingProfiles/invoiceSections,departments,enrollmentAccounts,soldTo',
        `/providers/Microsoft.Billing/billingAccounts/${mca.name}/invoices?api-version=2024-04-01`,
        `/providers/Microsoft.Billing/billingAccounts/${mca.name}/billingSubscriptions?api-version=2020-05-01`,
        `${ps}/providers/Microsoft.Consumption/credits/balanceSummary?api-version=2024-08-01`,
        `${ps}/providers/Microsoft.Consumption/lots?api-version=2024-08-01`,
        `${ps}/providers/Microsoft.Consumption/events?api-version=2024-08-01&startDate=2025-11-15&endDate=2026-11-15`,
        `${ps}/providers/Microsoft.Consumption/budgets?api-version=2024-08-01`,
      ];
      for (const path of paths) {
        // nextLinks and document URLs carry each emulator's own origin; everything else must match.
        const [x, y] = await Promise.all([a, b].map(async (emu) => (await (await armFetch(emu, path)).text()).split(emu.baseUrl).join('<origin>')));
        assert.ok(x.length > 20, path);
        assert.equal(x, y, path);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
