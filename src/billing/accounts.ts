// Billing accounts: the top of the tree.
//
// One round trip where the API allows it: the list asks 2020-05-01 for `$expand` of sold-to,
// billing profiles, their invoice sections, enrollment details, departments and enrollment
// accounts. Two known gaps are closed here (docs/azure-apis.md#billing-accounts):
// - 2020-05-01 has answered `[]` where 2019-10-01-preview listed the accounts; an empty answer is
//   asked again on 2019-10-01-preview before it is believed;
// - EA accounts may come back from 2020-05-01 without departments/enrollment accounts even when
//   expanded; those are fetched once more on 2019-10-01-preview, where EA works best.
// An empty list is reported as such, with the usual reason: the caller has no billing role (an
// Azure RBAC role on a subscription does not make billing accounts visible,
// docs/azure-apis.md#permissions).
import { ListResult, listing } from '../azure/listing';
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { BillingAccount, parseBillingAccount } from './models/account';
import { accountPath, looksLikeEnrollmentNumber } from './models/ids';
import { ParseIssue } from './models/wire';

const MCA_EXPAND = 'soldTo,billingProfiles,billingProfiles/invoiceSections';
const EA_EXPAND = 'enrollmentDetails,departments,enrollmentAccounts';
const FULL_EXPAND = `${MCA_EXPAND},${EA_EXPAND}`;

export interface BillingAccountsOptions {
  signal?: AbortSignal;
  /** Stop after this many accounts; `truncated` then says whether there were more. */
  maxItems?: number;
  /** Fetch EA departments/enrollment accounts that the list left out (default true). */
  completeEnterpriseAccounts?: boolean;
}

export interface BillingAccountsResult {
  accounts: BillingAccount[];
  truncated: boolean;
  /** The api-version whose answer is returned. */
  apiVersion: string;
  /** Set when no account is visible, with the explanation a person needs. */
  empty?: {
    reason: 'noBillingAccountVisible';
    message: string;
  };
}

/**
 * Every billing account the caller can see, with profiles, sections and EA structure inline.
 * Returns a whole result rather than an iterable: a tenant has a handful of accounts, and only a
 * finished list can tell "none visible" apart from "not loaded yet".
 */
export async function listBillingAccounts(transport: ArmTransport, options: BillingAccountsOptions = {}): Promise<BillingAccountsResult> {
  const { signal } = options;
  let apiVersion: string = API.billingAccounts;
  let page = await accountsOn(transport, apiVersion, options);
  if (page.items.length === 0) {
    apiVersion = API.billingEa;
    page = await accountsOn(transport, apiVersion, options);
  }
  let accounts = page.items;
  if (options.completeEnterpriseAccounts !== false && apiVersion !== API.billingEa) {
    accounts = await Promise.all(accounts.map((a) => completeEnterpriseAccount(transport, a, signal)));
  }
  const result: BillingAccountsResult = { accounts, truncated: page.truncated, apiVersion };
  if (accounts.length === 0) {
    result.empty = {
      reason: 'noBillingAccountVisible',
      message:
        'No billing account is visible to this sign-in. Billing accounts appear only with a billing role ' +
        '(for example Billing account reader, Billing profile reader, or an Enterprise Agreement role); ' +
        'an Azure role such as Owner or Reader on a subscription does not show them.',
    };
  }
  return result;
}

/** One api-version's answer, read to the end or to `maxItems`. */
function accountsOn(transport: ArmTransport, apiVersion: string, options: BillingAccountsOptions): Promise<ListResult<BillingAccount>> {
  return listing(async function* () {
    for await (const raw of transport.list<unknown>('/providers/Microsoft.Billing/billingAccounts', {
      query: { 'api-version': apiVersion, $expand: FULL_EXPAND },
      signal: options.signal,
    })) {
      yield parseBillingAccount(raw);
    }
  }, { maxItems: options.maxItems }).all();
}

/** True for an EA account whose departments and enrollment accounts did not come with it. */
function lacksEnterpriseStructure(account: BillingAccount): boolean {
  return account.agreementType === 'EnterpriseAgreement' && !account.departments && !account.enrollmentAccounts;
}

async function completeEnterpriseAccount(transport: ArmTransport, account: BillingAccount, signal?: AbortSignal): Promise<BillingAccount> {
  if (!lacksEnterpriseStructure(account)) return account;
  try {
    const fuller = await getEnterpriseAccount(transport, account.name, signal);
    return {
      ...account,
      departments: fuller.departments,
      enrollmentAccounts: fuller.enrollmentAccounts,
      enrollmentDetails: account.enrollmentDetails ?? fuller.enrollmentDetails,
    };
  } catch (error) {
    // Cancellation must stop the whole list; anything else leaves the account as listed, and the
    // departments node will ask again (and show that error) when opened.
    if (error instanceof Error && error.name === 'AbortError') throw error;
    const issue: ParseIssue = {
      field: 'departments',
      raw: '',
      reason: `The EA departments and enrollment accounts could not be loaded with the account: ${error instanceof Error ? error.message : String(error)}`,
    };
    return { ...account, issues: [...(account.issues ?? []), issue] };
  }
}

async function getEnterpriseAccount(transport: ArmTransport, name: string, signal?: AbortSignal): Promise<BillingAccount> {
  const raw = await transport.get<unknown>(accountPath(name), {
    query: { 'api-version': API.billingEa, $expand: EA_EXPAND },
    signal,
  });
  if (raw === undefined) throw new Error(`Billing account '${name}' answered with no content.`);
  return parseBillingAccount(raw);
}

/**
 * One billing account. EA enrollment numbers (all digits) are read on 2019-10-01-preview with
 * departments and enrollment accounts; others on 2020-05-01 with profiles and sections.
 */
export async function getBillingAccount(transport: ArmTransport, name: string, options: { signal?: AbortSignal } = {}): Promise<BillingAccount> {
  if (looksLikeEnrollmentNumber(name)) return getEnterpriseAccount(transport, name, options.signal);
  const raw = await transport.get<unknown>(accountPath(name), {
    query: { 'api-version': API.billingAccounts, $expand: FULL_EXPAND },
    signal: options.signal,
  });
  if (raw === undefined) throw new Error(`Billing account '${name}' answered with no content.`);
  return completeEnterpriseAccount(transport, parseBillingAccount(raw), options.signal);
}
