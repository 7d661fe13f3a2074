// Where invoices land inside a workspace folder, from the `azureBilling.invoiceFolder` setting.
// The setting is the person's own text, but the names substituted into it come from the server,
// so each substituted name is made a single safe segment before it is joined.
import { safePathSegment } from './invoiceFileName';

export const DEFAULT_INVOICE_FOLDER = 'invoices/${billingProfileName}';

export interface InvoiceFolderNames {
  /** Display name of the billing profile (MCA) or, where there is none, of the billing account. */
  billingProfileName: string;
  billingAccountName: string;
}

export type InvoiceFolderResult =
  | { ok: true; segments: string[] }
  /** `absolute`: the setting names a place outside the workspace; `parent`: it climbs out with `..`. */
  | { ok: false; problem: 'absolute' | 'parent' };

const PLACEHOLDER = /\$\{(billingProfileName|billingAccountName)\}/g;

/**
 * The folder's path segments relative to the workspace folder. Placeholders `${billingProfileName}`
 * and `${billingAccountName}` are replaced by the sanitised names; an empty setting means the default.
 */
export function resolveInvoiceFolder(setting: string | undefined, names: InvoiceFolderNames): InvoiceFolderResult {
  const template = (setting ?? '').trim() || DEFAULT_INVOICE_FOLDER;
  if (/^([a-z]:|[\\/]|~)/i.test(template)) { return { ok: false, problem: 'absolute' }; }
  const segments: string[] = [];
  for (const part of template.split(/[\\/]+/)) {
    if (part === '' || part === '.') { continue; }
    if (part === '..') { return { ok: false, problem: 'parent' }; }
    const substituted = part.replace(PLACEHOLDER, (_m, key: keyof InvoiceFolderNames) => safePathSegment(names[key], 'billing'));
    segments.push(safePathSegment(substituted, 'invoices'));
  }
  return { ok: true, segments: segments.length ? segments : ['invoices'] };
}
