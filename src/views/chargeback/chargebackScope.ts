// A chargeback file names its scope by ids; the editor's tree nodes name theirs as usage scopes.
// This maps between the two, finds the directory (tenant) a billing account lives in, and names a
// scope for titles and export file names.
import type { Logger } from '../../azure/log';
import type { ArmTransport } from '../../azure/transport';
import type { ChargebackScope } from '../../insight/chargeback/rules';
import { listAccounts } from '../commands/billing/billingCatalog';
import { safePathSegment } from '../downloads/invoiceFileName';
import type { SessionManager } from '../session/sessionManager';
import { isBillingScope, UsageScope } from '../usagePanel/usageScope';

export function chargebackScopeOf(scope: UsageScope): ChargebackScope {
  if (!isBillingScope(scope)) {return { kind: 'subscriptions', subscriptionIds: [scope.subscriptionId.toLowerCase()] };}
  if (scope.kind === 'billingProfile') {return { kind: 'billingProfile', billingAccountName: scope.accountName, billingProfileName: scope.profileName ?? '' };}
  return { kind: 'billingAccount', billingAccountName: scope.accountName };
}

export function sameScope(a: ChargebackScope, b: ChargebackScope): boolean {
  const lower = (s: string) => s.toLowerCase();
  if (a.kind === 'billingProfile' && b.kind === 'billingProfile') {
    return lower(a.billingAccountName) === lower(b.billingAccountName) && lower(a.billingProfileName) === lower(b.billingProfileName);
  }
  if (a.kind === 'billingAccount' && b.kind === 'billingAccount') {return lower(a.billingAccountName) === lower(b.billingAccountName);}
  if (a.kind === 'subscriptions' && b.kind === 'subscriptions') {return b.subscriptionIds.every((id) => a.subscriptionIds.includes(lower(id)));}
  return false;
}

/** The short name of a scope in file names: `<scope>-<period>.csv`. */
export function scopeFileStem(scope: ChargebackScope): string {
  const raw =
    scope.kind === 'billingProfile'
      ? scope.billingProfileName
      : scope.kind === 'billingAccount'
        ? scope.billingAccountName
        : scope.subscriptionIds.length === 1
          ? scope.subscriptionIds[0]
          : `${scope.subscriptionIds[0].slice(0, 8)}+${scope.subscriptionIds.length - 1}`;
  return safePathSegment(raw.replace(/[^A-Za-z0-9._+-]+/g, '-'), 'scope');
}

/**
 * The transport for a scope: the tenant a tree node came from, or, for a billing account named in a
 * file, the directory whose accounts include it (the home directory when none does, so the person
 * gets Azure's own "not found" or "no access" answer).
 */
export async function transportForScope(sessions: SessionManager, scope: ChargebackScope, logger: Logger, tenantId?: string, signal?: AbortSignal): Promise<ArmTransport> {
  const session = sessions.session();
  if (tenantId || scope.kind === 'subscriptions') {return session.transportFor(tenantId);}
  const accounts = await listAccounts(await session.tenants({ signal }), logger, signal);
  const found = accounts.find((a) => a.account.name.toLowerCase() === scope.billingAccountName.toLowerCase());
  return found?.connection.transport ?? session.transportFor();
}
