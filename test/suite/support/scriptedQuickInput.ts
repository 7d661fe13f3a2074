// Answers the quick inputs a command creates (vscode.window.createInputBox / createQuickPick) from a
// script, the way a person would: typing fires onDidChangeValue, Enter fires onDidAccept, the Back
// button fires onDidTriggerButton. The extension's own prompt code runs unchanged, validation
// included; only VS Code's widget is replaced. Each shown widget takes the next step of the script.
import * as assert from 'assert';
import * as vscode from 'vscode';

type Item = vscode.QuickPickItem;

class ScriptedInput {
  readonly kind: 'input' | 'pick';
  title: string | undefined;
  step: number | undefined;
  totalSteps: number | undefined;
  buttons: readonly vscode.QuickInputButton[] = [];
  ignoreFocusOut = false;
  placeholder: string | undefined;
  prompt: string | undefined;
  value = '';
  password = false;
  validationMessage: string | vscode.InputBoxValidationMessage | undefined;
  busy = false;
  enabled = true;
  matchOnDescription = false;
  matchOnDetail = false;
  canSelectMany = false;
  items: readonly Item[] = [];
  activeItems: readonly Item[] = [];
  selectedItems: readonly Item[] = [];
  disposed = false;
  private readonly accepted = new vscode.EventEmitter<void>();
  private readonly hidden = new vscode.EventEmitter<void>();
  private readonly changed = new vscode.EventEmitter<string>();
  private readonly triggered = new vscode.EventEmitter<vscode.QuickInputButton>();
  readonly onDidAccept = this.accepted.event;
  readonly onDidHide = this.hidden.event;
  readonly onDidChangeValue = this.changed.event;
  readonly onDidTriggerButton = this.triggered.event;
  readonly onDidChangeActive = new vscode.EventEmitter<readonly Item[]>().event;
  readonly onDidChangeSelection = new vscode.EventEmitter<readonly Item[]>().event;
  readonly onDidTriggerItemButton = new vscode.EventEmitter<unknown>().event;

  constructor(kind: 'input' | 'pick', private readonly shown: (input: ScriptedInput) => void) {
    this.kind = kind;
  }

  show(): void {
    this.shown(this);
  }

  hide(): void {
    this.hidden.fire();
  }

  dispose(): void {
    this.disposed = true;
  }

  /** Types `text` (replacing what is there) and waits for the check of it. */
  async type(text: string): Promise<void> {
    this.value = text;
    this.changed.fire(text);
    await settle(() => !this.busy);
  }

  /** Presses Enter; resolves once the prompt took the answer or showed why not. */
  async enter(): Promise<void> {
    this.accepted.fire();
    await settle(() => this.disposed || (!this.busy && this.validationMessage !== undefined));
  }

  /** Picks the item whose label contains `label` (after its icon), and presses Enter. */
  async pick(...labels: string[]): Promise<void> {
    await settle(() => !this.busy && this.items.length > 0);
    const found = labels.map((l) => {
      const item = this.items.find((i) => i.label.replace(/^\$\([^)]+\)\s*/, '') === l || i.label.includes(l));
      assert.ok(item, `no "${l}" among ${this.items.map((i) => i.label).join(' | ')} (${this.placeholder})`);
      return item;
    });
    if (this.canSelectMany) { this.selectedItems = found; } else { this.activeItems = found; }
    await this.enter();
  }

  back(): void {
    assert.ok(this.buttons.includes(vscode.QuickInputButtons.Back), 'this step has no Back button');
    this.triggered.fire(vscode.QuickInputButtons.Back);
  }
}

export type ScriptStep = (input: ScriptedInput) => Promise<void>;
export type { ScriptedInput };

async function settle(done: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) { throw new Error('the prompt did not react in time'); }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Runs `work` with the quick inputs answered by `steps`, in order. Fails if a prompt appears that the
 * script has no step for, or if steps are left over; returns what `work` returned.
 */
export async function withScriptedQuickInput<T>(steps: ScriptStep[], work: () => Thenable<T>): Promise<{ result: T; shown: ScriptedInput[] }> {
  const window = vscode.window as unknown as { createInputBox: unknown; createQuickPick: unknown };
  const realInput = window.createInputBox;
  const realPick = window.createQuickPick;
  const queue = [...steps];
  const shown: ScriptedInput[] = [];
  const failures: unknown[] = [];
  const onShow = (input: ScriptedInput) => {
    shown.push(input);
    const step = queue.shift();
    if (!step) {
      failures.push(new Error(`an unexpected ${input.kind}: ${input.prompt ?? input.placeholder ?? ''}`));
      input.hide();
      return;
    }
    void step(input).catch((error: unknown) => { failures.push(error); input.hide(); });
  };
  window.createInputBox = () => new ScriptedInput('input', onShow);
  window.createQuickPick = () => new ScriptedInput('pick', onShow);
  try {
    const result = await work();
    if (failures.length > 0) { throw failures[0]; }
    assert.strictEqual(queue.length, 0, `${queue.length} scripted answers were not asked for`);
    return { result, shown };
  } finally {
    window.createInputBox = realInput;
    window.createQuickPick = realPick;
  }
}

function said(message: string | vscode.InputBoxValidationMessage | undefined): string {
  return typeof message === 'object' ? message.message : String(message);
}

/** A step that types `text` and presses Enter (it must be accepted). */
export function enter(text?: string): ScriptStep {
  return async (input) => {
    if (text !== undefined) { await input.type(text); }
    await input.enter();
    assert.ok(input.disposed, `"${input.value}" was refused: ${said(input.validationMessage)}`);
  };
}

/** A step that types something refused first (its message must match), then what is accepted. */
export function refusedThen(bad: string, message: RegExp, good: string): ScriptStep {
  return async (input) => {
    await input.type(bad);
    assert.match(said(input.validationMessage), message, `typing "${bad}"`);
    await input.enter();
    assert.ok(!input.disposed, `"${bad}" was accepted`);
    await input.type(good);
    assert.strictEqual(input.validationMessage, undefined, `"${good}" was refused: ${said(input.validationMessage)}`);
    await input.enter();
    assert.ok(input.disposed);
  };
}

export function pick(...labels: string[]): ScriptStep {
  return async (input) => { await input.pick(...labels); };
}
