// What the tree must show, read from the emulator's own API (never from constants): every
// directory (tenant) of the signed-in principal with the billing accounts it sees there.
import { emulators, HostEmulator } from './harness';

export interface Directory {
  tenantId: string;
  name: string;
  accounts: string[];
}

export async function directoriesOf(emulator: HostEmulator): Promise<Directory[]> {
  const directories: Directory[] = [];
  for (const tenant of await emulators.listTenants(emulator)) {
    const accounts = await emulators.listBillingAccounts(emulator, tenant.tenantId);
    directories.push({ tenantId: tenant.tenantId, name: tenant.displayName, accounts: accounts.map((a) => a.displayName) });
  }
  return directories;
}
