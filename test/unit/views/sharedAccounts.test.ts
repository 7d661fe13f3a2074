// The billing accounts of a directory are fetched once and shared: what the palette's Show Credit
// Events does (list accounts, then profiles) while the tree loads the same directory asks Azure for
// the accounts once, and a second pick within 30 s asks again not at all. Counted by the emulator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { listAccounts, listCreditProfiles } from '../../../src/views/commands/billing/billingCatalog';
import type { TenantConnection } from '../../../src/views/session/billingSession';
import { ACCOUNTS_TTL_MS, sharedBillingAccounts } from '../../../src/views/session/sharedAccounts';
import { useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';

const emulator = useEmulator();
const ACCOUNTS_ROUTE = 'GET /providers/Microsoft.Billing/billingAccounts';

function accountRequests(): number {
  return emulator().stats.byRoute[ACCOUNTS_ROUTE] ?? 0;
}

/** Requests one plain listing of the home directory's accounts takes (the emulator may page it). */
async function oneListing(): Promise<number> {
  const before = accountRequests();
  await listBillingAccounts(testClient(emulator()).client);
  return accountRequests() - before;
}

test('Show Credit Events from the palette, while the tree loads: billing accounts are listed once per directory', async () => {
  const perListing = await oneListing();
  assert.ok(perListing >= 1);
  const emu = emulator();
  const { client, log } = testClient(emu);
  const tenants = [{ tenant: { tenantId: emu.tenantId, displayName: 'Contoso' }, transport: client } as unknown as TenantConnection];
  const before = accountRequests();
  // The tree expands the directory and the picker asks at the same moment.
  const [tree, picked] = await Promise.all([sharedBillingAccounts(client, { maxAgeMs: 0 }), listAccounts(tenants, log)]);
  const profiles = await listCreditProfiles(picked, log);
  assert.ok(profiles.length > 0, 'the picker offers MCA billing profiles');
  assert.equal(tree.accounts.length, picked.length);
  // A second command a moment later (Show Credit Balance, say) reuses the list.
  await listAccounts(tenants, log);
  assert.equal(accountRequests() - before, perListing, 'one listing for the directory');
});

test('the shared list expires after 30 s, and a caller giving up does not fail the others', async () => {
  const { client } = testClient(emulator());
  let clock = 1_000_000;
  const now = () => clock;
  const perListing = await oneListing();
  const before = accountRequests();
  await sharedBillingAccounts(client, { now });
  await sharedBillingAccounts(client, { now });
  assert.equal(accountRequests() - before, perListing);
  clock += ACCOUNTS_TTL_MS + 1;
  await sharedBillingAccounts(client, { now });
  assert.equal(accountRequests() - before, 2 * perListing, 'asked again after the time to live');

  const aborted = new AbortController();
  const other = testClient(emulator()).client;
  const first = sharedBillingAccounts(other, { signal: aborted.signal, now });
  const second = sharedBillingAccounts(other, { now });
  aborted.abort();
  await assert.rejects(first);
  assert.ok((await second).accounts.length > 0, 'the other caller still gets the accounts');
});
