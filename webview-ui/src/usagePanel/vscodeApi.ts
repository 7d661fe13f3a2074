// The one handle a webview gets on its host: messages out, and a small state that survives the
// panel being hidden or the window reloading (restored by the host's serializer).

import type { PanelSelection, WebviewToHost } from '../../../src/shared/usagePanelMessages';

export interface PanelState {
  selection?: PanelSelection;
  /** The currency and meter picked when the data has several. */
  currency?: string;
  meterId?: string;
  /** Group keys hidden through the legend. */
  hidden?: string[];
  /** What the host needs to reopen this panel after a reload (it reads it in its serializer). */
  restore?: unknown;
}

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// acquireVsCodeApi may be called only once per page.
const api: VsCodeApi = acquireVsCodeApi();

export function post(message: WebviewToHost): void {
  api.postMessage(message);
}

export function loadState(): PanelState {
  return api.getState() ?? {};
}

export function saveState(patch: Partial<PanelState>): PanelState {
  const next = { ...loadState(), ...patch };
  api.setState(next);
  return next;
}
