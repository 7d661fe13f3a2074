// A folder of the last 12 months of a ledger-like list (credit events, invoices): one place says
// what "recent" means in the tree, so both folders read the same window and sort the same way.
import * as vscode from 'vscode';
import type { AccountScope } from './billingTree';
import type { FolderOptions } from './pagedFolderNode';
import { sortedAfterReading } from '../../azure/listing';
import { DateWindow, lastTwelveMonths, newestFirst } from './recentWindow';

export interface RecentFolderOptions<T extends { name: string }> extends Omit<FolderOptions<T>, 'description' | 'open'> {
  /** Lists the items of `window`; called again on refresh, with a window that ends today. */
  read(window: DateWindow, signal: AbortSignal): AsyncIterable<T>;
  /** The date the folder sorts by, newest first (ties by name). */
  dateOf(item: T): string | Date | undefined;
}

export function recentFolderOptions<T extends { name: string }>(scope: AccountScope, options: RecentFolderOptions<T>): FolderOptions<T> {
  const { read, dateOf, ...folder } = options;
  return {
    ...folder,
    description: vscode.l10n.t('last 12 months'),
    open: (signal) => sortedAfterReading(read(lastTwelveMonths(scope.services.now()), signal), newestFirst(dateOf, (item) => item.name)),
  };
}
