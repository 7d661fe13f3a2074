// What the palette versions of the commands offer to choose from: every billing profile, and every
// place invoices come from, across the directories the sign-in reaches. A directory that fails is
// left out and logged; the others still appear. Billing accounts are shared with the tree and
// other pickers while in flight and for 30 s (session/sharedAccounts.ts); profiles are read per pick.
import type { Logger } from '../../../azure/log';
import type { BillingAccount } from '../../../billing/models/account';
import type { BillingProfile } from '../../../billing/models/profile';
import { listBillingProfiles } from '../../../billing/profiles';
import { hasBillingProfiles } from '../../../billing/refs';
import type { TenantConnection } from '../../session/billingSession';
import { sharedBillingAccounts } from '../../session/sharedAccounts';
import { tenantLabel } from '../../session/tenantDirectory';
import type { InvoiceSource } from '../../explorer/invoiceSource';

export interface AccountChoice {
  connection: TenantConnection;
  account: BillingAccount;
}

export interface ProfileChoice extends AccountChoice {
  profile: BillingProfile;
}

export interface InvoiceSourceChoice extends AccountChoice {
  source: InvoiceSource;
  /** The name the download folder gets (`invoices/<this>`). */
  folderName: string;
}

export async function listAccounts(tenants: TenantConnection[], logger: Logger, signal?: AbortSignal): Promise<AccountChoice[]> {
  const perTenant = await Promise.all(
    tenants.map(async (connection) => {
      try {
        const { accounts } = await sharedBillingAccounts(connection.transport, { signal });
        return accounts.map((account) => ({ connection, account }));
      } catch (error) {
        if (signal?.aborted) { throw error; }
        logger.warn(`Billing accounts of directory ${tenantLabel(connection.tenant)} could not be listed: ${(error as Error).message}`);
        return [];
      }
    }),
  );
  return perTenant.flat();
}

export async function profilesOf(choice: AccountChoice, signal?: AbortSignal): Promise<BillingProfile[]> {
  const inline = choice.account.billingProfiles;
  if (inline && !inline.hasMoreResults) { return inline.items; }
  return (await listBillingProfiles(choice.connection.transport, { name: choice.account.name, agreementType: choice.account.agreementType }, { signal }).all()).items;
}

/** Every MCA billing profile (credits live there). */
export function listCreditProfiles(accounts: AccountChoice[], logger: Logger, signal?: AbortSignal): Promise<ProfileChoice[]> {
  return profilesAcross(accounts.filter((a) => a.account.agreementType === 'MicrosoftCustomerAgreement'), logger, signal);
}

/** MCA/MPA: each billing profile; EA, pay-as-you-go and others: the account itself. */
export async function listInvoiceSources(accounts: AccountChoice[], logger: Logger, signal?: AbortSignal): Promise<InvoiceSourceChoice[]> {
  const out: InvoiceSourceChoice[] = [];
  const profiled = accounts.filter((a) => hasBillingProfiles(a.account.agreementType));
  for (const p of await profilesAcross(profiled, logger, signal)) {
    out.push({
      connection: p.connection,
      account: p.account,
      folderName: p.profile.displayName,
      source: { kind: 'profile', accountName: p.account.name, profileName: p.profile.name, displayName: p.profile.displayName },
    });
  }
  for (const a of accounts.filter((x) => !hasBillingProfiles(x.account.agreementType))) {
    out.push({
      ...a,
      folderName: a.account.displayName,
      source: { kind: 'account', accountName: a.account.name, agreementType: a.account.agreementType, displayName: a.account.displayName },
    });
  }
  return out;
}

/** The profiles of several accounts side by side; an account that fails is logged and left out. */
async function profilesAcross(accounts: AccountChoice[], logger: Logger, signal?: AbortSignal): Promise<ProfileChoice[]> {
  const lists = await Promise.all(
    accounts.map(async (choice) => {
      try {
        return (await profilesOf(choice, signal)).map((profile) => ({ ...choice, profile }));
      } catch (error) {
        if (signal?.aborted) { throw error; }
        logger.warn(`Billing profiles of ${choice.account.displayName} could not be listed: ${(error as Error).message}`);
        return [];
      }
    }),
  );
  return lists.flat();
}
