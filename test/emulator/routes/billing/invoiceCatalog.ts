// The invoices a route shows, as the client sees them: with `settings.hostileInvoiceNames` on, one
// invoice of the first pay-as-you-go (MOSP) account carries a server-side name and document name
// that try to climb out of a folder, so the extension's file-name sanitising can be tested.
import type { WorldInvoice } from '../../world/billing/types';
import type { RouteContext } from '../context';

export const HOSTILE_INVOICE_NAME = '..\\..\\evil';
export const HOSTILE_DOCUMENT_NAME = '../../etc/x';

function hostileTarget(ctx: RouteContext): WorldInvoice | undefined {
  const mosp = ctx.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftOnlineServicesProgram');
  const sub = mosp?.subscriptions[0];
  const invoices = sub ? ctx.world.billing.subscriptionInvoices(sub) : [];
  return invoices[invoices.length - 1];
}

/** The invoice as presented (renamed when it is the hostile one and the setting is on). */
export function presented(ctx: RouteContext, inv: WorldInvoice): WorldInvoice {
  if (!ctx.settings.hostileInvoiceNames || inv !== hostileTarget(ctx)) { return inv; }
  return { ...inv, name: HOSTILE_INVOICE_NAME, documents: inv.documents.map((d) => ({ ...d, name: HOSTILE_DOCUMENT_NAME })) };
}

export function presentAll(ctx: RouteContext, invoices: readonly WorldInvoice[]): WorldInvoice[] {
  return invoices.map((inv) => presented(ctx, inv));
}

/** Finds an invoice by the name the client saw (case-insensitive, as ARM names are). */
export function findPresented(ctx: RouteContext, invoices: readonly WorldInvoice[], name: string): WorldInvoice | undefined {
  const lower = name.toLowerCase();
  return presentAll(ctx, invoices).find((inv) => inv.name.toLowerCase() === lower);
}
