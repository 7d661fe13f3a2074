// The first level of the tree. Signed out → nothing (the welcome view offers Sign in). One
// directory → its billing accounts directly. Several → one node per directory. A sign-in that
// cannot produce a token at all is a state the welcome view explains, not an error node.
import * as vscode from 'vscode';
import { adviseOnFailure } from '../commands/failureAdvice';
import type { SessionManager } from '../session/sessionManager';
import { signedInAsLabel } from '../session/signInLabels';
import { loadBillingAccountNodes } from './accountList';
import type { AccountChildrenLoader } from './billingAccountNode';
import type { ExplorerNode } from './explorerNode';
import type { ExplorerRoot } from './explorerProvider';
import { TenantNode } from './tenantNode';

export class BillingExplorerRoot implements ExplorerRoot {
  /** Which step failed decides what the error node says. */
  private step: 'directories' | 'accounts' = 'directories';
  /** Set by later features to hang profiles, credits, invoices… below each account. */
  accountChildren: AccountChildrenLoader | undefined;

  /**
   * @param showSignedInAs told who is signed in (shown beside the view's title), or undefined
   * when nobody is.
   */
  constructor(
    private readonly sessions: SessionManager,
    private readonly showSignedInAs: (label: string | undefined) => void = () => undefined,
  ) {}

  get failedToLoadLabel(): string {
    return this.step === 'directories' ? vscode.l10n.t('Could not load your Azure directories') : vscode.l10n.t('Could not load billing accounts');
  }

  async loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    const session = this.sessions.session();
    const editor = this.sessions.editor();
    const account = editor && !this.sessions.signedOutByPerson ? await editor.currentAccount() : undefined;
    if (editor && !account) {
      this.showSignedInAs(undefined);
      this.sessions.setSignInState('signedOut');
      return [];
    }
    this.step = 'directories';
    let tenants;
    try {
      tenants = await session.tenants({ signal, locale: vscode.env.language });
    } catch (error) {
      if (adviseOnFailure(error).kind === 'credentialsUnavailable') {
        this.showSignedInAs(undefined);
        this.sessions.setSignInState(editor ? 'signedOut' : 'unavailable');
        return [];
      }
      throw error;
    }
    if (tenants.length === 0) {
      this.sessions.setSignInState('noTenants');
      return [];
    }
    this.sessions.setSignInState('signedIn');
    this.showSignedInAs(signedInAsLabel(session.method, account?.label));
    this.step = 'accounts';
    if (tenants.length === 1) { return loadBillingAccountNodes(undefined, tenants[0], signal, this.accountChildren); }
    return tenants.map((connection) => new TenantNode(connection, editor !== undefined, this.accountChildren));
  }
}
