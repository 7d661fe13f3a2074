// Reading a list for a command shows a cancellable progress in the window's status area: lists are
// quick, a notification for each would be noise, but a person must be able to stop a slow one.
import * as vscode from 'vscode';
import { cancelledError } from '../../../azure/errors';

export async function withListProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    try {
      return await work(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw cancelledError(title);
      throw error;
    }
  });
}
