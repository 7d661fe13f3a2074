// "Does not apply" and "nothing here" are answers: an info node says so, and why, where the data
// would be, instead of an error.
import * as vscode from 'vscode';
import type { NotApplicableError } from '../../billing/notApplicable';
import { agreementTypeLabel } from './billingLabels';
import { contextValue, type ExplorerNode } from './explorerNode';
import { InfoNode } from './messageNodes';

/** Why a kind of billing data does not exist for an agreement, in the person's language. */
export function notApplicableReason(error: NotApplicableError): string {
  const agreement = agreementTypeLabel(error.agreementType) ?? vscode.l10n.t('this agreement type');
  switch (error.reason) {
    case 'billingProfilesNeedMca':
      return vscode.l10n.t('Billing profiles and invoice sections exist only for Microsoft Customer Agreement and Microsoft Partner Agreement accounts. This account\'s agreement: {0}.', agreement);
    case 'creditsNeedMcaProfile':
      return vscode.l10n.t('Azure credit balances, credit lots and credit events are kept per billing profile of a Microsoft Customer Agreement. This account\'s agreement: {0}.', agreement);
    case 'enrollmentStructureNeedsEa':
      return vscode.l10n.t('Departments and enrollment accounts exist only for Enterprise Agreement enrollments. This account\'s agreement: {0}.', agreement);
    case 'invoicesNotForAgreement':
      return vscode.l10n.t('Azure does not offer invoices through this API for this agreement: {0}.', agreement);
    default:
      return error.message;
  }
}

/** An info node for a list that does not apply (`error`) or is empty (`emptyLabel`). */
export function notApplicableNode(parent: ExplorerNode, error: NotApplicableError | undefined, emptyLabel?: string): ExplorerNode {
  if (!error) {
    return new InfoNode(parent, `${parent.id}/empty`, { label: emptyLabel ?? vscode.l10n.t('Nothing here'), icon: 'circle-slash' });
  }
  const reason = notApplicableReason(error);
  return new InfoNode(parent, `${parent.id}/notApplicable`, {
    label: vscode.l10n.t('Does not apply to this agreement'),
    description: reason,
    tooltip: reason,
    icon: 'info',
  });
}

/**
 * A folder where a person would look for data that does not exist for this agreement (credits on
 * an EA enrollment): its one child says why. There is nothing to load, so nothing can fail.
 */
export class NotApplicableFolderNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode,
    idSuffix: string,
    private readonly options: { label: string; icon: string; kind: string; reason: NotApplicableError },
  ) {
    this.id = `${parent.id}/${idSuffix}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.options.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = vscode.l10n.t('does not apply');
    item.tooltip = notApplicableReason(this.options.reason);
    item.iconPath = new vscode.ThemeIcon(this.options.icon);
    item.contextValue = contextValue(this.options.kind);
    return item;
  }

  loadChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([notApplicableNode(this, this.options.reason)]);
  }
}
