// The invoices of a chargeback's period, as the reconciliation reads them (reconcile.ts): in integer
// minor units of one currency, credit notes told apart. An invoice belongs to the period when its
// billing period lies inside the report's days (a Microsoft Customer Agreement invoices calendar
// months, so the two match exactly); a credit note carries the period of the invoice it refunds.

import type { Invoice } from '../../billing/models/invoice';
import type { Money } from '../../billing/models/money';
import { currencyFractionDigits } from '../currency';
import { fixedFromNumber, fixedToUnits } from '../fixedDecimal';
import type { InvoiceAmounts } from './reconcile';

function units(money: Money | undefined, currency: string): bigint {
  if (!money || money.currency.toUpperCase() !== currency.toUpperCase()) {return 0n;}
  return fixedToUnits(fixedFromNumber(money.amount), currencyFractionDigits(currency));
}

function currencyOf(invoice: Invoice): string | undefined {
  return (invoice.totalAmount ?? invoice.subTotal ?? invoice.billedAmount)?.currency;
}

export function invoicesOfPeriod(invoices: readonly Invoice[], period: { from: string; to: string }, currency: string): InvoiceAmounts[] {
  return invoices
    .filter((i) => i.periodStart !== undefined && i.periodEnd !== undefined && i.periodStart >= period.from && i.periodEnd <= period.to)
    .filter((i) => currencyOf(i)?.toUpperCase() === currency.toUpperCase())
    .map((i) => {
      const isCreditNote = i.documentType === 'CreditNote';
      return {
        name: i.name,
        charges: units(i.subTotal ?? i.billedAmount, currency),
        tax: units(i.taxAmount, currency),
        creditsApplied: units(i.azurePrepaymentApplied, currency) + units(i.freeAzureCreditApplied, currency) + units(i.creditAmount, currency),
        total: units(i.totalAmount, currency),
        isCreditNote,
      };
    });
}
