// Microsoft.Commerce: UsageAggregates and RateCard (docs/azure-apis.md#commerce). Errors are flat
// {code, message}; CSP subscriptions are refused as Azure refuses them (DisallowedProvider).
import { armError, flatError } from '../arm';
import { EmuHttpError, EmuRequest } from '../http';
import type { Router } from '../router';
import { usageWorldOf } from '../world/usage/access';
import { offerPricing } from '../world/usage/offers';
import { rateCard } from './commerce/rateCard';
import { subscriptionFor } from './commerce/subscriptionGuard';
import { usageAggregates } from './commerce/usageAggregates';
import type { RouteContext } from './context';

export const USAGE_AGGREGATES_VERSIONS = ['2015-06-01-preview'];
export const RATE_CARD_VERSIONS = ['2015-06-01-preview', '2016-08-31-preview'];

export function registerCommerceRoutes(router: Router, ctx: RouteContext): void {
  const rateCardDocuments = new Map<string, Buffer>();

  const commerceSubscription = (req: EmuRequest) => {
    const usage = usageWorldOf(ctx.world);
    const sub = subscriptionFor(usage, req, req.params.subscriptionId, flatError);
    if (offerPricing(sub.offerId).kind === 'none') {
      // [obs] microsoft/AzureUsageAndBillingPortal#36: CSP subscriptions may not call Microsoft.Commerce.
      throw new EmuHttpError(armError(400, 'DisallowedProvider', "The operation is not permitted for namespace 'Microsoft.Commerce'."));
    }
    return { usage, sub };
  };

  router.add({
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Commerce/UsageAggregates',
    apiVersions: USAGE_AGGREGATES_VERSIONS,
    auth: 'arm',
    handler: (req) => {
      const { usage, sub } = commerceSubscription(req);
      return usageAggregates(usage, req, sub.subscriptionId, ctx.settings.pageSize);
    },
  });

  router.add({
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Commerce/RateCard',
    apiVersions: RATE_CARD_VERSIONS,
    auth: 'arm',
    handler: (req) => {
      const { usage } = commerceSubscription(req);
      return rateCard(usage, ctx, req, rateCardDocuments);
    },
  });
}
