// The caller's AbortSignal reaches every request a module makes: a list stops between pages, a
// download stops while it waits for the operation, and both end as a cancellation (AbortError),
// which the command wrapper treats as silence.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { requestInvoiceDownload } from '../../../src/billing/invoiceDownload';
import { listInvoicesByAccount } from '../../../src/billing/invoices';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { clientFor } from './support/live';

describe('cancellation reaches the requests', () => {
  const emu = useEmulator({ settings: { pageSize: 2, downloadPolls: 5, retryAfterSeconds: 2 } });

  it('stops a paged list when the signal fires, without asking for more pages', async () => {
    const tc = clientFor(emu());
    try {
      const mca = (await listBillingAccounts(tc.client)).accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
      emu().faults.add({ kind: 'latency', path: '/invoices', latencyMs: 10_000 });
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 100);
      const before = tc.recorder.count;
      await assert.rejects(listInvoicesByAccount(tc.client, mca, { asOf: new Date(`${FIXED_AS_OF}T00:00:00Z`), signal: controller.signal }).all(), { name: 'AbortError' });
      // The answer would take 10 s: ending long before it shows the cancellation, even on a loaded machine.
      assert.ok(Date.now() - started < 5_000, 'ended at the cancellation, not at the answer');
      assert.equal(tc.recorder.count - before, 1, 'one request, cut short');
    } finally {
      emu().faults.clear();
      tc.client.dispose();
    }
  });

  it('stops a download while it waits for the operation', async () => {
    const tc = clientFor(emu());
    try {
      const mca = (await listBillingAccounts(tc.client)).accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
      const [invoice] = (await listInvoicesByAccount(tc.client, mca, { asOf: new Date(`${FIXED_AS_OF}T00:00:00Z`), maxItems: 1 }).all()).items;
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 200);
      await assert.rejects(requestInvoiceDownload(tc.client, invoice, { signal: controller.signal }), { name: 'AbortError' });
      assert.ok(Date.now() - started < 1500, 'no need to wait for the 2-second Retry-After');
    } finally {
      tc.client.dispose();
    }
  });
});
