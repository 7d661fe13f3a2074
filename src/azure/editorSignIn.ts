// The editor's own Microsoft sign-in as a TokenSource. This is the one file below `views/` that
// knows VS Code exists: it asks `vscode.authentication` (through @microsoft/vscode-azext-azureauth,
// which picks the `microsoft` or `microsoft-sovereign-cloud` provider from the editor's
// `microsoft-sovereign-cloud.*` settings) for a session whenever a token is needed. The editor
// keeps and refreshes the tokens; this extension never stores one.
//
// What a stand-in authentication provider (tests, demo) must answer: provider id `microsoft`
// (`microsoft-sovereign-cloud` once `microsoft-sovereign-cloud.environment` is set); scopes
// `[<ARM audience>.default]` to list the directories, then `[<ARM audience>.default,
// VSCODE_TENANT:<tenantId>]` for everything inside each directory (the home one too). With
// `azureBilling.cloud: Custom` the audience is `https://management.azure.com/`, so the scope is
// `https://management.azure.com/.default`. Requests are silent except from the Sign In commands
// (`createIfNone`).
import * as vscode from 'vscode';
import { getConfiguredAuthProviderId, getConfiguredAzureEnv, getSessionFromVSCode } from '@microsoft/vscode-azext-azureauth';
import { AzureError, cancelledError } from './errors';
import { AccessTokenResult, GetTokenOptions, TokenSource } from './tokenSource';

/** What the editor's sovereign-cloud settings describe, reduced to what cloud choice needs. */
export interface EditorCloudEnvironment {
  /** `AzureCloud`, `AzureChinaCloud`, `AzureUSGovernment`, or the custom environment's own name. */
  name: string;
  isCustomCloud: boolean;
  resourceManagerEndpointUrl: string;
  activeDirectoryEndpointUrl: string;
  /** The resource whose `.default` scope ARM tokens are asked for. */
  managementEndpointUrl: string;
}

/** The editor's configured environment; a broken custom-cloud setting falls back to public Azure. */
export function editorCloudEnvironment(): EditorCloudEnvironment {
  try {
    const env = getConfiguredAzureEnv();
    return {
      name: env.name,
      isCustomCloud: env.isCustomCloud,
      resourceManagerEndpointUrl: env.resourceManagerEndpointUrl,
      activeDirectoryEndpointUrl: env.activeDirectoryEndpointUrl,
      managementEndpointUrl: env.managementEndpointUrl,
    };
  } catch {
    return {
      name: 'AzureCloud',
      isCustomCloud: false,
      resourceManagerEndpointUrl: 'https://management.azure.com/',
      activeDirectoryEndpointUrl: 'https://login.microsoftonline.com/',
      managementEndpointUrl: 'https://management.core.windows.net/',
    };
  }
}

/** `microsoft` for public Azure (and any Custom ARM host signed in through it), else `microsoft-sovereign-cloud`. */
export function editorAuthProviderId(): string {
  try {
    return getConfiguredAuthProviderId();
  } catch {
    return 'microsoft';
  }
}

export class NotSignedInToEditorError extends Error {
  constructor(tenantId?: string) {
    super(tenantId ? `Not signed in to directory ${tenantId} in the editor.` : 'Not signed in to the editor with a Microsoft account.');
    // The name failure advice recognises as "no credential": show sign-in, not an error.
    this.name = 'NotSignedInError';
  }
}

export interface EditorSignIn extends TokenSource {
  readonly providerId: string;
  /** The signed-in account, without prompting; undefined when there is none this extension may use. */
  currentAccount(): Promise<vscode.AuthenticationSessionAccountInformation | undefined>;
  /** Prompts (account picker, consent) and resolves to the account, or undefined when the person declined. */
  signIn(tenantId?: string): Promise<vscode.AuthenticationSessionAccountInformation | undefined>;
  /** Fires when the editor's sessions of this provider change (sign-in or sign-out in the Accounts menu). */
  readonly onDidChangeSessions: vscode.Event<void>;
}

/** The `exp` claim of a JWT, so the shared cache above knows when to ask again; a guess otherwise. */
function expiryOf(token: string): number {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown } | null;
    if (typeof claims?.exp === 'number') { return claims.exp * 1000; }
  } catch {
    // Not a JWT: the editor refreshes it for us anyway.
  }
  return Date.now() + 5 * 60_000;
}

/**
 * @param armScope the `.default` scope of the ARM audience, e.g. `https://management.core.windows.net/.default`.
 * Tokens for other tenants are asked with the `VSCODE_TENANT:<id>` pseudo-scope, added by getSessionFromVSCode.
 */
export function editorSignIn(armScope: string): EditorSignIn & vscode.Disposable {
  const providerId = editorAuthProviderId();
  const changed = new vscode.EventEmitter<void>();
  const listener = vscode.authentication.onDidChangeSessions((e) => {
    if (e.provider.id === providerId) { changed.fire(); }
  });

  async function session(scope: string, tenantId: string | undefined, options: vscode.AuthenticationGetSessionOptions) {
    return getSessionFromVSCode(scope || armScope, tenantId, options);
  }

  return {
    kind: 'vscode',
    providerId,
    onDidChangeSessions: changed.event,
    async getToken(scope: string, options: GetTokenOptions = {}): Promise<AccessTokenResult> {
      if (options.signal?.aborted) { throw cancelledError('Signing in'); }
      let found: vscode.AuthenticationSession | undefined;
      try {
        // Silent: a token request in the middle of loading a tree must never pop up a dialog.
        found = await session(scope, options.tenantId, { silent: true });
      } catch (e) {
        throw new AzureError({ kind: 'auth', message: `The editor's sign-in (${providerId}) failed: ${(e as Error).message}`, cause: e });
      }
      if (!found) {
        throw new AzureError({ kind: 'auth', message: new NotSignedInToEditorError(options.tenantId).message, cause: new NotSignedInToEditorError(options.tenantId) });
      }
      return { token: found.accessToken, expiresOnTimestamp: expiryOf(found.accessToken) };
    },
    async currentAccount() {
      const found = await session(armScope, undefined, { silent: true });
      return found?.account;
    },
    async signIn(tenantId?: string) {
      const found = await session(armScope, tenantId, { createIfNone: true, clearSessionPreference: tenantId === undefined });
      return found?.account;
    },
    dispose() {
      listener.dispose();
      changed.dispose();
    },
  };
}
