// "Credits" below an MCA billing profile: the balance summary in the description (current and
// estimated balance, each with its currency) and the credit lots as children. The summary loads in
// the background beside the lots; when it arrives the node is drawn again, keeping the lots.
import * as vscode from 'vscode';
import { getCreditBalance, listCreditLots } from '../../billing/credits';
import type { CreditBalance, CreditBalanceSummary, CreditLot } from '../../billing/models/credit';
import { isNotApplicable } from '../../billing/notApplicable';
import type { ProfileRef } from '../../billing/refs';
import { adviseOnFailure } from '../commands/failureAdvice';
import { describeFailure } from '../commands/failureMessage';
import { formatMoney } from '../format/displayFormat';
import { BILLING_MARKS } from './billingNode';
import type { AccountScope } from './billingTree';
import { yesNo } from './billingValueLabels';
import { CreditLotNode } from './creditLotNode';
import type { ExplorerNode } from './explorerNode';
import { notApplicableReason } from './notApplicableNode';
import { fieldsTooltip } from './nodeTooltip';
import { PagedFolderNode } from './pagedFolderNode';
import { creditsDescription } from './treeDescriptions';

type BalanceState = { state: 'loading' } | { state: 'loaded'; balance: CreditBalance } | { state: 'failed'; error: unknown };

export class CreditsNode extends PagedFolderNode<CreditLot> {
  private balanceState: BalanceState = { state: 'loading' };
  private balancePromise: Promise<CreditBalance> | undefined;

  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly profile: ProfileRef & { displayName: string },
  ) {
    const creditScope = { accountName: profile.accountName, profileName: profile.name, agreementType: scope.account.agreementType };
    super(parent, scope, {
      idSuffix: 'credits',
      label: vscode.l10n.t('Credits'),
      icon: 'credit-card',
      kind: 'creditsFolder',
      marks: [BILLING_MARKS.creditBalance, BILLING_MARKS.lots],
      failedToLoadLabel: vscode.l10n.t('Could not load credit lots'),
      emptyLabel: vscode.l10n.t('No credit lots'),
      open: (signal) => listCreditLots(scope.connection.transport, creditScope, { signal }),
      child: (lot, folder) => new CreditLotNode(folder, scope, lot),
    });
  }

  /** Starts the lots (via the folder) and the balance summary, both in the background. */
  override startLoading(signal: AbortSignal): this {
    super.startLoading(signal);
    void this.balance(signal).catch(() => undefined);
    return this;
  }

  /**
   * The balance summary. A success is kept for the life of the node (refreshing the profile makes a
   * new node); a failure is not, so the next ask (the command, a retry) reads again. Either way the
   * node is drawn again with what is now known.
   */
  balance(signal?: AbortSignal): Promise<CreditBalance> {
    if (!this.balancePromise) {
      const creditScope = { accountName: this.profile.accountName, profileName: this.profile.name, agreementType: this.scope.account.agreementType };
      const slots = this.scope.services.backgroundLoads;
      const read = slots.acquire(signal).then(async (release) => {
        try {
          return await getCreditBalance(this.scope.connection.transport, creditScope, { signal });
        } finally {
          release();
        }
      });
      this.balancePromise = read.then(
        (balance) => {
          this.balanceState = { state: 'loaded', balance };
          this.scope.services.redraw(this);
          return balance;
        },
        (error: unknown) => {
          this.balancePromise = undefined;
          if (!signal?.aborted) {
            this.balanceState = { state: 'failed', error };
            this.scope.services.redraw(this);
          }
          throw error;
        },
      );
    }
    return this.balancePromise;
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    const language = this.scope.services.language();
    const state = this.balanceState;
    if (state.state === 'loading') {
      item.description = vscode.l10n.t('loading balance…');
      item.tooltip = vscode.l10n.t('Credits of {0}', this.profile.displayName);
    } else if (state.state === 'failed') {
      const text = isNotApplicable(state.error) ? notApplicableReason(state.error) : describeFailure(adviseOnFailure(state.error)).summary;
      item.description = vscode.l10n.t('balance unavailable');
      item.tooltip = fieldsTooltip(vscode.l10n.t('Credits of {0}', this.profile.displayName), [], text);
    } else if (state.balance.kind === 'noCredits') {
      item.description = vscode.l10n.t('no credits');
      item.tooltip = vscode.l10n.t('The billing profile {0} has no Azure credits.', this.profile.displayName);
    } else {
      item.description = balanceSummaryText(state.balance.summary, language);
      item.tooltip = balanceTooltip(vscode.l10n.t('Credits of {0}', this.profile.displayName), state.balance.summary, language);
    }
    return item;
  }
}

/** "€120.00 · est. €80.00": the current balance first, each amount in its own currency, never added up. */
export function balanceSummaryText(summary: CreditBalanceSummary, language: string): string {
  return creditsDescription(
    { current: summary.currentBalance && formatMoney(summary.currentBalance, language), estimated: summary.estimatedBalance && formatMoney(summary.estimatedBalance, language) },
    { estimated: (amount) => vscode.l10n.t('est. {0}', amount), none: vscode.l10n.t('no balance reported') },
  );
}

export function balanceTooltip(title: string, summary: CreditBalanceSummary, language: string): vscode.MarkdownString {
  const money = (m: { amount: number; currency: string } | undefined) => (m ? formatMoney(m, language) : undefined);
  return fieldsTooltip(
    title,
    [
      [vscode.l10n.t('Current balance'), money(summary.currentBalance)],
      [vscode.l10n.t('Estimated balance'), money(summary.estimatedBalance)],
      [vscode.l10n.t('Estimated balance (billing currency)'), money(summary.estimatedBalanceInBillingCurrency)],
      [vscode.l10n.t('Pending credit adjustments'), money(summary.pendingCreditAdjustments)],
      [vscode.l10n.t('Pending eligible charges'), money(summary.pendingEligibleCharges)],
      [vscode.l10n.t('Expired credit'), money(summary.expiredCredit)],
      [vscode.l10n.t('Credit currency'), summary.creditCurrency],
      [vscode.l10n.t('Billing currency'), summary.billingCurrency],
      [vscode.l10n.t('Balance is an estimate'), yesNo(summary.isEstimatedBalance)],
      [vscode.l10n.t('Reseller'), summary.reseller?.resellerDescription ?? summary.reseller?.resellerId],
    ],
    vscode.l10n.t('The current balance is the balance as of the last invoice; the estimated balance also counts charges and adjustments since.'),
  );
}
