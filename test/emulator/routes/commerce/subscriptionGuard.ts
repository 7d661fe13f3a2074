// Finding the subscription of a subscription-scoped route the way ARM answers: unknown → 404
// SubscriptionNotFound, a token from another tenant → 401 InvalidAuthenticationTokenTenant.
import { EmuHttpError, EmuRequest, EmuResponse } from '../../http';
import type { WorldSubscription } from '../../world/types';
import type { UsageWorld } from '../../world/usage';

export function subscriptionFor(
  usage: UsageWorld, req: EmuRequest, subscriptionId: string, errorShape: (status: number, code: string, message: string) => EmuResponse,
): WorldSubscription {
  const sub = usage.subscription(subscriptionId);
  if (!sub) { throw new EmuHttpError(errorShape(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`)); }
  if (req.caller && req.caller.tid !== sub.tenantId) {
    throw new EmuHttpError(errorShape(401, 'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer '${req.caller.iss}'. It must match the tenant associated with this subscription. Please use the authority (URL) '${req.origin}/${sub.tenantId}' to get the token.`));
  }
  return sub;
}
