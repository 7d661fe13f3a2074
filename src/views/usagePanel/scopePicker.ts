// When the command runs from the palette (no tree node), the person says what to chart: a
// subscription, a billing profile or a billing account, then which one, from every directory
// the sign-in reaches.

import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import { hasBillingProfiles } from '../../billing/refs';
import { listAccounts, profilesOf } from '../commands/billing/billingCatalog';
import type { SessionManager } from '../session/sessionManager';
import { tenantLabel } from '../session/tenantDirectory';
import { pickSubscription } from './subscriptionPicker';
import { BillingScope, UsageScope } from './usageScope';

type ScopeKind = 'subscription' | 'billingProfile' | 'billingAccount';

export async function pickScope(sessions: SessionManager, logger: Logger): Promise<UsageScope | undefined> {
  const kinds: Array<vscode.QuickPickItem & { scopeKind: ScopeKind }> = [
    { scopeKind: 'subscription', label: vscode.l10n.t('Subscription'), detail: vscode.l10n.t('Daily usage, estimated cost from list prices, and actual cost') },
    { scopeKind: 'billingProfile', label: vscode.l10n.t('Billing profile'), detail: vscode.l10n.t('Actual cost of every subscription billed on one invoice') },
    { scopeKind: 'billingAccount', label: vscode.l10n.t('Billing account'), detail: vscode.l10n.t('Actual cost of the whole account, per currency') },
  ];
  const kind = await vscode.window.showQuickPick(kinds, { title: vscode.l10n.t('Usage and cost'), placeHolder: vscode.l10n.t('What should the chart cover?') });
  if (!kind) { return undefined; }
  if (kind.scopeKind === 'subscription') { return pickSubscription(sessions); }
  return pickBillingScope(sessions, logger, kind.scopeKind);
}

async function pickBillingScope(sessions: SessionManager, logger: Logger, kind: 'billingProfile' | 'billingAccount'): Promise<BillingScope | undefined> {
  const items = (async () => {
    const tenants = await sessions.session().tenants({ locale: vscode.env.language });
    const accounts = await listAccounts(tenants, logger);
    const picks: Array<vscode.QuickPickItem & { scope: BillingScope }> = [];
    for (const choice of accounts) {
      const { account, connection } = choice;
      const tenantId = connection.tenant.tenantId;
      if (kind === 'billingAccount') {
        picks.push({ label: account.displayName, description: account.name, detail: tenantLabel(connection.tenant), scope: { kind, accountName: account.name, tenantId, label: account.displayName } });
        continue;
      }
      if (!hasBillingProfiles(account.agreementType)) { continue; }
      try {
        for (const profile of await profilesOf(choice)) {
          picks.push({
            label: profile.displayName,
            description: [profile.currency, account.displayName].filter(Boolean).join(' · '),
            detail: tenantLabel(connection.tenant),
            scope: { kind, accountName: account.name, profileName: profile.name, tenantId, label: profile.displayName },
          });
        }
      } catch (error) {
        logger.warn(`Billing profiles of ${account.displayName} could not be listed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return picks.sort((a, b) => a.label.localeCompare(b.label));
  })();
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Usage and cost'),
    placeHolder: kind === 'billingProfile' ? vscode.l10n.t('Pick the billing profile whose cost to chart') : vscode.l10n.t('Pick the billing account whose cost to chart'),
    matchOnDescription: true,
  });
  return picked?.scope;
}
