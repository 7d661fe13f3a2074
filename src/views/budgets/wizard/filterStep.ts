// The budget's optional filter: all costs of the scope, or only some resource groups, meter
// categories, or resources with a tag value. A filter the wizard cannot edit (several parts, set
// elsewhere) can be kept as it is.
import * as vscode from 'vscode';
import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import { checkFilterName, parseFilterValues } from '../../../insight/budgets/budgetRules';
import { BudgetFilterChoice, budgetFilterOf, budgetFilterParts, filterChoiceOf } from '../../../insight/budgets/budgetStatus';
import type { BudgetWizardContext } from './budgetWizardContext';
import { messageOf, valueOf } from './budgetSteps';

type Kind = 'none' | 'keep' | BudgetFilterChoice['kind'];

export class FilterStep extends AzureWizardPromptStep<BudgetWizardContext> {
  async prompt(context: BudgetWizardContext): Promise<void> {
    const current = filterChoiceOf(context.filter);
    const items: Array<vscode.QuickPickItem & { choice: Kind }> = [
      { label: vscode.l10n.t('All costs'), detail: vscode.l10n.t('No filter: every cost of the scope counts'), choice: 'none' },
      { label: vscode.l10n.t('Resource groups…'), detail: vscode.l10n.t('Only the costs of some resource groups'), choice: 'resourceGroup' },
      { label: vscode.l10n.t('Meter categories…'), detail: vscode.l10n.t('Only some services, such as Virtual Machines or Storage'), choice: 'meterCategory' },
      { label: vscode.l10n.t('Tag…'), detail: vscode.l10n.t('Only resources with a tag value'), choice: 'tag' },
    ];
    if (context.filter && !current) {
      const text = budgetFilterParts(context.filter).map((p) => `${p.name}: ${p.values.join(', ')}`).join('; ');
      items.unshift({ label: vscode.l10n.t('Keep the current filter'), detail: text, choice: 'keep' });
    }
    const currentKind: Kind = context.filter ? (current?.kind ?? 'keep') : 'none';
    const at = items.findIndex((i) => i.choice === currentKind);
    if (at > 0) { items.unshift(...items.splice(at, 1)); }
    const picked = await context.ui.showQuickPick(items, { placeHolder: vscode.l10n.t('Which costs count toward the budget?') });
    if (picked.choice === 'keep') { return; }
    if (picked.choice === 'none') { context.filter = undefined; return; }
    let name = '';
    if (picked.choice === 'tag') {
      const text = await context.ui.showInputBox({
        prompt: vscode.l10n.t('Tag name'),
        value: current?.kind === 'tag' ? current.name : '',
        validateInput: (v) => messageOf(checkFilterName(v)),
      });
      name = valueOf(checkFilterName(text));
    }
    const prompts: Record<BudgetFilterChoice['kind'], string> = {
      resourceGroup: vscode.l10n.t('Resource group names, separated by commas'),
      meterCategory: vscode.l10n.t('Meter categories, separated by commas (for example Virtual Machines, Storage)'),
      tag: vscode.l10n.t('Values of tag {0}, separated by commas', name),
    };
    const valuesText = await context.ui.showInputBox({
      prompt: prompts[picked.choice],
      value: current?.kind === picked.choice ? current.values.join(', ') : '',
      validateInput: (v) => messageOf(parseFilterValues(v)),
    });
    const values = valueOf(parseFilterValues(valuesText));
    context.filter = budgetFilterOf(picked.choice === 'tag' ? { kind: 'tag', name, values } : { kind: picked.choice, values });
  }

  shouldPrompt(): boolean {
    return true;
  }
}
