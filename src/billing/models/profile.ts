// Billing profiles and invoice sections (Microsoft Customer Agreement / Partner Agreement only),
// folded from 2019-10-01-preview, 2020-05-01 and 2024-04-01.
import { Address, Expanded, parseAddress, readExpanded, withIssues } from './common';
import { parseBillingPath } from './ids';
import { Open } from './openEnum';
import { ArmIdentity, isObject, ParseIssue, readIdentity, WireReader } from './wire';

export const PROFILE_STATUSES = ['Active', 'Disabled', 'Warned', 'Deleted', 'UnderReview', 'Other'] as const;
export const PROFILE_STATUS_REASONS = ['PastDue', 'SpendingLimitReached', 'SpendingLimitExpired'] as const;
export const BILLING_RELATIONSHIP_TYPES = ['Direct', 'IndirectCustomer', 'IndirectPartner', 'CSPPartner'] as const;

export interface AzurePlan {
  skuId?: string;
  skuDescription?: string;
  productId?: string;
}

export interface InvoiceSection extends ArmIdentity {
  accountName?: string;
  profileName?: string;
  displayName: string;
  labels: Record<string, string>;
  systemId?: string;
  state?: string;
  targetCloud?: string;
  reasonCode?: string;
  tags: Record<string, string>;
  issues?: ParseIssue[];
}

export interface BillingProfile extends ArmIdentity {
  accountName?: string;
  displayName: string;
  poNumber?: string;
  billTo?: Address;
  invoiceEmailOptIn?: boolean;
  invoiceDay?: number;
  /** The profile's billing currency (`EUR` for a profile billed in euros). */
  currency?: string;
  enabledAzurePlans: AzurePlan[];
  /** Present only when expanded (array in 2020-05-01, `{ hasMoreResults, value }` in 2024-04-01). */
  invoiceSections?: Expanded<InvoiceSection>;
  hasReadAccess?: boolean;
  systemId?: string;
  status?: Open<(typeof PROFILE_STATUSES)[number]>;
  statusReasonCode?: Open<(typeof PROFILE_STATUS_REASONS)[number]>;
  spendingLimit?: Open<'On' | 'Off'>;
  billingRelationshipType?: Open<(typeof BILLING_RELATIONSHIP_TYPES)[number]>;
  issues?: ParseIssue[];
}

export function parseInvoiceSection(raw: unknown): InvoiceSection {
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const path = parseBillingPath(identity.id);
  return withIssues(
    {
      ...identity,
      accountName: path.accountName,
      profileName: path.profileName,
      displayName: r.str('displayName') ?? identity.name,
      labels: r.stringMap('labels'),
      systemId: r.str('systemId'),
      state: r.str('state'),
      targetCloud: r.str('targetCloud'),
      reasonCode: r.str('reasonCode'),
      // 2024-04-01 has tags inside properties and at the top level.
      tags: { ...new WireReader(raw).stringMap('tags'), ...r.stringMap('tags') },
    },
    issues,
  );
}

export function parseBillingProfile(raw: unknown): BillingProfile {
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  return withIssues(
    {
      ...identity,
      accountName: parseBillingPath(identity.id).accountName,
      displayName: r.str('displayName') ?? identity.name,
      poNumber: r.str('poNumber'),
      billTo: parseAddress(r.raw.billTo) ?? parseAddress(r.raw.address),
      invoiceEmailOptIn: r.bool('invoiceEmailOptIn'),
      invoiceDay: r.num('invoiceDay'),
      currency: r.str('currency'),
      enabledAzurePlans: r.array('enabledAzurePlans').filter(isObject).map((p) => {
        const pr = new WireReader(p);
        return { skuId: pr.str('skuId'), skuDescription: pr.str('skuDescription'), productId: pr.str('productId') };
      }),
      invoiceSections: readExpanded(r.raw.invoiceSections, parseInvoiceSection),
      hasReadAccess: r.bool('hasReadAccess'),
      systemId: r.str('systemId'),
      status: r.enum('status', PROFILE_STATUSES),
      statusReasonCode: r.enum('statusReasonCode', PROFILE_STATUS_REASONS),
      spendingLimit: r.enum('spendingLimit', ['On', 'Off'] as const),
      billingRelationshipType: r.enum('billingRelationshipType', BILLING_RELATIONSHIP_TYPES),
    },
    issues,
  );
}
