// Show Credit Balance and Show Credit Events: from a profile's node in the tree, or from the
// palette with quick picks. The balance appears in a notification and on the Credits node; the
// events open in the table panel.
import * as vscode from 'vscode';
import type { Logger } from '../../../azure/log';
import { getCreditBalance } from '../../../billing/credits';
import { listCreditEvents } from '../../../billing/creditEvents';
import type { CreditBalance, CreditEvent } from '../../../billing/models/credit';
import { balanceSummaryText, CreditsNode } from '../../explorer/creditsNode';
import type { ExplorerProvider } from '../../explorer/explorerProvider';
import { newestFirst } from '../../explorer/recentWindow';
import { creditEventsTable } from '../../tablePanel/billingTables';
import type { TableDocument } from '../../../shared/tablePanelMessages';
import { TablePanel } from '../../tablePanel/tablePanel';
import type { CreditTarget, TargetResolver } from './billingTargets';
import { ChosenRange, checkEventsRange, describeRange, EventsPreset, eventsPresetRange, pickEventsRange, rangeProblem } from './periodChoices';
import { findNode } from './treeLookup';
import { withListProgress } from './listProgress';
import { dayOfInstant } from '../../../insight/calendar';
import type { RunwayAnswer } from '../../credits/profileRunway';
import { readProfileRunway } from '../../credits/readProfileRunway';
import { runwayPhrase } from '../../credits/runwayText';
import type { PanelSource } from '../../usagePanel/panelSource';
import type { BillingScope } from '../../usagePanel/usageScope';

export interface CreditCommandDeps {
  targets: TargetResolver;
  provider: ExplorerProvider;
  view: vscode.TreeView<unknown>;
  extensionUri: vscode.Uri;
  logger: Logger;
  now: () => Date;
  /** The profile's cost source shared with the usage panel, for the credit runway. */
  costSource?: (scope: BillingScope) => PanelSource;
}

export interface BalanceResult {
  profile: CreditTarget['profile'];
  balance: CreditBalance;
  /** Undefined without credits, or when it could not be projected (the balance is still shown). */
  runway?: RunwayAnswer;
  message: string;
}

export async function showCreditBalance(deps: CreditCommandDeps, node?: unknown): Promise<BalanceResult> {
  const target = await deps.targets.creditTarget(node, vscode.l10n.t('Show Credit Balance'));
  const creditsNode = target.creditsNode ?? (await creditsNodeInTree(deps, target).catch(() => undefined));
  const scope = { accountName: target.profile.accountName, profileName: target.profile.name, agreementType: target.account.agreementType };
  const balance = creditsNode ? await creditsNode.balance() : await getCreditBalance(target.connection.transport, scope);
  const runway = balance.kind === 'summary' ? await creditRunwayOf(deps, target, creditsNode, balance) : undefined;
  const phrase = runway && runwayPhrase(runway, vscode.env.language);
  const message =
    balance.kind === 'noCredits'
      ? vscode.l10n.t('{0} has no Azure credits.', target.profile.displayName)
      : vscode.l10n.t('Credits of {0}: {1}', target.profile.displayName, balanceSummaryText(balance.summary, vscode.env.language)) + (phrase ? ` · ${phrase}` : '');
  void vscode.window.showInformationMessage(message);
  if (creditsNode && !target.creditsNode) {void deps.view.reveal(creditsNode, { select: true, focus: false }).then(undefined, () => undefined);}
  return { profile: target.profile, balance, runway, message };
}

/** The runway from the Credits node when the tree has one, else read here; a failure leaves it out. */
async function creditRunwayOf(deps: CreditCommandDeps, target: CreditTarget, node: CreditsNode | undefined, balance: CreditBalance): Promise<RunwayAnswer | undefined> {
  try {
    if (node) {return await node.runway();}
    if (!deps.costSource) {return undefined;}
    const { profile, account, connection } = target;
    const costs = deps.costSource({ kind: 'billingProfile', accountName: profile.accountName, profileName: profile.name, tenantId: connection.tenant.tenantId, label: profile.displayName });
    return await readProfileRunway({
      transport: connection.transport,
      scope: { accountName: profile.accountName, profileName: profile.name, agreementType: account.agreementType },
      costs,
      today: dayOfInstant(deps.now()),
      balance: Promise.resolve(balance),
    });
  } catch (error) {
    deps.logger.warn(`Credit runway of ${target.profile.displayName} not projected: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The Credits node of the target's profile, if the tree can reach it (ids extend their parent's). */
async function creditsNodeInTree(deps: CreditCommandDeps, target: CreditTarget): Promise<CreditsNode | undefined> {
  const wanted = `tenant/${target.connection.tenant.tenantId}/account/${target.account.name}/profile/${target.profile.name}/credits`;
  const found = await findNode(deps.provider, (n) => n.id === wanted, (n) => wanted.startsWith(`${n.id}/`));
  return found instanceof CreditsNode ? found : undefined;
}

export interface EventsArgs {
  preset?: EventsPreset;
  startDate?: string;
  endDate?: string;
}

export async function showCreditEvents(deps: CreditCommandDeps, node?: unknown, args?: EventsArgs): Promise<TableDocument | undefined> {
  const target = await deps.targets.creditTarget(node, vscode.l10n.t('Show Credit Events'));
  const range = await eventsRangeFrom(deps, args);
  if (!range) {return undefined;}
  const events = await readCreditEvents(target, range);
  const doc = creditEventsDocument(target, range, events);
  TablePanel.show(deps.extensionUri, doc);
  return doc;
}

/** The range from arguments (checked, with a message when wrong) or from the picker. */
export async function eventsRangeFrom(deps: { now(): Date }, args?: EventsArgs): Promise<ChosenRange | undefined> {
  if (args?.preset) {return eventsPresetRange(args.preset, deps.now());}
  if (args?.startDate !== undefined || args?.endDate !== undefined) {
    try {
      return checkEventsRange(args.startDate, args.endDate);
    } catch (error) {
      const problem = rangeProblem(error);
      if (!problem) {throw error;}
      void vscode.window.showErrorMessage(problem);
      return undefined;
    }
  }
  return pickEventsRange(deps.now());
}

export async function readCreditEvents(target: CreditTarget, range: ChosenRange): Promise<CreditEvent[]> {
  const scope = { accountName: target.profile.accountName, profileName: target.profile.name, agreementType: target.account.agreementType };
  const events = await withListProgress(vscode.l10n.t('Reading credit events of {0}…', target.profile.displayName), (signal) =>
    listCreditEvents(target.connection.transport, scope, { startDate: range.startDate, endDate: range.endDate }, { signal }).all(),
  );
  return events.items.sort(newestFirst((e: CreditEvent) => e.transactionDate, (e) => e.name));
}

export function creditEventsDocument(target: CreditTarget, range: ChosenRange, events: CreditEvent[]): TableDocument {
  const doc = creditEventsTable(events, {
    title: vscode.l10n.t('Credit events — {0}', target.profile.displayName),
    subtitle: describeRange(range),
    language: vscode.env.language,
    exportName: `credit-events-${range.startDate}_${range.endDate}`,
  });
  doc.exportFolder = { billingProfileName: target.profile.displayName, billingAccountName: target.account.displayName };
  return doc;
}
