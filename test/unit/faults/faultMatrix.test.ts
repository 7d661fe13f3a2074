// Every call the product makes × every fault the emulator offers × three modes (the call's first
// request, every request, its second request only), through the real client and the billing
// functions (and download pipeline) the extension runs. The outcome of each cell is written down
// (matrixFaults.ts for each fault, matrixCalls.ts where a call differs, with why): the fault-free
// data, a list that ends where Azure answered empty, or a typed error with the advice a person
// needs. A cell that ends otherwise, hangs or reaches the person as "unexpected" fails its row.
// The matrix and its counts are printed as '# ' lines. Outcomes only: no durations are asserted.
//
// Most of a cell's time is waiting (retry back-off, stalls running into the idle limit), so the
// rows are spread over a few emulators of the same world and run side by side; the cells of one
// row run one after the other, since they share their emulator's fault rules.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cachedTokenSource } from '../../../src/azure/tokenSource';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { listInvoicesByProfile } from '../../../src/billing/invoices';
import { Emulator, startEmulator } from '../../emulator/server';
import { FIXED_AS_OF } from '../../support/emulator';
import { testCaDir } from '../../support/paths';
import { emulatorTokenSource, testClient } from '../azure/clientFixture';
import { CALLS, MatrixWorld } from './matrixCalls';
import { FAULTS } from './matrixFaults';
import { adviceLine, counts, countsLine, legend, RowReport, rowLine } from './matrixReport';
import { RowRun, runRow } from './matrixRunner';

/** Emulators the rows are spread over. */
const SHARDS = 3;

const print = (lines: string | string[]) => {
  for (const line of ([] as string[]).concat(lines)) { process.stdout.write(`${line}\n`); }
};

/** An emulator of the test world, and what the calls need from it. */
async function matrixWorld(): Promise<MatrixWorld & { tokens: ReturnType<typeof cachedTokenSource> }> {
  const emu: Emulator = await startEmulator({
    caDir: testCaDir,
    asOf: FIXED_AS_OF,
    settings: {
      // The download operation: one 202 poll, then the link; no server-given wait between polls.
      downloadPolls: 1,
      retryAfterSeconds: 0,
      retailPrices: { pageSize: 20, omitNextPageLink: false, shuffle: false, throttleEvery: 0, throttleRetryAfterSeconds: null },
    },
  });
  const tokens = cachedTokenSource(emulatorTokenSource(emu));
  const { client } = testClient(emu, { tokenSource: tokens });
  try {
    const accounts = (await listBillingAccounts(client)).accounts;
    const mca = accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
    const ea = accounts.find((a) => a.agreementType === 'EnterpriseAgreement')!;
    const usd = mca.billingProfiles!.items.find((p) => p.currency === 'USD')!;
    const profile = { accountName: mca.name, name: usd.name };
    const invoices = await listInvoicesByProfile(client, profile, { asOf: new Date(`${FIXED_AS_OF}T12:00:00Z`) }).all();
    return {
      emu,
      tokens,
      mca: { name: mca.name, agreementType: 'MicrosoftCustomerAgreement' },
      ea: { name: ea.name, agreementType: 'EnterpriseAgreement' },
      profile,
      invoice: invoices.items.find((i) => i.documentType !== 'CreditNote')!,
      payg: emu.world.subscriptions.find((s) => s.offerId === 'MS-AZR-0003P' && s.tenantId === emu.tenantId && s.state === 'Enabled')!,
      // The emulator seeds a budget on the first subscription of the MCA account's first profile.
      budgetSubscriptionId: emu.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!.profiles[0].subscriptions[0].subscriptionId,
    };
  } finally {
    client.dispose();
  }
}

describe('fault matrix: every call × every fault × first / every / second request', () => {
  const worlds: Array<Awaited<ReturnType<typeof matrixWorld>>> = [];
  const runs = new Map<string, Promise<RowRun>>();
  const rows: RowReport[] = [];

  before(async () => {
    for (let i = 0; i < SHARDS; i++) { worlds.push(await matrixWorld()); }
    // Each shard works through its rows in turn; the shards run side by side. A row never rejects:
    // what went wrong is in its problems.
    const shards = worlds.map(() => Promise.resolve());
    CALLS.forEach((call, index) => {
      const shard = index % SHARDS;
      const world = worlds[shard];
      const run = shards[shard].then(() => runRow(call, world, world.tokens)).catch((error: unknown): RowRun => ({ row: { call: call.id, cells: [] }, problems: [`the row failed: ${String(error)}`] }));
      shards[shard] = run.then(() => undefined);
      runs.set(call.id, run);
    });
    print(legend(FAULTS));
  });

  after(async () => {
    if (rows.length > 0) { print([countsLine(rows), adviceLine(rows)]); }
    await Promise.allSettled(runs.values());
    await Promise.all(worlds.map((w) => w.emu.close()));
  });

  for (const call of CALLS) {
    it(`${call.id}: every cell ends as written down`, async () => {
      const { row, problems } = await runs.get(call.id)!;
      if (row.cells.length > 0) {
        rows.push(row);
        print(rowLine(row));
      }
      assert.deepEqual(problems, [], `${call.id}: cells that ended otherwise than written down`);
    });
  }

  it('no cell hangs, gives wrong data or reaches the person as "unexpected"', () => {
    assert.equal(rows.length, CALLS.length, 'every row ran');
    const c = counts(rows);
    assert.deepEqual({ wrong: c.wrong, hang: c.hang, untyped: c.untyped }, { wrong: 0, hang: 0, untyped: 0 });
  });
});
