// One chargeback report, start to end, without the editor: the cost rows of the rules' scope for the
// period (chargebackCosts.ts: the planned Cost Management queries, never one per subscription), the
// allocation per currency (pure, src/insight/chargeback/allocate.ts), and for each currency the
// reconciliation with the invoices of the period (reconcile.ts). The unit layer runs this against
// the emulator; the command adds progress, throttling waits and the panel.

import type { ArmTransport } from '../../azure/transport';
import { listInvoicesByAccount, listInvoicesByProfile, listInvoicesBySubscription } from '../../billing/invoices';
import { listSubscriptionsByAccount, listSubscriptionsByProfile } from '../../billing/subscriptions';
import type { Invoice } from '../../billing/models/invoice';
import { allocateChargeback, CurrencyReport } from '../../insight/chargeback/allocate';
import type { ChargebackPeriod } from '../../insight/chargeback/billingPeriods';
import { invoicesOfPeriod } from '../../insight/chargeback/invoiceAmounts';
import { reconcile, Reconciliation } from '../../insight/chargeback/reconcile';
import type { ChargebackRules, ChargebackScope } from '../../insight/chargeback/rules';
import { chargebackCostRows, ChargebackQueryCache } from './chargebackCosts';

export interface ChargebackReport {
  period: ChargebackPeriod;
  reports: CurrencyReport[];
  /** Per currency; absent when the invoices could not be read (`invoiceProblem` says why). */
  reconciliations: Map<string, Reconciliation>;
  invoiceProblem?: string;
  /** People's names for what the report shows by id: subscriptions, and the billing profile. */
  names: ScopeNames;
}

export interface ScopeNames {
  /** Lower-case subscription id → display name. */
  subscriptions: Map<string, string>;
  /** The billing profile's display name, when the scope is one. */
  scope?: string;
}

export interface ChargebackReportOptions {
  signal?: AbortSignal;
  cache?: ChargebackQueryCache;
  /** "Today", for the invoice list's window. */
  asOf: Date;
}

/** Invoices are issued after their period, and credit notes months later: the list reaches a quarter past it. */
const INVOICE_LAG_DAYS = 92;

function invoiceWindow(period: ChargebackPeriod, asOf: Date): { from: string; to: string } {
  const today = asOf.toISOString().slice(0, 10);
  const later = new Date(Date.parse(`${period.to}T00:00:00Z`) + INVOICE_LAG_DAYS * 86_400_000).toISOString().slice(0, 10);
  return { from: period.from, to: later < today ? later : today };
}

export async function scopeInvoices(transport: ArmTransport, scope: ChargebackScope, period: ChargebackPeriod, options: ChargebackReportOptions): Promise<Invoice[]> {
  const listOptions = { period: invoiceWindow(period, options.asOf), signal: options.signal, asOf: options.asOf };
  switch (scope.kind) {
    case 'billingProfile':
      return (await listInvoicesByProfile(transport, { accountName: scope.billingAccountName, name: scope.billingProfileName }, listOptions).all()).items;
    case 'billingAccount':
      return (await listInvoicesByAccount(transport, { name: scope.billingAccountName }, listOptions).all()).items;
    case 'subscriptions': {
      // Only a pay-as-you-go subscription has invoices of its own; under an agreement the invoice is the profile's.
      const lists = await Promise.all(scope.subscriptionIds.map((id) => listInvoicesBySubscription(transport, id, listOptions).all()));
      return lists.flatMap((l) => l.items).filter((i) => i.subscriptionId !== undefined && scope.subscriptionIds.includes(i.subscriptionId.toLowerCase()));
    }
  }
}

/**
 * The scope's subscriptions by name, from the billing API (not Cost Management, so no query of the
 * throttled budget is spent). Names only make the report readable: without them, ids are shown.
 */
export async function scopeNames(transport: ArmTransport, scope: ChargebackScope, signal?: AbortSignal): Promise<ScopeNames> {
  const names: ScopeNames = { subscriptions: new Map() };
  if (scope.kind === 'subscriptions') {return names;}
  try {
    const listing =
      scope.kind === 'billingProfile'
        ? listSubscriptionsByProfile(transport, { accountName: scope.billingAccountName, name: scope.billingProfileName }, { signal })
        : listSubscriptionsByAccount(transport, { name: scope.billingAccountName }, { signal });
    for (const sub of (await listing.all()).items) {
      if (sub.subscriptionId) {names.subscriptions.set(sub.subscriptionId.toLowerCase(), sub.displayName);}
      if (scope.kind === 'billingProfile' && sub.profileDisplayName) {names.scope = sub.profileDisplayName;}
    }
  } catch (error) {
    if (signal?.aborted) {throw error;}
  }
  return names;
}

export async function chargebackReport(transport: ArmTransport, rules: ChargebackRules, period: ChargebackPeriod, options: ChargebackReportOptions): Promise<ChargebackReport> {
  const [rows, names] = await Promise.all([
    chargebackCostRows(transport, rules, { period, signal: options.signal, cache: options.cache }),
    scopeNames(transport, rules.scope, options.signal),
  ]);
  const reports = allocateChargeback(rows, rules);
  const reconciliations = new Map<string, Reconciliation>();
  let invoices: Invoice[] | undefined;
  let invoiceProblem: string | undefined;
  try {
    invoices = await scopeInvoices(transport, rules.scope, period, options);
  } catch (error) {
    if (options.signal?.aborted) {throw error;}
    invoiceProblem = error instanceof Error ? error.message : String(error);
  }
  if (invoices) {
    for (const report of reports) {reconciliations.set(report.currency, reconcile(report.total, invoicesOfPeriod(invoices, period, report.currency)));}
  }
  return { period, reports, reconciliations, invoiceProblem, names };
}
