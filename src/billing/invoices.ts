// Invoices by billing account, billing profile or Azure subscription, and one invoice.
//
// api-version by agreement type (docs/azure-apis.md#invoices-list and #billing-versions):
// - Enterprise Agreement: 2019-10-01-preview (2020-05-01 answers EA with "Invalid billing account
//   name"), then 2024-04-01 if the preview is refused;
// - everything else: 2024-04-01 ("all billing account types", optional dates, `documentName`
//   downloads), then 2020-05-01 (MCA/MPA only, dates required) if 2024-04-01 is refused.
// A period is always sent, because two of the three versions require one: by default the 13 months
// up to today, a generous window (docs/azure-apis.md#invoices-list). Each invoice remembers the
// route and version it came from, because its download must use the same family
// (invoiceDownload.ts).
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { Listing, listing, ListingOptions } from '../azure/listing';
import type { AgreementType } from './models/account';
import { addDays, utcDateOf } from './models/dates';
import { accountPath, looksLikeEnrollmentNumber, profilePath, seg } from './models/ids';
import { Invoice, InvoiceOrigin, parseInvoice } from './models/invoice';
import { AccountRef, ProfileRef } from './refs';
import { CheckedDateRange, checkDateRange } from './dateRange';
import { listWithVersionFallback, withVersionFallback } from './versionFallback';

export interface InvoicePeriod {
  /** First day of the window (YYYY-MM-DD); default: 13 months before `to`. */
  from?: string;
  /** Last day of the window (YYYY-MM-DD); default: today (UTC). */
  to?: string;
}

export interface InvoiceListOptions extends ListingOptions {
  period?: InvoicePeriod;
  /** "Today" for the default window; tests pin it. */
  asOf?: Date;
}

/** The window sent as `periodStartDate`/`periodEndDate`, checked before calling. */
export function invoiceWindow(period: InvoicePeriod = {}, asOf: Date = new Date()): CheckedDateRange {
  return checkDateRange(period, { subject: 'invoice period', defaultTo: utcDateOf(asOf), defaultFrom: (to) => addDays(to, -395) });
}

export function invoiceVersionsFor(agreementType: AgreementType | undefined, accountName?: string): string[] {
  const ea = agreementType === 'EnterpriseAgreement' || (agreementType === undefined && accountName !== undefined && looksLikeEnrollmentNumber(accountName));
  return ea ? [API.billingEa, API.billingCurrent] : [API.billingCurrent, API.billingMca];
}

function invoicesAt(
  transport: ArmTransport,
  path: string,
  versions: readonly string[],
  scope: InvoiceOrigin['scope'],
  options: InvoiceListOptions,
): Listing<Invoice> {
  return listing(async function* () {
    const window = invoiceWindow(options.period, options.asOf);
    let used = versions[0];
    const items = listWithVersionFallback(versions, (apiVersion) => {
      used = apiVersion;
      return transport.list<unknown>(path, {
        query: { 'api-version': apiVersion, periodStartDate: window.from, periodEndDate: window.to },
        signal: options.signal,
      });
    });
    for await (const raw of items) yield parseInvoice(raw, { apiVersion: used, scope });
  }, options);
}

export function listInvoicesByAccount(transport: ArmTransport, account: AccountRef, options: InvoiceListOptions = {}): Listing<Invoice> {
  return invoicesAt(transport, `${accountPath(account.name)}/invoices`, invoiceVersionsFor(account.agreementType, account.name), 'account', options);
}

/** MCA billing profile invoices (2024-04-01, then 2020-05-01). */
export function listInvoicesByProfile(transport: ArmTransport, profile: ProfileRef, options: InvoiceListOptions = {}): Listing<Invoice> {
  return invoicesAt(transport, `${profilePath(profile.accountName, profile.name)}/invoices`, [API.billingCurrent, API.billingMca], 'profile', options);
}

/**
 * Invoices of one Azure subscription through the literal `default` account: works with only a
 * subscription role (MOSP / pay-as-you-go), no billing account needed.
 */
export function listInvoicesBySubscription(transport: ArmTransport, subscriptionId: string, options: InvoiceListOptions = {}): Listing<Invoice> {
  return invoicesAt(transport, `${subscriptionInvoicesPath(subscriptionId)}`, [API.billingCurrent, API.billingMca], 'subscription', options);
}

export function subscriptionInvoicesPath(subscriptionId: string): string {
  return `/providers/Microsoft.Billing/billingAccounts/default/billingSubscriptions/${seg(subscriptionId)}/invoices`;
}

export interface InvoiceLocator {
  invoiceName: string;
  /** The billing account; `default` (or omitted with a subscription id) addresses by subscription. */
  accountName?: string;
  subscriptionId?: string;
  agreementType?: AgreementType;
}

export async function getInvoice(transport: ArmTransport, where: InvoiceLocator, options: { signal?: AbortSignal } = {}): Promise<Invoice> {
  let path: string;
  let versions: string[];
  let scope: InvoiceOrigin['scope'];
  if (where.subscriptionId) {
    path = `${subscriptionInvoicesPath(where.subscriptionId)}/${seg(where.invoiceName)}`;
    versions = [API.billingCurrent, API.billingMca];
    scope = 'subscription';
  } else {
    const account = where.accountName ?? 'default';
    path = `${accountPath(account)}/invoices/${seg(where.invoiceName)}`;
    versions = invoiceVersionsFor(where.agreementType, account);
    scope = 'account';
  }
  return withVersionFallback(versions, async (apiVersion) => {
    const raw = await transport.get<unknown>(path, { query: { 'api-version': apiVersion }, signal: options.signal });
    if (raw === undefined) throw new Error(`Invoice '${where.invoiceName}' answered with no content.`);
    return parseInvoice(raw, { apiVersion, scope });
  });
}
