// What one usage panel is about: a subscription, a billing profile or a billing account. A
// subscription is priced from UsageAggregates × RateCard, which needs the offer, currency and
// country it was bought with; the API cannot tell them (docs/azure-apis.md#commerce-offers), so
// they come with the scope (`subscriptionTerms`). A subscription under a Microsoft Customer
// Agreement is on an Azure plan, billed in its profile's currency, and RateCard does not price it:
// its panel opens on actual cost. Billing profiles and accounts have no
// UsageAggregates or RateCard: they show actual cost from Cost Management only
// (docs/azure-apis.md#cost-management-scopes).

import { costScopes } from '../../billing/costQuery';
import type { PanelSelection } from '../../shared/usagePanelMessages';

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

/** Offer ids RateCard accepts (docs/azure-apis.md#ratecard): Web Direct offers, never Azure plans (…G). */
const RATE_CARD_OFFER = /^MS-AZR-\d{4}P(-\d{4}P)*$/i;
/** Offers with the pattern whose prices Commerce still does not serve (EA, CSP). */
const NO_COMMERCE = new Set(['MS-AZR-0017P', 'MS-AZR-0148P', 'MS-AZR-0145P']);

/** Whether an offer has a RateCard, so the panel can estimate. An unknown offer has none we can trust. */
export function hasRateCard(offerDurableId: string | undefined): boolean {
  return offerDurableId !== undefined && RATE_CARD_OFFER.test(offerDurableId) && !NO_COMMERCE.has(offerDurableId.toUpperCase());
}

/** The parts of a billing subscription that tell how it is bought and billed. */
export interface BilledSubscription {
  offerId?: string;
  skuDescription?: string;
  profileName?: string;
  monthToDateCharges?: { currency: string };
  lastMonthCharges?: { currency: string };
}

/**
 * The offer and billing currency of a subscription as billing lists it. Under a Microsoft Customer
 * Agreement (or any subscription with a billing profile) it is an Azure plan, MS-AZR-0017G or
 * Dev/Test MS-AZR-0148G (billing lists its plan, not an offer id), billed in the profile's currency.
 */
export function subscriptionTerms(sub: BilledSubscription, agreementType?: string): { offerDurableId?: string; currency?: string } {
  const currency = sub.monthToDateCharges?.currency ?? sub.lastMonthCharges?.currency;
  const azurePlan = agreementType === 'MicrosoftCustomerAgreement' || (agreementType === undefined && sub.profileName !== undefined);
  if (azurePlan && !/G$/i.test(sub.offerId ?? '')) {
    return { offerDurableId: /dev\s*\/?\s*test/i.test(sub.skuDescription ?? '') ? 'MS-AZR-0148G' : 'MS-AZR-0017G', currency };
  }
  return { offerDurableId: sub.offerId, currency };
}

export function isBillingScope(scope: UsageScope): scope is BillingScope {
  return scope.kind === 'billingProfile' || scope.kind === 'billingAccount';
}

/** One panel per scope: ids compared case-insensitively, as Azure compares them. */
export function scopeKey(scope: UsageScope): string {
  const tenant = scope.tenantId ?? '';
  if (!isBillingScope(scope)) { return `${tenant}/${scope.subscriptionId.toLowerCase()}`; }
  const profile = scope.kind === 'billingProfile' ? `/profile/${(scope.profileName ?? '').toLowerCase()}` : '';
  return `${tenant}/account/${scope.accountName.toLowerCase()}${profile}`;
}

/** The Cost Management `{scope}` of the panel. */
export function costScopeOf(scope: UsageScope): string {
  if (!isBillingScope(scope)) { return costScopes.subscription(scope.subscriptionId); }
  return scope.kind === 'billingProfile' ? costScopes.billingProfile(scope.accountName, scope.profileName ?? '') : costScopes.billingAccount(scope.accountName);
}

/** A short id for file names and logs ("1f0e…" of a subscription, the profile's or account's name). */
export function scopeShortId(scope: UsageScope): string {
  if (!isBillingScope(scope)) { return scope.subscriptionId.slice(0, 8); }
  const name = scope.kind === 'billingProfile' ? scope.profileName ?? '' : scope.accountName;
  return name.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 24);
}

/** The parts of the explorer's nodes the panel reads (the node passes itself to the command). */
interface NodeShape {
  subscription?: { subscriptionId?: string; displayName?: string } & BilledSubscription;
  profile?: { name?: string; accountName?: string; displayName?: string };
  account?: { name?: string; displayName?: string };
  scope?: { connection?: { tenant?: { tenantId?: string } }; account?: { name?: string; agreementType?: string } };
  connection?: { tenant?: { tenantId?: string } };
}

function fromNode(arg: object): Partial<UsageScope> | undefined {
  const node = arg as NodeShape;
  const tenantId = node.scope?.connection?.tenant?.tenantId ?? node.connection?.tenant?.tenantId;
  if (node.subscription && typeof node.subscription === 'object') {
    const terms = subscriptionTerms(node.subscription, node.scope?.account?.agreementType);
    return { kind: 'subscription', subscriptionId: node.subscription.subscriptionId, tenantId, label: node.subscription.displayName, ...terms };
  }
  if (node.profile && typeof node.profile === 'object') {
    return { kind: 'billingProfile', accountName: node.profile.accountName ?? node.scope?.account?.name, profileName: node.profile.name, tenantId, label: node.profile.displayName };
  }
  if (node.account && typeof node.account === 'object' && node.connection) {
    return { kind: 'billingAccount', accountName: node.account.name, tenantId, label: node.account.displayName };
  }
  return undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Reads a scope from a command argument: a scope itself, or a tree node that carries one. */
export function scopeFromArgument(arg: unknown): UsageScope | undefined {
  if (!arg || typeof arg !== 'object') { return undefined; }
  const candidate = ('usageScope' in arg ? arg.usageScope : fromNode(arg) ?? arg) as Record<string, unknown> | undefined;
  if (!candidate || typeof candidate !== 'object') { return undefined; }
  const tenantId = text(candidate.tenantId);
  if (candidate.kind === 'billingProfile' || candidate.kind === 'billingAccount') {
    const accountName = text(candidate.accountName);
    const profileName = text(candidate.profileName);
    if (!accountName || (candidate.kind === 'billingProfile' && !profileName)) { return undefined; }
    const label = text(candidate.label) ?? profileName ?? accountName;
    return candidate.kind === 'billingProfile'
      ? { kind: 'billingProfile', accountName, profileName, tenantId, label }
      : { kind: 'billingAccount', accountName, tenantId, label };
  }
  const subscriptionId = text(candidate.subscriptionId);
  if (!subscriptionId || (candidate.kind !== undefined && candidate.kind !== 'subscription')) { return undefined; }
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

export const DEFAULT_SELECTION: PanelSelection = { groupBy: 'meterCategory', period: { preset: 'billingPeriod' }, view: 'cost', source: 'estimate' };

/**
 * A billing profile or account spans subscriptions: which of them costs what is the first question.
 * A subscription opens on the estimate only when its offer is known to have a RateCard; an Azure
 * plan (Microsoft Customer Agreement), an EA or CSP offer, or an unknown one opens on actual cost.
 */
export function defaultSelectionFor(scope: UsageScope): PanelSelection {
  if (isBillingScope(scope)) { return { ...DEFAULT_SELECTION, groupBy: 'subscription', source: 'actual' }; }
  return hasRateCard(scope.offerDurableId) ? DEFAULT_SELECTION : { ...DEFAULT_SELECTION, source: 'actual' };
}
