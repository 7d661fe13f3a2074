// The usage panel's Credits view for a billing profile (docs/credit-runway.md): whether to offer it
// (the profile has credits: one Consumption call, no Cost Management quota), and what it shows —
// the runway (readProfileRunway.ts, whose spend comes from the profile's shared cost source) and a
// year of the credit ledger's running balance, built into the page's payload (creditsPayload.ts).

import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import type { ArmTransport } from '../../azure/transport';
import { CreditScope, getCreditBalance } from '../../billing/credits';
import { listCreditEvents } from '../../billing/creditEvents';
import type { CreditEvent } from '../../billing/models/credit';
import { addMonthsClamped, DayNumber, formatIsoDate } from '../../insight/calendar';
import type { CreditsPayload, CreditsStrings } from '../../shared/usagePanelMessages';
import { formatCalendarDate, formatMoney } from '../format/displayFormat';
import type { PanelSource } from '../usagePanel/panelSource';
import type { BillingScope } from '../usagePanel/usageScope';
import { creditsPayload } from './creditsPayload';
import { minorToAmount } from './profileRunway';
import { readProfileRunway } from './readProfileRunway';
import { runwayLines } from './runwayText';

export type CreditsAnswer = { kind: 'credits'; payload: CreditsPayload } | { kind: 'empty'; message: string };

export interface CreditsViewInputs {
  transport: ArmTransport;
  scope: BillingScope;
  /** The profile's shared cost source (UsagePanels.sourceFor): the forecast spend costs no query of its own. */
  costs: PanelSource;
  today: DayNumber;
  logger: Logger;
  signal?: AbortSignal;
}

/** Billing profiles only; credits exist under a Microsoft Customer Agreement (requireMcaCredits). */
export function creditScopeOf(scope: BillingScope): CreditScope | undefined {
  if (scope.kind !== 'billingProfile' || !scope.profileName) {return undefined;}
  return { accountName: scope.accountName, profileName: scope.profileName, agreementType: 'MicrosoftCustomerAgreement' };
}

/** Whether the profile has credits; any failure (another agreement, no access) means no Credits view. */
export async function creditsOffered(transport: ArmTransport, scope: BillingScope, logger: Logger, signal?: AbortSignal): Promise<boolean> {
  const creditScope = creditScopeOf(scope);
  if (!creditScope) {return false;}
  try {
    return (await getCreditBalance(transport, creditScope, { signal })).kind === 'summary';
  } catch (error) {
    logger.debug(`Usage panel ${scope.label}: no Credits view (${error instanceof Error ? error.message : String(error)}).`);
    return false;
  }
}

export async function readCreditsView(inputs: CreditsViewInputs): Promise<CreditsAnswer> {
  const { transport, scope, today, signal } = inputs;
  const creditScope = creditScopeOf(scope);
  if (!creditScope) {return { kind: 'empty', message: vscode.l10n.t('The billing profile {0} has no Azure credits.', scope.label) };}
  const [runway, events] = await Promise.all([
    readProfileRunway({ transport, scope: creditScope, costs: inputs.costs, today, signal }),
    readLedger(inputs, creditScope),
  ]);
  if (!runway) {return { kind: 'empty', message: vscode.l10n.t('The billing profile {0} has no Azure credits.', scope.label) };}
  if (runway.kind !== 'runway') {return { kind: 'empty', message: runwayLines(runway, vscode.env.language).join(' ') };}
  const language = vscode.env.language;
  const r = runway.runway;
  const money = (minor: number) => formatMoney({ amount: minorToAmount(minor, r.balance.currency), currency: r.balance.currency }, language);
  return {
    kind: 'credits',
    payload: creditsPayload({
      runway: r,
      events,
      today,
      title: vscode.l10n.t('{0} · credits as of {1}', scope.label, formatCalendarDate(formatIsoDate(today), language)),
      notes: [
        vscode.l10n.t('Actual: the balance after each event of the credit ledger. Projected: the balance at the forecast spend, with what each lot still holds lost on its last day.'),
        vscode.l10n.t(
          'Assumes {0} a day (the billing period forecast), taken from the lot that expires first (earliest expiry first), as Azure applies credits.',
          money(r.dailySpend),
        ),
      ],
    }),
  };
}

/** The last year of the credit ledger (one request); without it the chart shows the projection only. */
async function readLedger(inputs: CreditsViewInputs, scope: CreditScope): Promise<CreditEvent[]> {
  try {
    const listing = listCreditEvents(inputs.transport, scope, { startDate: formatIsoDate(addMonthsClamped(inputs.today, -12)), endDate: formatIsoDate(inputs.today) }, { signal: inputs.signal });
    return (await listing.all()).items;
  } catch (error) {
    if (inputs.signal?.aborted) {throw error;}
    inputs.logger.warn(`Usage panel ${inputs.scope.label}: the credit ledger could not be read; the Credits view shows the projection only (${error instanceof Error ? error.message : String(error)}).`);
    return [];
  }
}

export function creditsStrings(): CreditsStrings {
  return {
    chartLabel: vscode.l10n.t('Chart of the credit balance over time, actual then projected, with lot expiries marked'),
    actual: vscode.l10n.t('Balance (credit ledger)'),
    projected: vscode.l10n.t('Projected balance'),
    expiry: vscode.l10n.t('Lot expires'),
    balance: vscode.l10n.t('Balance'),
    runsOut: vscode.l10n.t('Runs out'),
    lastsAtThisSpend: vscode.l10n.t('lasts at this spend'),
    expiresUnused: vscode.l10n.t('Projected to expire unused'),
    dailySpend: vscode.l10n.t('Forecast spend per day'),
    historyCaption: vscode.l10n.t('Credit balance over time'),
    event: vscode.l10n.t('What happens'),
    lotsCaption: vscode.l10n.t('Credit lots, earliest expiry first'),
    lot: vscode.l10n.t('Lot'),
    remaining: vscode.l10n.t('Left'),
    expires: vscode.l10n.t('Expires'),
    outcome: vscode.l10n.t('Projection'),
    noExpiry: vscode.l10n.t('no expiry'),
    usedUp: vscode.l10n.t('used up'),
    notUsedUp: vscode.l10n.t('not used up'),
  };
}
