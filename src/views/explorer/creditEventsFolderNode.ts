// "Credit events": the credit ledger of an MCA billing profile for the last 12 months, newest first.
import * as vscode from 'vscode';
import { listCreditEvents } from '../../billing/creditEvents';
import type { CreditEvent } from '../../billing/models/credit';
import type { ProfileRef } from '../../billing/refs';
import { BILLING_MARKS } from './billingNode';
import type { AccountScope } from './billingTree';
import { CreditEventNode } from './creditEventNode';
import type { ExplorerNode } from './explorerNode';
import { PagedFolderNode } from './pagedFolderNode';
import { recentFolderOptions } from './recentFolder';

export class CreditEventsFolderNode extends PagedFolderNode<CreditEvent> {
  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly profile: ProfileRef & { displayName: string },
  ) {
    super(parent, scope, recentFolderOptions(scope, {
      idSuffix: 'creditEvents',
      label: vscode.l10n.t('Credit events'),
      tooltip: vscode.l10n.t('Credits added, charges settled and credits expired for {0} in the last 12 months, newest first.', profile.displayName),
      icon: 'history',
      kind: 'creditEventsFolder',
      marks: [BILLING_MARKS.creditEvents],
      failedToLoadLabel: vscode.l10n.t('Could not load credit events'),
      emptyLabel: vscode.l10n.t('No credit events in the last 12 months'),
      read: (window, signal) =>
        listCreditEvents(
          scope.connection.transport,
          { accountName: profile.accountName, profileName: profile.name, agreementType: scope.account.agreementType },
          { startDate: window.from, endDate: window.to },
          { signal },
        ),
      dateOf: (event) => event.transactionDate,
      child: (event, folder) => new CreditEventNode(folder, scope, event),
    }));
  }
}
