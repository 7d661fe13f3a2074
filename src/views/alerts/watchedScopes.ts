// Which scopes the monitor watches (docs/alerts.md): the pinned scope, every MCA billing profile
// (credits and budgets live there), every subscription the billing accounts list (budgets are
// usually set there), and EA / pay-as-you-go accounts themselves (Cost Management's alerts). A
// scope is only queried for costs when it is pinned or has budgets or credits (alertChecks.ts).
import type { Logger } from '../../azure/log';
import { costScopes } from '../../billing/costQuery';
import { hasBillingProfiles } from '../../billing/refs';
import { listSubscriptionsByAccount, listSubscriptionsByProfile } from '../../billing/subscriptions';
import type { BillingSubscription } from '../../billing/models/subscription';
import { AccountChoice, listAccounts, profilesOf } from '../commands/billing/billingCatalog';
import type { TenantConnection } from '../session/billingSession';
import { costScopeOf, subscriptionTerms, UsageScope } from '../usagePanel/usageScope';
import type { WatchedScope } from './alertChecks';

export function pinnedWatch(scope: UsageScope): WatchedScope {
  const accountName = scope.kind === 'billingProfile' || scope.kind === 'billingAccount' ? scope.accountName : undefined;
  return {
    scope: costScopeOf(scope).replace(/^\/+/, ''),
    usage: scope,
    label: scope.label,
    tenantId: scope.tenantId,
    accountName,
    credits: scope.kind === 'billingProfile' && scope.profileName ? { accountName: scope.accountName, profileName: scope.profileName, agreementType: 'MicrosoftCustomerAgreement' } : undefined,
    reason: 'pinned',
  };
}

function subscriptionWatch(choice: AccountChoice, sub: BillingSubscription): WatchedScope | undefined {
  if (!sub.subscriptionId) {return undefined;}
  const tenantId = choice.connection.tenant.tenantId;
  const usage: UsageScope = { kind: 'subscription', subscriptionId: sub.subscriptionId, tenantId, label: sub.displayName, ...subscriptionTerms(sub, choice.account.agreementType) };
  return { scope: costScopes.subscription(sub.subscriptionId).replace(/^\/+/, ''), usage, label: sub.displayName, tenantId, accountName: choice.account.name, reason: 'budgets' };
}

export async function discoverScopes(tenants: TenantConnection[], logger: Logger, signal?: AbortSignal): Promise<WatchedScope[]> {
  const out: WatchedScope[] = [];
  const warn = (what: string, error: unknown) => logger.warn(`Alerts: ${what} could not be listed: ${error instanceof Error ? error.message : String(error)}`);
  for (const choice of await listAccounts(tenants, logger, signal)) {
    const { account, connection } = choice;
    const tenantId = connection.tenant.tenantId;
    if (hasBillingProfiles(account.agreementType)) {
      let profiles: Awaited<ReturnType<typeof profilesOf>> = [];
      try {
        profiles = await profilesOf(choice, signal);
      } catch (error) {
        warn(`billing profiles of ${account.displayName}`, error);
      }
      for (const profile of profiles) {
        const usage: UsageScope = { kind: 'billingProfile', accountName: account.name, profileName: profile.name, tenantId, label: profile.displayName };
        out.push({
          scope: costScopes.billingProfile(account.name, profile.name).replace(/^\/+/, ''),
          usage,
          label: profile.displayName,
          tenantId,
          accountName: account.name,
          credits: account.agreementType === 'MicrosoftCustomerAgreement' ? { accountName: account.name, profileName: profile.name, agreementType: account.agreementType } : undefined,
          reason: 'credits',
        });
        try {
          const subs = await listSubscriptionsByProfile(connection.transport, { accountName: account.name, name: profile.name }, { signal }).all();
          for (const sub of subs.items) {
            const w = subscriptionWatch(choice, sub);
            if (w) {out.push(w);}
          }
        } catch (error) {
          warn(`subscriptions of ${profile.displayName}`, error);
        }
      }
      continue;
    }
    out.push({
      scope: costScopes.billingAccount(account.name).replace(/^\/+/, ''),
      usage: { kind: 'billingAccount', accountName: account.name, tenantId, label: account.displayName },
      label: account.displayName,
      tenantId,
      accountName: account.name,
      reason: 'account',
    });
    try {
      const subs = await listSubscriptionsByAccount(connection.transport, account, { signal }).all();
      for (const sub of subs.items) {
        const w = subscriptionWatch(choice, sub);
        if (w) {out.push(w);}
      }
    } catch (error) {
      warn(`subscriptions of ${account.displayName}`, error);
    }
  }
  return out;
}
