// The prompts an AzureWizard shows (docs/budgets.md#the-wizard), on VS Code's own quick input:
// title and "step 2 of 7" from the wizard, a Back button from the second step on (it throws the
// GoBackError the wizard goes back on), validation as the person types, and Escape as
// UserCancelledError. The package's own AzExtUserInput would need registerUIExtensionVariables,
// which sets up telemetry this extension does not send; this class needs neither.
// Loaded only with the wizard (see scripts/build.js: the package has its own bundle).
import * as vscode from 'vscode';
import { AzExtInputBoxOptions, GoBackError, IAzureMessageOptions, IAzureQuickPickOptions, IAzureUserInput, PromptResult, UserCancelledError } from '@microsoft/vscode-azext-utils';

/** What AzureWizard puts on `context.ui.wizard` while it prompts (an internal of the package). */
interface WizardState {
  title?: string;
  currentStep: number;
  totalSteps: number;
  showBackButton: boolean;
  showTitle: boolean;
  hideStepCount: boolean;
  /** What was typed at this step before Back (the wizard clears the context's value). */
  getCachedInputBoxValue?(): string | undefined;
}

type Validate = (value: string) => string | undefined | null | vscode.InputBoxValidationMessage | Thenable<string | undefined | null | vscode.InputBoxValidationMessage>;

export class WizardUserInput implements IAzureUserInput, vscode.Disposable {
  /** Set and cleared by AzureWizard. */
  wizard?: WizardState;
  private readonly finished = new vscode.EventEmitter<PromptResult>();
  readonly onDidFinishPrompt = this.finished.event;
  isPrompting = false;

  private decorate<T extends vscode.QuickPickItem>(input: vscode.QuickPick<T> | vscode.InputBox): void {
    const w = this.wizard;
    if (w?.showTitle) {
      input.title = w.title;
      if (!w.hideStepCount) { input.step = w.currentStep; input.totalSteps = w.totalSteps; }
    }
    input.buttons = w?.showBackButton ? [vscode.QuickInputButtons.Back] : [];
    input.ignoreFocusOut = true;
  }

  /** Runs one prompt: resolves with its answer, rejects with GoBackError or UserCancelledError. */
  private run<T, I extends vscode.QuickPickItem = vscode.QuickPickItem>(input: vscode.QuickPick<I> | vscode.InputBox, wire: (resolve: (value: T) => void, reject: (error: unknown) => void) => vscode.Disposable[]): Promise<T> {
    this.isPrompting = true;
    const disposables: vscode.Disposable[] = [];
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const done = (value: T) => { settled = true; resolve(value); };
      const fail = (error: unknown) => { settled = true; reject(error); };
      disposables.push(
        input.onDidTriggerButton((button) => { if (button === vscode.QuickInputButtons.Back) { fail(new GoBackError()); } }),
        input.onDidHide(() => { if (!settled) { fail(new UserCancelledError()); } }),
        ...wire(done, fail),
      );
      input.show();
    }).finally(() => {
      this.isPrompting = false;
      for (const d of disposables) { d.dispose(); }
      input.dispose();
    });
  }

  showQuickPick<T extends vscode.QuickPickItem>(items: T[] | Thenable<T[]>, options: IAzureQuickPickOptions & { canPickMany: true }): Promise<T[]>;
  showQuickPick<T extends vscode.QuickPickItem>(items: T[] | Thenable<T[]>, options: IAzureQuickPickOptions): Promise<T>;
  async showQuickPick<T extends vscode.QuickPickItem>(items: T[] | Thenable<T[]>, options: IAzureQuickPickOptions): Promise<T | T[]> {
    const pick = vscode.window.createQuickPick<T>();
    this.decorate(pick);
    pick.placeholder = options.placeHolder;
    pick.matchOnDescription = options.matchOnDescription ?? false;
    pick.matchOnDetail = options.matchOnDetail ?? false;
    pick.canSelectMany = options.canPickMany ?? false;
    pick.busy = true;
    const answer = this.run<T | T[]>(pick, (resolve) => [
      pick.onDidAccept(() => {
        if (pick.canSelectMany) { resolve([...pick.selectedItems]); }
        else if (pick.activeItems[0]) { resolve(pick.activeItems[0]); }
      }),
    ]);
    const list = await items;
    pick.items = list;
    if (pick.canSelectMany && options.isPickSelected) { pick.selectedItems = list.filter((i) => options.isPickSelected!(i)); }
    pick.busy = false;
    const result = await answer;
    this.finished.fire({ value: result });
    return result;
  }

  async showInputBox(options: AzExtInputBoxOptions): Promise<string> {
    const box = vscode.window.createInputBox();
    this.decorate(box);
    box.prompt = options.prompt;
    box.placeholder = options.placeHolder;
    box.value = this.wizard?.getCachedInputBoxValue?.() || options.value || '';
    box.password = options.password ?? false;
    const validate: Validate = (value) => options.validateInput?.(value);
    const messageOf = async (value: string) => {
      const said = await validate(value);
      return typeof said === 'string' || said === null || said === undefined ? said ?? undefined : said.message;
    };
    const result = await this.run<string>(box, (resolve) => [
      box.onDidChangeValue(async (value) => {
        const message = await messageOf(value);
        // A later keystroke may have been checked already.
        if (box.value === value) { box.validationMessage = message; }
      }),
      box.onDidAccept(async () => {
        const value = box.value;
        box.busy = true;
        const message = (await messageOf(value)) ?? (await options.asyncValidationTask?.(value)) ?? undefined;
        box.busy = false;
        box.validationMessage = message;
        if (!message) { resolve(value); }
      }),
    ]);
    this.finished.fire({ value: result, matchesDefault: result === options.value });
    return result;
  }

  showWarningMessage<T extends vscode.MessageItem>(message: string, ...items: T[]): Promise<T>;
  showWarningMessage<T extends vscode.MessageItem>(message: string, options: IAzureMessageOptions, ...items: T[]): Promise<T>;
  async showWarningMessage<T extends vscode.MessageItem>(message: string, ...rest: unknown[]): Promise<T> {
    const [first, ...others] = rest;
    const options = first && typeof first === 'object' && !('title' in first) ? (first as vscode.MessageOptions) : undefined;
    const items = (options ? others : rest) as T[];
    const picked = await vscode.window.showWarningMessage(message, options ?? {}, ...items);
    if (!picked) { throw new UserCancelledError(); }
    this.finished.fire({ value: picked });
    return picked;
  }

  async showOpenDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[]> {
    const uris = await vscode.window.showOpenDialog(options);
    if (!uris) { throw new UserCancelledError(); }
    return uris;
  }

  async showWorkspaceFolderPick(options: vscode.WorkspaceFolderPickOptions): Promise<vscode.WorkspaceFolder> {
    const folder = await vscode.window.showWorkspaceFolderPick(options);
    if (!folder) { throw new UserCancelledError(); }
    return folder;
  }

  dispose(): void {
    this.finished.dispose();
  }
}
