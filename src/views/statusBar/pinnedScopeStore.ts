// The one scope pinned to the status bar, kept in the extension's global state so it survives a
// restart. Only the scope's ids and label are kept (no figures, nothing secret); a value that no
// longer reads as a scope (an older shape, a hand edit) counts as nothing pinned.

import type * as vscode from 'vscode';
import { scopeFromArgument, UsageScope } from '../usagePanel/usageScope';

export const PINNED_SCOPE_KEY = 'azureBilling.statusBar.pinnedScope';

export class PinnedScopeStore {
  constructor(private readonly memento: vscode.Memento) {}

  get(): UsageScope | undefined {
    return scopeFromArgument(this.memento.get<unknown>(PINNED_SCOPE_KEY));
  }

  async set(scope: UsageScope | undefined): Promise<void> {
    await this.memento.update(PINNED_SCOPE_KEY, scope);
  }
}
