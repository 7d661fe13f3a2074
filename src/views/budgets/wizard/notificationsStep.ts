// The notifications of a budget (at most five): a list to add to or remove from, then Continue.
// Adding asks the type (actual or forecasted spend), the threshold in percent of the amount, the
// e-mails and, at subscription scope, the roles to notify. Back inside "add" returns to the list.
import * as vscode from 'vscode';
import { AzureWizardPromptStep, GoBackError } from '@microsoft/vscode-azext-utils';
import { scopeTakesContactRoles } from '../../../billing/budgetScopes';
import type { BudgetNotification } from '../../../billing/models/budget';
import { BUDGET_NOTIFICATIONS_MAX, notificationKey, parseEmails, parseThreshold } from '../../../insight/budgets/budgetRules';
import { thresholdTypeLabel } from '../budgetText';
import type { BudgetWizardContext } from './budgetWizardContext';
import { messageOf, valueOf } from './budgetSteps';

/** The built-in roles Azure's budgets offer to notify at subscription scope. */
const CONTACT_ROLES = ['Owner', 'Contributor', 'Reader'];

type ListItem = vscode.QuickPickItem & { action: 'add' | 'done' | 'remove'; key?: string };

export function notificationLabel(n: BudgetNotification): string {
  return vscode.l10n.t('{0} spend > {1} %', thresholdTypeLabel(n.thresholdType), n.threshold);
}

export class NotificationsStep extends AzureWizardPromptStep<BudgetWizardContext> {
  async prompt(context: BudgetWizardContext): Promise<void> {
    for (;;) {
      const entries = Object.entries(context.notifications).sort(([, a], [, b]) => a.threshold - b.threshold);
      const items: ListItem[] = [{ label: `$(check) ${vscode.l10n.t('Continue')}`, description: vscode.l10n.t('{0} of {1} notifications', entries.length, BUDGET_NOTIFICATIONS_MAX), action: 'done' }];
      if (entries.length < BUDGET_NOTIFICATIONS_MAX) { items.push({ label: `$(add) ${vscode.l10n.t('Add a notification…')}`, action: 'add' }); }
      for (const [key, n] of entries) {
        items.push({
          label: `$(bell) ${notificationLabel(n)}`,
          description: [...n.contactEmails, ...n.contactRoles].join(', '),
          detail: vscode.l10n.t('Pick to remove this notification'),
          action: 'remove',
          key,
        });
      }
      const picked = await context.ui.showQuickPick(items, { placeHolder: vscode.l10n.t('Notifications: who hears when spend passes a share of the amount') });
      if (picked.action === 'done') { return; }
      if (picked.action === 'remove' && picked.key) {
        const rest = { ...context.notifications };
        delete rest[picked.key];
        context.notifications = rest;
        continue;
      }
      try {
        const added = await this.askOne(context);
        context.notifications = { ...context.notifications, [notificationKey(added.thresholdType, added.threshold)]: added };
      } catch (error) {
        if (!(error instanceof GoBackError)) { throw error; }
      }
    }
  }

  private async askOne(context: BudgetWizardContext): Promise<BudgetNotification> {
    const types = [
      { label: thresholdTypeLabel('Actual'), detail: vscode.l10n.t('When the spend so far passes the threshold'), type: 'Actual' as const },
      { label: thresholdTypeLabel('Forecasted'), detail: vscode.l10n.t('When the forecast for the period passes the threshold'), type: 'Forecasted' as const },
    ];
    const { type } = await context.ui.showQuickPick(types, { placeHolder: vscode.l10n.t('Notify on actual or forecasted spend?') });
    const taken = Object.values(context.notifications).filter((n) => n.thresholdType === type).map((n) => n.threshold);
    const thresholdText = await context.ui.showInputBox({
      prompt: vscode.l10n.t('Threshold in percent of the amount (0–1000; 80 means 80 %)'),
      value: taken.includes(80) ? (taken.includes(100) ? '' : '100') : '80',
      validateInput: (v) => messageOf(parseThreshold(v, taken)),
    });
    const threshold = valueOf(parseThreshold(thresholdText, taken));
    const emailsText = await context.ui.showInputBox({
      prompt: vscode.l10n.t('E-mail addresses to notify, separated by commas'),
      value: Object.values(context.notifications)[0]?.contactEmails.join(', ') ?? '',
      validateInput: (v) => messageOf(parseEmails(v)),
    });
    const contactEmails = valueOf(parseEmails(emailsText));
    let contactRoles: string[] = [];
    if (scopeTakesContactRoles(context.settings.scope)) {
      const roles = await context.ui.showQuickPick(CONTACT_ROLES.map((label) => ({ label })), {
        placeHolder: vscode.l10n.t('Also notify everyone with these roles on the subscription (optional)'),
        canPickMany: true,
      });
      contactRoles = roles.map((r) => r.label);
    }
    return { enabled: true, operator: 'GreaterThan', threshold, thresholdType: type, contactEmails, contactRoles, contactGroups: [], locale: undefined };
  }

  shouldPrompt(): boolean {
    return true;
  }
}
