// The one wrapper every command runs in: it logs start, end and duration to the "Azure Billing"
// log, turns a failure into a message that says what to do next (with buttons for it), and says
// nothing when the person cancelled. Handlers therefore just throw.
import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import { adviseOnFailure, FailureAdvice } from './failureAdvice';
import { describeFailure } from './failureMessage';

export interface CommandFailure {
  commandId: string;
  advice: FailureAdvice;
  at: Date;
}

/** The message of an error and of every `cause` below it: the log should show the whole story. */
export function describeErrorChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      parts.push(`${current.name}: ${current.message}`);
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(typeof current === 'string' ? current : describeThrownValue(current));
      break;
    }
  }
  return parts.join(' ← caused by ');
}

/** Something thrown that is not an Error: as JSON, so an object shows its fields, not "[object Object]". */
function describeThrownValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

export class CommandRunner {
  private latestFailure: CommandFailure | undefined;
  private readonly failed = new vscode.EventEmitter<CommandFailure>();
  /** Fires after a command failed (not when cancelled); tests and the status bar listen. */
  readonly onDidFail = this.failed.event;

  constructor(private readonly logger: Logger) {}

  get lastFailure(): CommandFailure | undefined {
    return this.latestFailure;
  }

  /** `vscode.commands.registerCommand`, with the handler running inside `run`. */
  register<A extends unknown[]>(commandId: string, handler: (...args: A) => unknown): vscode.Disposable {
    // VS Code passes whatever the caller gave; each handler checks its own arguments.
    return vscode.commands.registerCommand(commandId, (...args: unknown[]) => this.run(commandId, () => handler(...(args as A))));
  }

  async run<T>(commandId: string, work: () => T | Promise<T>): Promise<T | undefined> {
    const started = Date.now();
    this.logger.debug(`${commandId}: started`);
    try {
      const result = await work();
      this.logger.debug(`${commandId}: finished in ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      const advice = adviseOnFailure(error);
      if (advice.kind === 'cancelled') {
        this.logger.info(`${commandId}: cancelled after ${Date.now() - started} ms`);
        return undefined;
      }
      this.logger.error(`${commandId}: failed after ${Date.now() - started} ms (${advice.kind}): ${describeErrorChain(error)}`);
      if (advice.kind === 'unexpected' && error instanceof Error && error.stack) { this.logger.debug(error.stack); }
      this.latestFailure = { commandId, advice, at: new Date() };
      this.failed.fire(this.latestFailure);
      // Not awaited: the command is over; the notification stays until the person acts on it.
      void this.notify(advice);
      return undefined;
    }
  }

  private async notify(advice: FailureAdvice): Promise<void> {
    const text = describeFailure(advice);
    const message = text.nextStep ? `${text.summary} ${text.nextStep}` : text.summary;
    const titles = text.actions.map((a) => a.title);
    const chosen = text.severity === 'error' ? await vscode.window.showErrorMessage(message, ...titles) : await vscode.window.showWarningMessage(message, ...titles);
    const action = text.actions.find((a) => a.title === chosen);
    if (action) { await vscode.commands.executeCommand(action.command, ...(action.args ?? [])); }
  }

  dispose(): void {
    this.failed.dispose();
  }
}
