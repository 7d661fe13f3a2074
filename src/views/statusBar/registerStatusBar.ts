// Pin to Status Bar / Unpin / Refresh: from a subscription, billing profile or billing account
// node, or from the palette with the usage panel's quick pick of scopes. extension.ts calls this
// once; nothing is read until a scope is pinned.

import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import type { CommandRunner } from '../commands/commandRunner';
import type { SessionManager } from '../session/sessionManager';
import type { UsagePanels } from '../usagePanel/registerUsagePanel';
import { pickScope } from '../usagePanel/scopePicker';
import { scopeFromArgument } from '../usagePanel/usageScope';
import { PinnedScopeStore } from './pinnedScopeStore';
import { PIN_COMMAND, REFRESH_COMMAND, StatusBarGlance, UNPIN_COMMAND } from './statusBarController';

export function registerStatusBar(
  context: vscode.ExtensionContext,
  runner: CommandRunner,
  sessions: SessionManager,
  panels: UsagePanels,
  logger: Logger,
): { glance: StatusBarGlance; disposables: vscode.Disposable[] } {
  const glance = new StatusBarGlance({ store: new PinnedScopeStore(context.globalState), sessions, logger, source: (scope) => panels.sourceFor(scope) });
  const disposables: vscode.Disposable[] = [
    glance,
    runner.register(PIN_COMMAND, async (arg?: unknown) => {
      const scope = scopeFromArgument(arg) ?? (await pickScope(sessions, logger));
      if (!scope) {return undefined;}
      await glance.pin(scope);
      return scope;
    }),
    runner.register(UNPIN_COMMAND, () => glance.unpin()),
    runner.register(REFRESH_COMMAND, () => glance.refresh()),
  ];
  glance.start();
  return { glance, disposables };
}
