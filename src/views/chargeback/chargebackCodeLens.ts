// "Run Chargeback" above a `*.chargeback.json`: one lens runs the last closed billing period, the
// other asks for a period. Only on files without problems: a file with any runs nothing, and the
// Problems panel says why.
import * as vscode from 'vscode';
import { lastClosedPeriod } from '../../insight/chargeback/billingPeriods';
import { readChargebackRules } from './readRules';
import { RUN_CHARGEBACK_COMMAND, RunChargebackArgument, monthLabel } from './runChargeback';

export class ChargebackCodeLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly today: () => Date) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!readChargebackRules(document.getText()).rules) {return [];}
    const top = new vscode.Range(0, 0, 0, 0);
    const period = lastClosedPeriod(this.today().toISOString().slice(0, 10));
    const runDefault: RunChargebackArgument = { rulesFile: document.uri, period: period.month };
    const runOther: RunChargebackArgument = { rulesFile: document.uri, period: 'pick' };
    return [
      new vscode.CodeLens(top, { title: `$(play) ${vscode.l10n.t('Run Chargeback ({0})', monthLabel(period, vscode.env.language))}`, command: RUN_CHARGEBACK_COMMAND, arguments: [runDefault] }),
      new vscode.CodeLens(top, { title: vscode.l10n.t('Other period…'), command: RUN_CHARGEBACK_COMMAND, arguments: [runOther] }),
    ];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
