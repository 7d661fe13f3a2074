// What a billing command acts on: taken from the tree node it was run on, or, from the palette,
// asked with quick picks (directory and account are folded into each choice's description).
import * as vscode from 'vscode';
import { cancelledError } from '../../../azure/errors';
import type { Logger } from '../../../azure/log';
import type { BillingAccount } from '../../../billing/models/account';
import type { Invoice } from '../../../billing/models/invoice';
import { BillingProfileNode } from '../../explorer/billingProfileNode';
import { CreditEventsFolderNode } from '../../explorer/creditEventsFolderNode';
import { CreditsNode } from '../../explorer/creditsNode';
import { InvoiceNode } from '../../explorer/invoiceNode';
import type { InvoiceSource } from '../../explorer/invoiceSource';
import { InvoicesFolderNode } from '../../explorer/invoicesFolderNode';
import type { TenantConnection } from '../../session/billingSession';
import type { SessionManager } from '../../session/sessionManager';
import { tenantLabel } from '../../session/tenantDirectory';
import { AccountChoice, listAccounts, listCreditProfiles, listInvoiceSources } from './billingCatalog';

export interface CreditTarget {
  connection: TenantConnection;
  account: BillingAccount;
  profile: { accountName: string; name: string; displayName: string; currency?: string };
  /** The tree's Credits node, when the command was run from the tree. */
  creditsNode?: CreditsNode;
}

export interface InvoiceSourceTarget {
  connection: TenantConnection;
  account: BillingAccount;
  source: InvoiceSource;
  /** The name the download folder is given. */
  folderName: string;
}

export interface InvoiceTarget extends InvoiceSourceTarget {
  invoice: Invoice;
}

export class TargetResolver {
  constructor(
    private readonly sessions: SessionManager,
    private readonly logger: Logger,
  ) {}

  private async accounts(): Promise<AccountChoice[]> {
    const tenants = await this.sessions.session().tenants({ locale: vscode.env.language });
    return listAccounts(tenants, this.logger);
  }

  creditTargetOf(node: unknown): CreditTarget | undefined {
    if (node instanceof CreditsNode || node instanceof CreditEventsFolderNode) {
      return { connection: node.scope.connection, account: node.scope.account, profile: node.profile, creditsNode: node instanceof CreditsNode ? node : undefined };
    }
    if (node instanceof BillingProfileNode) {
      return { connection: node.scope.connection, account: node.scope.account, profile: { ...node.ref, currency: node.profile.currency } };
    }
    return undefined;
  }

  async creditTarget(node: unknown, title: string): Promise<CreditTarget> {
    const fromNode = this.creditTargetOf(node);
    if (fromNode) { return fromNode; }
    const choices = this.accounts().then((accounts) => listCreditProfiles(accounts, this.logger));
    const items = choices.then((list) =>
      list.map((c) => ({
        label: c.profile.displayName,
        description: [c.profile.currency, c.account.displayName].filter(Boolean).join(' · '),
        detail: tenantLabel(c.connection.tenant),
        choice: c,
      })),
    );
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Choose a billing profile (Microsoft Customer Agreement)'), ignoreFocusOut: true, matchOnDescription: true });
    if (!picked) {
      if ((await choices).length === 0) { throw new NoChoiceError(vscode.l10n.t('No Microsoft Customer Agreement billing profile is visible to this sign-in. Credits are kept per MCA billing profile.')); }
      throw cancelledError('Choosing a billing profile');
    }
    const { connection, account, profile } = picked.choice;
    return { connection, account, profile: { accountName: account.name, name: profile.name, displayName: profile.displayName, currency: profile.currency } };
  }

  invoiceSourceOf(node: unknown): InvoiceSourceTarget | undefined {
    if (node instanceof InvoicesFolderNode) {
      return { connection: node.scope.connection, account: node.scope.account, source: node.source, folderName: node.source.displayName };
    }
    if (node instanceof BillingProfileNode) {
      const p = node.profile;
      return {
        connection: node.scope.connection,
        account: node.scope.account,
        source: { kind: 'profile', accountName: p.accountName, profileName: p.name, displayName: p.displayName },
        folderName: p.displayName,
      };
    }
    return undefined;
  }

  async invoiceSource(node: unknown, title: string): Promise<InvoiceSourceTarget> {
    const fromNode = this.invoiceSourceOf(node);
    if (fromNode) { return fromNode; }
    const choices = this.accounts().then((accounts) => listInvoiceSources(accounts, this.logger));
    const items = choices.then((list) =>
      list.map((c) => ({
        label: c.source.displayName,
        description: c.source.kind === 'profile' ? c.account.displayName : undefined,
        detail: tenantLabel(c.connection.tenant),
        choice: c,
      })),
    );
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Choose a billing profile or billing account'), ignoreFocusOut: true, matchOnDescription: true });
    if (!picked) {
      if ((await choices).length === 0) { throw new NoChoiceError(vscode.l10n.t('No billing account is visible to this sign-in, so there are no invoices to show.')); }
      throw cancelledError('Choosing where invoices come from');
    }
    return picked.choice;
  }

  invoiceOf(node: unknown): InvoiceTarget | undefined {
    if (!(node instanceof InvoiceNode)) { return undefined; }
    const folder = node.parent instanceof InvoicesFolderNode ? node.parent : undefined;
    const source: InvoiceSource = folder?.source ?? { kind: 'account', accountName: node.scope.account.name, agreementType: node.scope.account.agreementType, displayName: node.folderName };
    return { connection: node.scope.connection, account: node.scope.account, source, folderName: node.folderName, invoice: node.invoice };
  }
}

/** Nothing to choose from: a state to explain, not a failure. */
export class NoChoiceError extends Error {
  override readonly name = 'NoChoiceError';
}
