// Where a list of invoices comes from, chosen by agreement type: an MCA billing profile, a whole
// billing account (EA, pay-as-you-go), or one Azure subscription. The commands use the same type to
// list a period's invoices for a node or for a choice made in a quick pick.
import type { ArmTransport } from '../../azure/transport';
import { InvoicePeriod, listInvoicesByAccount, listInvoicesByProfile, listInvoicesBySubscription } from '../../billing/invoices';
import type { Listing } from '../../azure/listing';
import type { AgreementType } from '../../billing/models/account';
import { addDays, CalendarDate } from '../../billing/models/dates';
import type { Invoice } from '../../billing/models/invoice';

export type InvoiceSource =
  | { kind: 'profile'; accountName: string; profileName: string; displayName: string }
  | { kind: 'account'; accountName: string; agreementType?: AgreementType; displayName: string }
  | { kind: 'subscription'; subscriptionId: string; displayName: string };

/**
 * The window to ask the API for when a person wants the invoices *issued* in `period`: the API
 * filters by billing period, and a monthly invoice is issued after its period ends, so the start is
 * moved back by two months; callers keep only what was issued in the period.
 */
export function issuedInQueryWindow(period: { from: string; to: string }): InvoicePeriod {
  return { from: addDays(period.from as CalendarDate, -62), to: period.to };
}

/** Whether the invoice was issued between `from` and `to` (inclusive); an invoice without a date is kept. */
export function isIssuedIn(invoice: Invoice, from: string, to: string): boolean {
  return !invoice.invoiceDate || (invoice.invoiceDate >= from && invoice.invoiceDate <= to);
}

/** Only the invoices issued between `from` and `to`. */
export async function* issuedIn(invoices: AsyncIterable<Invoice>, from: string, to: string): AsyncIterable<Invoice> {
  for await (const invoice of invoices) {
    if (isIssuedIn(invoice, from, to)) yield invoice;
  }
}

export function listInvoicesFrom(transport: ArmTransport, source: InvoiceSource, period: InvoicePeriod, signal?: AbortSignal): Listing<Invoice> {
  switch (source.kind) {
    case 'profile':
      return listInvoicesByProfile(transport, { accountName: source.accountName, name: source.profileName }, { period, signal });
    case 'account':
      return listInvoicesByAccount(transport, { name: source.accountName, agreementType: source.agreementType }, { period, signal });
    case 'subscription':
      return listInvoicesBySubscription(transport, source.subscriptionId, { period, signal });
  }
}
