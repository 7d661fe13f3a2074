// The PDF of one invoice document: who is billed, the period, one line per subscription, the
// totals. Amounts are written from the same cents as the API, so the PDF and the JSON agree.
import type { WorldBillingAccount, WorldDocument, WorldInvoice } from '../world/billing/types';
import { PdfLine, writePdf } from './pdfWriter';

const TITLES: Record<WorldDocument['kind'], string> = { Invoice: 'Invoice', TaxReceipt: 'Tax receipt', CreditNote: 'Credit note', Summary: 'Invoice summary' };

/** `USD 1,234.56` / `USD -12.00`: ASCII only, as the standard fonts need. */
export function formatAmount(cents: number, currency: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export interface InvoicePdfInput {
  invoice: WorldInvoice;
  document: WorldDocument;
  account: WorldBillingAccount;
  profileDisplayName?: string;
}

export function renderInvoicePdf({ invoice, document, account, profileDisplayName }: InvoicePdfInput): Buffer {
  const money = (cents: number) => formatAmount(cents, invoice.currency);
  const credits = invoice.prepaymentAppliedCents + invoice.freeCreditAppliedCents;
  const lines: PdfLine[] = [
    { text: `Microsoft Azure - ${TITLES[document.kind]}`, size: 18, bold: true },
    { text: `Invoice number: ${invoice.name}`, gapBefore: 8 },
    { text: `Document: ${document.name} (${document.kind})` },
    { text: `Billing account: ${account.displayName}` },
  ];
  if (profileDisplayName) { lines.push({ text: `Billing profile: ${profileDisplayName}` }); }
  if (invoice.subscriptionDisplayName) { lines.push({ text: `Subscription: ${invoice.subscriptionDisplayName} (${invoice.subscriptionId})` }); }
  if (invoice.creditForInvoiceName) { lines.push({ text: `Credit for invoice: ${invoice.creditForInvoiceName}` }); }
  lines.push(
    { text: `Sold to: ${account.soldTo.companyName ?? account.displayName}, ${account.soldTo.city}, ${account.soldTo.country}` },
    { text: `Invoice date: ${invoice.invoiceDate}    Due date: ${invoice.dueDate}` },
    { text: `Billing period: ${invoice.periodStart} to ${invoice.periodEnd}` },
    { text: `Currency: ${invoice.currency}` },
    { text: invoice.documentType === 'CreditNote' ? 'Credits' : 'Charges by subscription', bold: true, gapBefore: 10 },
  );
  for (const line of invoice.lines) { lines.push({ text: line.label, right: money(line.cents) }); }
  lines.push(
    { text: 'Subtotal', right: money(invoice.chargesCents), gapBefore: 8 },
    { text: 'Tax', right: money(invoice.taxCents) },
  );
  if (invoice.prepaymentAppliedCents) { lines.push({ text: 'Azure prepayment applied', right: money(-invoice.prepaymentAppliedCents) }); }
  if (invoice.freeCreditAppliedCents) { lines.push({ text: 'Azure credit applied', right: money(-invoice.freeCreditAppliedCents) }); }
  lines.push(
    { text: 'Total', right: money(invoice.chargesCents + invoice.taxCents - credits), bold: true },
    { text: 'Amount due', right: money(invoice.amountDueCents) },
  );
  return writePdf({ title: `${TITLES[document.kind]} ${invoice.name}`, creationDate: invoice.invoiceDate, lines });
}
