// Invoice JSON per api-version (docs/azure-apis.md#invoice-fields), including the quirks a client
// must survive: `PastDue` instead of `OverDue` on the preview, `AzureServices` although the
// 2020-05-01 schema says `AzureService`, documents as `{kind, url, source}` (2020: the download
// token hides in the url) or `{kind, name, url, source, documentNumbers}` (2024).
import { isoMidnight } from '../../world/billing/calendar';
import { fromCents } from '../../world/billing/money';
import type { WorldDocument, WorldInvoice } from '../../world/billing/types';
import { BILLING, profileId, seg, V2019, V2020, V2024 } from './versions';

export type InvoiceScope = 'account' | 'profile' | 'subscription';

/** The download token of a document on 2020-05-01 (opaque to clients; parsed from the url). */
export function downloadTokenOf(doc: WorldDocument): string {
  return `${doc.source}_${doc.name}`;
}

export function invoiceId(inv: WorldInvoice, scope: InvoiceScope): string {
  if (scope === 'subscription') { return `${BILLING}/default/billingSubscriptions/${inv.subscriptionId}/invoices/${inv.name}`; }
  if (scope === 'profile' && inv.profileName) { return `${profileId(inv.accountName, inv.profileName)}/invoices/${inv.name}`; }
  return `${BILLING}/${inv.accountName}/invoices/${inv.name}`;
}

const TYPES: Record<InvoiceScope, string> = {
  account: 'Microsoft.Billing/billingAccounts/invoices',
  profile: 'Microsoft.Billing/billingAccounts/billingProfiles/invoices',
  subscription: 'Microsoft.Billing/billingAccounts/billingSubscriptions/invoices',
};

/** The ARM URL that downloads `doc` with this version's selector. */
function downloadUrl(origin: string, inv: WorldInvoice, doc: WorldDocument, scope: InvoiceScope, version: string): string {
  const base = scope === 'subscription'
    ? `${origin}${BILLING}/default/billingSubscriptions/${inv.subscriptionId}/invoices/${seg(inv.name)}/download`
    : version === V2019 && inv.profileName
      ? `${origin}${BILLING}/${seg(inv.accountName)}/billingProfiles/${inv.profileName}/invoices/${seg(inv.name)}/download`
      : `${origin}${BILLING}/${seg(inv.accountName)}/invoices/${seg(inv.name)}/download`;
  if (version === V2020) { return `${base}?downloadToken=${encodeURIComponent(downloadTokenOf(doc))}&useCache=True&api-version=${version}`; }
  if (version === V2024) { return `${base}?documentName=${encodeURIComponent(doc.name)}&api-version=${version}`; }
  return `${base}?api-version=${version}`;
}

export interface InvoiceViewOptions {
  origin: string;
  version: string;
  scope: InvoiceScope;
  profileDisplayName?: string;
  /** The invoice a credit note credits, for `creditForDocumentId`. */
  creditFor?: WorldInvoice;
}

export function invoiceJson(inv: WorldInvoice, o: InvoiceViewOptions): unknown {
  const money = (cents: number) => ({ currency: inv.currency, value: fromCents(cents) });
  const scope = o.scope === 'profile' && !inv.profileName ? 'account' : o.scope;
  const documents = inv.documents.map((d) =>
    o.version === V2024
      ? { kind: d.kind, name: d.name, url: downloadUrl(o.origin, inv, d, scope, o.version), source: d.source, documentNumbers: [d.name] }
      : { kind: d.kind, url: downloadUrl(o.origin, inv, d, scope, o.version), source: d.source },
  );
  const properties: Record<string, unknown> = {
    amountDue: money(inv.amountDueCents),
    azurePrepaymentApplied: money(inv.prepaymentAppliedCents),
    billedAmount: money(inv.chargesCents),
    billingProfileDisplayName: o.profileDisplayName,
    billingProfileId: inv.profileName ? profileId(inv.accountName, inv.profileName) : undefined,
    creditAmount: money(0),
    documents,
    dueDate: isoMidnight(inv.dueDate),
    freeAzureCreditApplied: money(inv.freeCreditAppliedCents),
    invoiceDate: isoMidnight(inv.invoiceDate),
    invoicePeriodEndDate: isoMidnight(inv.periodEnd),
    invoicePeriodStartDate: isoMidnight(inv.periodStart),
    invoiceType: 'AzureServices',
    isMonthlyInvoice: inv.documentType === 'Invoice',
    payments: inv.payments.map((p) => ({ amount: money(p.cents), date: isoMidnight(p.date), paymentMethodFamily: p.family, paymentMethodType: p.methodType, paymentType: 'debited' })),
    purchaseOrderNumber: inv.purchaseOrderNumber,
    status: o.version === V2019 && inv.status === 'OverDue' ? 'PastDue' : inv.status,
    subTotal: money(inv.chargesCents),
    subscriptionId: inv.subscriptionId ?? null,
    taxAmount: money(inv.taxCents),
    totalAmount: money(inv.totalCents),
  };
  // 2020-05-01 and 2024-04-01 both model the credit-note link (the public 2020-05-01 `CreditNote.json`
  // example carries `creditForDocumentId`); the preview has neither field.
  if (o.version !== V2019) {
    properties.documentType = inv.documentType;
    if (o.creditFor) { properties.creditForDocumentId = invoiceId(o.creditFor, scope); }
  }
  if (o.version === V2024) {
    Object.assign(properties, {
      subscriptionDisplayName: inv.subscriptionDisplayName,
      failedPayments: [],
    });
  }
  const json: Record<string, unknown> = { id: invoiceId(inv, scope), name: inv.name, type: TYPES[scope], properties };
  if (o.version === V2024) { json.tags = {}; }
  return json;
}
