// What one usage panel is about: a subscription, a billing profile or a billing account. A
// subscription is priced from UsageAggregates × RateCard, which needs the offer, currency and
// country it was bought with; the API cannot tell them (docs/azure-apis.md#commerce-offers), so
// they come with the scope or fall back to pay-as-you-go USD. Billing profiles and accounts have no
// UsageAggregates or RateCard: they show actual cost from Cost Management only
// (docs/azure-apis.md#cost-management-scopes).

import { costScopes } from '../../billing/costQuery';

export interface SubscriptionScope {
  /** Optional so that scopes saved before billing scopes existed still read as subscriptions. */
  kind?: 'subscription';
  subscriptionId: string;
  tenantId?: string;
  /** Shown in the panel's title. */
  label: string;
  offerDurableId?: string;
  currency?: string;
  regionInfo?: string;
}

export interface BillingScope {
  kind: 'billingProfile' | 'billingAccount';
  accountName: string;
  /** Set for billing profiles. */
  profileName?: string;
  tenantId?: string;
  label: string;
}

export type UsageScope = SubscriptionScope | BillingScope;

export const DEFAULT_RATE_CARD_TERMS = { offerDurableId: 'MS-AZR-0003P', currency: 'USD', locale: 'en-US', regionInfo: 'US' } as const;

export function isBillingScope(scope: UsageScope): scope is BillingScope {
  return scope.kind === 'billingProfile' || scope.kind === 'billingAccount';
}

/** One panel per scope: ids compared case-insensitively, as Azure compares them. */
export function scopeKey(scope: UsageScope): string {
  const tenant = scope.tenantId ?? '';
  if (!isBillingScope(scope)) return `${tenant}/${scope.subscriptionId.toLowerCase()}`;
  const profile = scope.kind === 'billingProfile' ? `/profile/${(scope.profileName ?? '').toLowerCase()}` : '';
  return `${tenant}/account/${scope.accountName.toLowerCase()}${profile}`;
}

/** The Cost Management `{scope}` of the panel. */
export function costScopeOf(scope: UsageScope): string {
  if (!isBillingScope(scope)) return costScopes.subscription(scope.subscriptionId);
  return scope.kind === 'billingProfile' ? costScopes.billingProfile(scope.accountName, scope.profileName ?? '') : costScopes.billingAccount(scope.accountName);
}

/** A short id for file names and logs ("1f0e…" of a subscription, the profile's or account's name). */
export function scopeShortId(scope: UsageScope): string {
  if (!isBillingScope(scope)) return scope.subscriptionId.slice(0, 8);
  const name = scope.kind === 'billingProfile' ? scope.profileName ?? '' : scope.accountName;
  return name.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 24);
}

/** The parts of the explorer's nodes the panel reads (the node passes itself to the command). */
interface NodeShape {
  subscription?: { subscriptionId?: string; displayName?: string; offerId?: string };
  profile?: { name?: string; accountName?: string; displayName?: string };
  account?: { name?: string; displayName?: string };
  scope?: { connection?: { tenant?: { tenantId?: string } }; account?: { name?: string } };
  connection?: { tenant?: { tenantId?: string } };
}

function fromNode(arg: object): Partial<UsageScope> | undefined {
  const node = arg as NodeShape;
  const tenantId = node.scope?.connection?.tenant?.tenantId ?? node.connection?.tenant?.tenantId;
  if (node.subscription && typeof node.subscription === 'object') {
    return { kind: 'subscription', subscriptionId: node.subscription.subscriptionId, tenantId, label: node.subscription.displayName, offerDurableId: node.subscription.offerId };
  }
  if (node.profile && typeof node.profile === 'object') {
    return { kind: 'billingProfile', accountName: node.profile.accountName ?? node.scope?.account?.name, profileName: node.profile.name, tenantId, label: node.profile.displayName } as Partial<BillingScope>;
  }
  if (node.account && typeof node.account === 'object' && node.connection) {
    return { kind: 'billingAccount', accountName: node.account.name, tenantId, label: node.account.displayName } as Partial<BillingScope>;
  }
  return undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Reads a scope from a command argument: a scope itself, or a tree node that carries one. */
export function scopeFromArgument(arg: unknown): UsageScope | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const candidate = ('usageScope' in arg ? (arg as { usageScope: unknown }).usageScope : fromNode(arg) ?? arg) as Record<string, unknown> | undefined;
  if (!candidate || typeof candidate !== 'object') return undefined;
  const tenantId = text(candidate.tenantId);
  if (candidate.kind === 'billingProfile' || candidate.kind === 'billingAccount') {
    const accountName = text(candidate.accountName);
    const profileName = text(candidate.profileName);
    if (!accountName || (candidate.kind === 'billingProfile' && !profileName)) return undefined;
    const label = text(candidate.label) ?? profileName ?? accountName;
    return candidate.kind === 'billingProfile'
      ? { kind: 'billingProfile', accountName, profileName, tenantId, label }
      : { kind: 'billingAccount', accountName, tenantId, label };
  }
  const subscriptionId = text(candidate.subscriptionId);
  if (!subscriptionId || (candidate.kind !== undefined && candidate.kind !== 'subscription')) return undefined;
  return {
    kind: 'subscription',
    subscriptionId,
    tenantId,
    label: text(candidate.label) ?? subscriptionId,
    offerDurableId: text(candidate.offerDurableId),
    currency: text(candidate.currency),
    regionInfo: text(candidate.regionInfo),
  };
}
