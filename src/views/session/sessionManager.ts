// Holds the current BillingSession and rebuilds it when a setting that decides sign-in or cloud
// changes, or when the editor's Microsoft accounts change. It also keeps the sign-in state as the
// `azureBilling.signInState` context key, which `viewsWelcome` and menus in package.json read.
import * as vscode from 'vscode';
import { editorCloudEnvironment, EditorSignIn, editorSignIn } from '../../azure/editorSignIn';
import type { RequestListener } from '../../azure/instrumentation';
import type { Logger } from '../../azure/log';
import type { TokenSource } from '../../azure/tokenSource';
import { BillingSession, environmentTokenSource } from './billingSession';
import { BillingSettings, chooseCloud, normaliseSettings } from './cloudChoice';
import { editorConsentPort } from './customHostConsent';
import { consentGatedTokenSource, credentialOrigins } from './customHostGate';
import { editorProxyOptions, NETWORK_SETTINGS, userAgent } from './networkSettings';

export type SignInState = 'signedOut' | 'signedIn' | 'unavailable' | 'noTenants';

/** Only a flag: the person chose "Sign Out" for this extension. No token is ever kept. */
const EDITOR_SIGNED_OUT_KEY = 'azureBilling.editorSignedOut';
const SETTINGS_THAT_RECONNECT = ['azureBilling.authentication', 'azureBilling.cloud', 'azureBilling.customCloud', 'microsoft-sovereign-cloud', ...NETWORK_SETTINGS];

interface Current {
  session: BillingSession;
  editor?: EditorSignIn & vscode.Disposable;
}

export class SessionManager implements vscode.Disposable {
  private current: Current | undefined;
  private state: SignInState | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** The session was replaced or the editor's accounts changed: whatever was loaded is stale. */
  readonly onDidChange = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<SignInState>();
  /** The sign-in state changed (signed out: the status bar hides). */
  readonly onDidChangeSignInState = this.stateChanged.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Benchmarks and diagnostics may watch every HTTP attempt. */
  onRequest: RequestListener | undefined;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly logger: Logger,
    /** The extension's version, for the user agent. */
    private readonly extensionVersion = '0.0.0',
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (SETTINGS_THAT_RECONNECT.some((s) => e.affectsConfiguration(s))) {this.reconnect('settings changed');}
      }),
    );
  }

  settings(): BillingSettings {
    const config = vscode.workspace.getConfiguration('azureBilling');
    return normaliseSettings({ authentication: config.get('authentication'), cloud: config.get('cloud'), customCloud: config.get('customCloud') });
  }

  /** The session for the current settings, built on first use (activation itself makes no network call). */
  session(): BillingSession {
    return this.connect().session;
  }

  /** The editor's sign-in, when that is the chosen method. */
  editor(): EditorSignIn | undefined {
    return this.connect().editor;
  }

  get signedOutByPerson(): boolean {
    return this.memento.get<boolean>(EDITOR_SIGNED_OUT_KEY, false);
  }

  async setSignedOutByPerson(value: boolean): Promise<void> {
    await this.memento.update(EDITOR_SIGNED_OUT_KEY, value || undefined);
  }

  get signInState(): SignInState | undefined {
    return this.state;
  }

  setSignInState(state: SignInState): void {
    if (state === this.state) {return;}
    this.state = state;
    this.logger.debug(`sign-in state: ${state}`);
    void vscode.commands.executeCommand('setContext', 'azureBilling.signInState', state);
    this.stateChanged.fire(state);
  }

  /** Drop the session (and its connections) so the next use builds one from the settings. */
  reconnect(reason: string): void {
    this.logger.info(`Reconnecting: ${reason}.`);
    this.disposeCurrent();
    this.changed.fire();
  }

  private connect(): Current {
    if (this.current) {return this.current;}
    const settings = this.settings();
    const editorEnv = settings.authentication === 'editor' ? editorCloudEnvironment() : undefined;
    const { cloud, warning } = chooseCloud(settings, editorEnv);
    if (warning) {this.logger.warn(warning);}
    const proxy = editorProxyOptions();
    // URL last and followed by nothing (see below); the redaction drops any credentials in it.
    if (proxy.url) {this.logger.info(`Reaching Azure through the proxy ${proxy.url}`);}
    const network = { proxy, userAgent: userAgent(this.extensionVersion) };
    let current: Current;
    if (settings.authentication === 'editor') {
      const editor = editorSignIn(cloud.scope);
      editor.onDidChangeSessions(() => {
        this.logger.info(`The editor's ${editor.providerId} accounts changed.`);
        this.changed.fire();
      });
      const tokenSource = this.gated(editor, credentialOrigins(cloud));
      current = { editor, session: new BillingSession({ method: 'editor', cloud, tokenSource, logger: this.logger, onRequest: this.onRequest, ...network }) };
      // URLs last and followed by nothing: the log's redaction reads "host:port." as part of a URL.
      this.logger.info(`Signing in with the editor's account through auth provider '${editor.providerId}'. Scope: ${cloud.scope} ARM: ${cloud.resourceManagerEndpoint}`);
    } else {
      const { tokenSource, knownSecrets, secretAuthority } = environmentTokenSource(settings.authentication, cloud, process.env, proxy);
      const gated = this.gated(tokenSource, credentialOrigins(cloud, secretAuthority));
      current = { session: new BillingSession({ method: settings.authentication, cloud, tokenSource: gated, knownSecrets, logger: this.logger, onRequest: this.onRequest, ...network }) };
      this.logger.info(`Signing in with ${settings.authentication}. ARM: ${cloud.resourceManagerEndpoint} Authority: ${cloud.authorityHost}`);
    }
    this.current = current;
    return current;
  }

  /** A Custom cloud's hosts get no credential before the person allowed them (customHostConsent.ts). */
  private gated(tokenSource: TokenSource, origins: string[]): TokenSource {
    return origins.length === 0 ? tokenSource : consentGatedTokenSource(tokenSource, origins, editorConsentPort(this.memento));
  }

  private disposeCurrent(): void {
    this.current?.session.dispose();
    this.current?.editor?.dispose();
    this.current = undefined;
  }

  dispose(): void {
    this.disposeCurrent();
    this.changed.dispose();
    this.stateChanged.dispose();
    for (const s of this.subscriptions) {s.dispose();}
  }
}
