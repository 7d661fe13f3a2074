// Invoices, folded from 2019-10-01-preview, 2020-05-01 and 2024-04-01
// (docs/azure-apis.md#invoice-fields).
// Every date is a calendar date (an invoice is dated, it has no time of day that matters) and
// every amount keeps its own currency.
import { withIssues } from './common';
import { CalendarDate } from './dates';
import { parseBillingPath } from './ids';
import { Money } from './money';
import { Open } from './openEnum';
import { ArmIdentity, isObject, ParseIssue, readIdentity, WireReader } from './wire';

export const INVOICE_STATUSES = ['Due', 'OverDue', 'Paid', 'Void', 'Locked', 'Other'] as const;
export const INVOICE_TYPES = ['AzureServices', 'AzureMarketplace', 'AzureSupport', 'Other'] as const;
export const DOCUMENT_TYPES = ['Invoice', 'VoidNote', 'TaxReceipt', 'CreditNote', 'Summary', 'Transactions', 'Other'] as const;
export const DOCUMENT_KINDS = DOCUMENT_TYPES;
export const DOCUMENT_SOURCES = ['DRS', 'ENF', 'Other'] as const;

/** `PastDue` (2019-10-01-preview examples) is the same state as `OverDue`. */
const STATUS_ALIASES = { PastDue: 'OverDue' } as const;
/** The 2020-05-01 schema says `AzureService`; its examples and 2024-04-01 say `AzureServices`. */
const INVOICE_TYPE_ALIASES = { AzureService: 'AzureServices' } as const;

/** Which route and version an invoice was read from: the download has to use the same family. */
export interface InvoiceOrigin {
  apiVersion: string;
  scope: 'account' | 'profile' | 'subscription';
}

export interface InvoiceDocument {
  kind?: Open<(typeof DOCUMENT_KINDS)[number]>;
  /** 2024-04-01: pass as `documentName` to the download. */
  name?: string;
  /** 2020-05-01: the `downloadToken` hides in the document URL's query. */
  downloadToken?: string;
  source?: Open<(typeof DOCUMENT_SOURCES)[number]>;
  documentNumbers: string[];
}

export interface InvoicePayment {
  amount?: Money;
  date?: CalendarDate;
  paymentMethodFamily?: string;
  paymentMethodType?: string;
  paymentType?: string;
}

export interface Invoice extends ArmIdentity {
  origin: InvoiceOrigin;
  accountName?: string;
  profileName?: string;
  status?: Open<(typeof INVOICE_STATUSES)[number]>;
  invoiceType?: Open<(typeof INVOICE_TYPES)[number]>;
  documentType?: Open<(typeof DOCUMENT_TYPES)[number]>;
  invoiceDate?: CalendarDate;
  dueDate?: CalendarDate;
  periodStart?: CalendarDate;
  periodEnd?: CalendarDate;
  /** Still owed now. */
  amountDue?: Money;
  /** Total charges of the period. */
  billedAmount?: Money;
  subTotal?: Money;
  taxAmount?: Money;
  /** Amount due when the invoice was issued. */
  totalAmount?: Money;
  azurePrepaymentApplied?: Money;
  creditAmount?: Money;
  freeAzureCreditApplied?: Money;
  isMonthlyInvoice?: boolean;
  profileDisplayName?: string;
  purchaseOrderNumber?: string;
  subscriptionId?: string;
  subscriptionDisplayName?: string;
  documents: InvoiceDocument[];
  payments: InvoicePayment[];
  failedPayments: Array<{ date?: CalendarDate; reason?: string }>;
  /** Rebill chain, newest first: each step's invoice and credit-note document ids. */
  rebills: Array<{ invoiceDocumentId?: string; creditNoteDocumentId?: string }>;
  refundStatus?: string;
  specialTaxationType?: string;
  billedDocumentId?: string;
  creditForDocumentId?: string;
  tags: Record<string, string>;
  issues?: ParseIssue[];
}

function downloadTokenOf(url: string | undefined): string | undefined {
  if (!url) { return undefined; }
  try {
    return new URL(url, 'https://placeholder.invalid').searchParams.get('downloadToken') ?? undefined;
  } catch {
    return undefined;
  }
}

function readDocument(raw: unknown): InvoiceDocument {
  const r = new WireReader(raw);
  return {
    kind: r.enum('kind', DOCUMENT_KINDS),
    name: r.str('name'),
    downloadToken: downloadTokenOf(r.str('url')),
    source: r.enum('source', DOCUMENT_SOURCES),
    documentNumbers: r.strings('documentNumbers'),
  };
}

/** Follows `rebillDetails.rebillDetails…` (one example spells the nested key `rebillDetail`). */
function readRebills(raw: unknown): Invoice['rebills'] {
  const out: Invoice['rebills'] = [];
  let node = raw;
  const seen = new Set<unknown>();
  while (isObject(node) && !seen.has(node) && out.length < 50) {
    seen.add(node);
    const r = new WireReader(node);
    const step = { invoiceDocumentId: r.str('invoiceDocumentId'), creditNoteDocumentId: r.str('creditNoteDocumentId') };
    if (step.invoiceDocumentId || step.creditNoteDocumentId) { out.push(step); }
    node = node.rebillDetails ?? node.rebillDetail;
  }
  return out;
}

export function parseInvoice(raw: unknown, origin: InvoiceOrigin): Invoice {
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const fromId = parseBillingPath(identity.id);
  const profileId = r.str('billingProfileId');
  return withIssues(
    {
      ...identity,
      origin,
      accountName: fromId.accountName === 'default' ? parseBillingPath(profileId).accountName : fromId.accountName,
      profileName: parseBillingPath(profileId).profileName ?? fromId.profileName,
      status: r.enum('status', INVOICE_STATUSES, STATUS_ALIASES),
      invoiceType: r.enum('invoiceType', INVOICE_TYPES, INVOICE_TYPE_ALIASES),
      documentType: r.enum('documentType', DOCUMENT_TYPES),
      invoiceDate: r.date('invoiceDate'),
      dueDate: r.date('dueDate'),
      periodStart: r.date('invoicePeriodStartDate'),
      periodEnd: r.date('invoicePeriodEndDate'),
      amountDue: r.money('amountDue'),
      billedAmount: r.money('billedAmount'),
      subTotal: r.money('subTotal'),
      taxAmount: r.money('taxAmount'),
      totalAmount: r.money('totalAmount'),
      azurePrepaymentApplied: r.money('azurePrepaymentApplied'),
      creditAmount: r.money('creditAmount'),
      freeAzureCreditApplied: r.money('freeAzureCreditApplied'),
      isMonthlyInvoice: r.bool('isMonthlyInvoice'),
      profileDisplayName: r.str('billingProfileDisplayName'),
      purchaseOrderNumber: r.str('purchaseOrderNumber'),
      subscriptionId: r.str('subscriptionId') ?? fromId.subscriptionName,
      subscriptionDisplayName: r.str('subscriptionDisplayName'),
      documents: r.array('documents').map(readDocument),
      payments: r.array('payments').map((p) => {
        const pr = new WireReader(p, issues, 'payments.');
        return {
          amount: pr.money('amount'),
          date: pr.date('date'),
          paymentMethodFamily: pr.str('paymentMethodFamily'),
          paymentMethodType: pr.str('paymentMethodType'),
          paymentType: pr.str('paymentType'),
        };
      }),
      failedPayments: r.array('failedPayments').map((p) => {
        const pr = new WireReader(p, issues, 'failedPayments.');
        return { date: pr.date('date'), reason: pr.str('failedPaymentReason') };
      }),
      rebills: readRebills(r.raw.rebillDetails),
      refundStatus: r.child('refundDetails').str('refundStatus'),
      specialTaxationType: r.str('specialTaxationType'),
      billedDocumentId: r.str('billedDocumentId'),
      creditForDocumentId: r.str('creditForDocumentId'),
      tags: { ...new WireReader(raw).stringMap('tags'), ...r.stringMap('tags') },
    },
    issues,
  );
}
