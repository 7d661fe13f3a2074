// What one usage panel is about: one subscription, and how to ask for its list prices. RateCard
// needs the offer, currency and country the subscription was bought with; the API cannot tell
// them (azure-billing-api.md §4.4), so they come with the scope or fall back to pay-as-you-go USD.

export interface UsageScope {
  subscriptionId: string;
  tenantId?: string;
  /** Shown in the panel's title. */
  label: string;
  offerDurableId?: string;
  currency?: string;
  regionInfo?: string;
}

export const DEFAULT_RATE_CARD_TERMS = { offerDurableId: 'MS-AZR-0003P', currency: 'USD', locale: 'en-US', regionInfo: 'US' } as const;

export function scopeKey(scope: UsageScope): string {
  return `${scope.tenantId ?? ''}/${scope.subscriptionId.toLowerCase()}`;
}

/** The parts of the explorer's subscription node the panel reads (the node passes itself to the command). */
interface SubscriptionNodeShape {
  subscription: { subscriptionId?: string; displayName?: string; offerId?: string };
  scope?: { connection?: { tenant?: { tenantId?: string } } };
}

function fromSubscriptionNode(arg: object): Partial<UsageScope> | undefined {
  const node = arg as Partial<SubscriptionNodeShape>;
  if (!node.subscription || typeof node.subscription !== 'object') return undefined;
  return {
    subscriptionId: node.subscription.subscriptionId,
    tenantId: node.scope?.connection?.tenant?.tenantId,
    label: node.subscription.displayName,
    offerDurableId: node.subscription.offerId,
  };
}

/** Reads a scope from a command argument: a scope itself, or a tree node that carries one. */
export function scopeFromArgument(arg: unknown): UsageScope | undefined {
  const candidate = (
    arg && typeof arg === 'object' ? ('usageScope' in arg ? (arg as { usageScope: unknown }).usageScope : fromSubscriptionNode(arg) ?? arg) : arg
  ) as Partial<UsageScope> | undefined;
  if (!candidate || typeof candidate !== 'object' || typeof candidate.subscriptionId !== 'string' || candidate.subscriptionId === '') return undefined;
  return {
    subscriptionId: candidate.subscriptionId,
    tenantId: typeof candidate.tenantId === 'string' ? candidate.tenantId : undefined,
    label: typeof candidate.label === 'string' && candidate.label ? candidate.label : candidate.subscriptionId,
    offerDurableId: typeof candidate.offerDurableId === 'string' ? candidate.offerDurableId : undefined,
    currency: typeof candidate.currency === 'string' ? candidate.currency : undefined,
    regionInfo: typeof candidate.regionInfo === 'string' ? candidate.regionInfo : undefined,
  };
}
