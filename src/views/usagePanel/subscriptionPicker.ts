// When the command runs from the palette (no tree node), the person picks a subscription from
// every directory they can reach.

import * as vscode from 'vscode';
import type { SessionManager } from '../session/sessionManager';
import { tenantLabel } from '../session/tenantDirectory';
import { UsageScope } from './usageScope';

interface ArmSubscription {
  subscriptionId?: string;
  displayName?: string;
  state?: string;
}

export async function pickSubscription(sessions: SessionManager, token?: vscode.CancellationToken): Promise<UsageScope | undefined> {
  const items = (async () => {
    const session = sessions.session();
    const picks: Array<vscode.QuickPickItem & { scope: UsageScope }> = [];
    for (const { tenant, transport } of await session.tenants()) {
      for await (const sub of transport.list<ArmSubscription>('/subscriptions', { query: { 'api-version': '2022-12-01' } })) {
        if (!sub.subscriptionId) { continue; }
        const label = sub.displayName || sub.subscriptionId;
        picks.push({
          label,
          description: sub.subscriptionId,
          detail: tenantLabel(tenant),
          scope: { subscriptionId: sub.subscriptionId, tenantId: tenant.tenantId, label },
        });
      }
    }
    return picks.sort((a, b) => a.label.localeCompare(b.label));
  })();
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Usage and cost'),
    placeHolder: vscode.l10n.t('Pick the subscription whose usage and cost to chart'),
    matchOnDescription: true,
  }, token);
  return picked?.scope;
}
