// The chargeback commands, the CodeLens on `*.chargeback.json` files and the report panel's
// serializer. extension.ts calls this once. The Cost Management answers are kept per scope and
// grouping for the session (a new sign-in forgets them), so a rerun asks Azure nothing new.
import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import type { CommandRunner } from '../commands/commandRunner';
import type { SessionManager } from '../session/sessionManager';
import { ChargebackCodeLens } from './chargebackCodeLens';
import { ChargebackQueryCache } from './chargebackCosts';
import { ChargebackPanel } from './chargebackPanel';
import { newChargebackRules } from './newChargebackRules';
import { CHARGEBACK_FILE_SUFFIX } from './ruleDiagnostics';
import { ChargebackDeps, NEW_CHARGEBACK_RULES_COMMAND, RUN_CHARGEBACK_COMMAND, runChargeback } from './runChargeback';

export function registerChargeback(context: vscode.ExtensionContext, runner: CommandRunner, sessions: SessionManager, logger: Logger): vscode.Disposable[] {
  const cache = new ChargebackQueryCache();
  const today = () => new Date();
  const deps: ChargebackDeps = {
    extensionUri: context.extensionUri,
    sessions,
    logger,
    cache,
    today,
    run: (work) => runner.run(RUN_CHARGEBACK_COMMAND, work),
  };
  const lens = new ChargebackCodeLens(today);
  return [
    sessions.onDidChange(() => cache.clear()),
    lens,
    vscode.languages.registerCodeLensProvider({ pattern: `**/*${CHARGEBACK_FILE_SUFFIX}` }, lens),
    runner.register(RUN_CHARGEBACK_COMMAND, (arg?: unknown) => runChargeback(deps, arg)),
    runner.register(NEW_CHARGEBACK_RULES_COMMAND, (arg?: unknown) => newChargebackRules(deps, arg)),
    ChargebackPanel.registerSerializer(context.extensionUri),
  ];
}
