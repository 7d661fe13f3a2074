// Words for the enum-like values below a billing account (lot source and status, credit event
// type, invoice status and document type, subscription status). Azure's sets are open: a value not
// listed here is shown as it came.
import * as vscode from 'vscode';

export function lotSourceLabel(source: string | undefined): string | undefined {
  switch (source) {
    case 'PurchasedCredit':
      return vscode.l10n.t('Purchased credit');
    case 'PromotionalCredit':
      return vscode.l10n.t('Promotional credit');
    case 'ConsumptionCommitment':
      return vscode.l10n.t('Consumption commitment (MACC)');
    default:
      return source || undefined;
  }
}

/**
 * The source as the tree names a lot, below "Credits" where "credit" goes without saying: short
 * enough that what is left still shows beside it in the default side bar.
 */
export function lotSourceShortLabel(source: string | undefined): string | undefined {
  switch (source) {
    case 'PurchasedCredit':
      return vscode.l10n.t('Prepaid');
    case 'PromotionalCredit':
      return vscode.l10n.t('Promotional');
    case 'ConsumptionCommitment':
      return vscode.l10n.t('MACC');
    default:
      return source || undefined;
  }
}

export function lotStatusLabel(status: string | undefined): string | undefined {
  switch (status) {
    case 'Active':
      return vscode.l10n.t('Active');
    case 'Inactive':
      return vscode.l10n.t('Inactive');
    case 'Expired':
      return vscode.l10n.t('Expired');
    case 'Complete':
      return vscode.l10n.t('Used up');
    case 'Canceled':
      return vscode.l10n.t('Cancelled');
    case 'None':
      return vscode.l10n.t('None');
    default:
      return status || undefined;
  }
}

export function eventTypeLabel(eventType: string | undefined): string | undefined {
  switch (eventType) {
    case 'SettledCharges':
      return vscode.l10n.t('Settled charges');
    case 'PendingCharges':
      return vscode.l10n.t('Pending charges');
    case 'PendingAdjustments':
      return vscode.l10n.t('Pending adjustments');
    case 'PendingNewCredit':
      return vscode.l10n.t('Pending new credit');
    case 'PendingExpiredCredit':
      return vscode.l10n.t('Pending expired credit');
    case 'NewCredit':
      return vscode.l10n.t('New credit');
    case 'CreditExpired':
      return vscode.l10n.t('Credit expired');
    case 'CanceledCredit':
      return vscode.l10n.t('Credit cancelled');
    case 'UnKnown':
      return vscode.l10n.t('Unknown');
    default:
      return eventType || undefined;
  }
}

export function invoiceStatusLabel(status: string | undefined): string | undefined {
  switch (status) {
    case 'Due':
      return vscode.l10n.t('Due');
    case 'OverDue':
      return vscode.l10n.t('Overdue');
    case 'Paid':
      return vscode.l10n.t('Paid');
    case 'Void':
      return vscode.l10n.t('Void');
    case 'Locked':
      return vscode.l10n.t('Locked');
    case 'Other':
      return vscode.l10n.t('Other');
    default:
      return status || undefined;
  }
}

export function documentTypeLabel(documentType: string | undefined): string | undefined {
  switch (documentType) {
    case 'Invoice':
      return vscode.l10n.t('Invoice');
    case 'CreditNote':
      return vscode.l10n.t('Credit note');
    case 'VoidNote':
      return vscode.l10n.t('Void note');
    case 'TaxReceipt':
      return vscode.l10n.t('Tax receipt');
    case 'Summary':
      return vscode.l10n.t('Summary');
    case 'Transactions':
      return vscode.l10n.t('Transactions');
    default:
      return documentType || undefined;
  }
}

export function subscriptionStatusLabel(status: string | undefined): string | undefined {
  switch (status) {
    case 'Active':
      return vscode.l10n.t('Active');
    case 'Inactive':
      return vscode.l10n.t('Inactive');
    case 'Disabled':
      return vscode.l10n.t('Disabled');
    case 'Deleted':
      return vscode.l10n.t('Deleted');
    case 'Warned':
    case 'Warning':
      return vscode.l10n.t('Warned');
    case 'Abandoned':
      return vscode.l10n.t('Abandoned');
    case 'Expired':
      return vscode.l10n.t('Expired');
    default:
      return status || undefined;
  }
}

export function profileStatusReasonLabel(reason: string | undefined): string | undefined {
  switch (reason) {
    case 'PastDue':
      return vscode.l10n.t('Past due');
    case 'SpendingLimitReached':
      return vscode.l10n.t('Spending limit reached');
    case 'SpendingLimitExpired':
      return vscode.l10n.t('Spending limit expired');
    default:
      return reason || undefined;
  }
}

export function invoiceTypeLabel(invoiceType: string | undefined): string | undefined {
  switch (invoiceType) {
    case 'AzureServices':
      return vscode.l10n.t('Azure services');
    case 'AzureMarketplace':
      return vscode.l10n.t('Azure Marketplace');
    case 'AzureSupport':
      return vscode.l10n.t('Azure support');
    default:
      return invoiceType || undefined;
  }
}

export function yesNo(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? vscode.l10n.t('Yes') : vscode.l10n.t('No');
}
