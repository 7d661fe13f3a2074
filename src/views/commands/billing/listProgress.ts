// Reading a list for a command shows a cancellable progress notification: lists are usually quick,
// but on a slow or throttled connection a person must be able to see it working and stop it.
import * as vscode from 'vscode';
import { cancelledError } from '../../../azure/errors';

export async function withListProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    try {
      return await work(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) { throw cancelledError(title); }
      throw error;
    }
  });
}
