// The billing accounts of one tenant as tree nodes, with the states a person must be able to tell
// apart: accounts, none visible because there is no billing role here, and a list cut short.
import * as vscode from 'vscode';
import { sharedBillingAccounts } from '../session/sharedAccounts';
import type { TenantConnection } from '../session/billingSession';
import { AccountChildrenLoader, BillingAccountNode } from './billingAccountNode';
import type { ExplorerNode } from './explorerNode';
import { InfoNode } from './messageNodes';

const BILLING_ROLES_DOC = 'https://learn.microsoft.com/azure/cost-management-billing/manage/understand-mca-roles';

export async function loadBillingAccountNodes(
  parent: ExplorerNode | undefined,
  connection: TenantConnection,
  signal: AbortSignal,
  accountChildren?: AccountChildrenLoader,
): Promise<ExplorerNode[]> {
  // Always asked afresh (this runs on first expand and on Refresh), but shared with a picker's
  // fetch in flight, and kept for the pickers that follow.
  const result = await sharedBillingAccounts(connection.transport, { signal, maxAgeMs: 0 });
  const prefix = `tenant/${connection.tenant.tenantId}`;
  if (result.empty) {
    // ARM answers an empty list, not 403, when the caller has no billing role
    // (docs/azure-apis.md#permissions).
    return [
      new InfoNode(parent, `${prefix}/noBillingRole`, {
        label: vscode.l10n.t('No billing role in this directory'),
        description: vscode.l10n.t('no billing accounts are visible'),
        tooltip: vscode.l10n.t(
          'Billing accounts appear only with a billing role, such as Billing account reader, Billing profile reader or an Enterprise Agreement role. An Azure role on a subscription (Owner, Reader) does not show them. Click to read about billing roles.',
        ),
        icon: 'info',
        command: { title: vscode.l10n.t('About Billing Roles'), command: 'vscode.open', arguments: [vscode.Uri.parse(BILLING_ROLES_DOC)] },
      }),
    ];
  }
  const collator = new Intl.Collator(vscode.env.language, { sensitivity: 'base', numeric: true });
  const accounts = [...result.accounts].sort((a, b) => collator.compare(a.displayName, b.displayName));
  const nodes: ExplorerNode[] = accounts.map((account) => new BillingAccountNode(parent, connection, account, accountChildren));
  if (result.truncated) {
    nodes.push(
      new InfoNode(parent, `${prefix}/moreAccounts`, {
        label: vscode.l10n.t('More billing accounts exist than are shown'),
        icon: 'ellipsis',
      }),
    );
  }
  return nodes;
}
