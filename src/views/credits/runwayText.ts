// How the credit runway reads: a short phrase for the Credits node's description and the status
// bar ("runs out ~Mar 14, 2027"), and Markdown lines for tooltips that say what is assumed
// (earliest expiry first, the forecast's daily spend) and what each lot is projected to lose.

import * as vscode from 'vscode';
import { formatIsoDate } from '../../insight/calendar';
import { formatCalendarDate, formatMoney } from '../format/displayFormat';
import { escapeMarkdown } from '../statusBar/glanceText';
import { minorToAmount, RunwayAnswer } from './profileRunway';

const day = (d: number, language: string) => formatCalendarDate(formatIsoDate(d), language);

/** "runs out ~Mar 14, 2027"; undefined when there is nothing short to say. */
export function runwayPhrase(answer: RunwayAnswer, language: string): string | undefined {
  if (answer.kind !== 'runway') {return undefined;}
  const r = answer.runway;
  if (r.runsOutOn === undefined) {return vscode.l10n.t('lasts at this spend');}
  return vscode.l10n.t('runs out ~{0}', day(r.runsOutOn, language));
}

/** Tooltip paragraphs (Markdown, to be joined by blank lines) explaining the runway and its assumptions. */
export function runwayLines(answer: RunwayAnswer, language: string): string[] {
  switch (answer.kind) {
    case 'noBalance':
      return [vscode.l10n.t('No credit balance left to run out.')];
    case 'noSpend':
      return [vscode.l10n.t('No spend to forecast yet, so no runway.')];
    case 'otherCurrency':
      return [vscode.l10n.t('The credit is in {0} and the spend in {1}: amounts are never converted, so no runway is projected.', answer.creditCurrency, answer.spendCurrency)];
    case 'runway':
      break;
  }
  const r = answer.runway;
  const m = (amount: number) => escapeMarkdown(formatMoney({ amount, currency: r.balance.currency }, language));
  const lines: string[] = [];
  if (r.runsOutOn === undefined) {lines.push(vscode.l10n.t('At the forecast spend the credits do not run out.'));}
  else if (r.runsOutBy === 'expiry') {lines.push(vscode.l10n.t('Credits run out around **{0}**, when the last lot expires.', day(r.runsOutOn, language)));}
  else {lines.push(vscode.l10n.t('Credits run out around **{0}** at the forecast spend.', day(r.runsOutOn, language)));}
  if (r.expiresUnused.amount > 0) {lines.push(vscode.l10n.t('Projected to expire unused: **{0}**', m(r.expiresUnused.amount)));}
  // One block: a Markdown list, its items on consecutive lines.
  const lots = r.lots.map((lot) => {
    const expires = lot.lastDay !== undefined ? day(lot.lastDay, language) : vscode.l10n.t('no expiry');
    const fate = lot.expiresUnused.amount > 0 ? vscode.l10n.t('{0} expires unused', m(lot.expiresUnused.amount)) : lot.usedUpOn !== undefined ? vscode.l10n.t('used up ~{0}', day(lot.usedUpOn, language)) : vscode.l10n.t('not used up');
    return `- ${vscode.l10n.t('Lot {0} ({1} left, expires {2}): {3}', escapeMarkdown(lot.id), m(lot.remaining.amount), expires, fate)}`;
  });
  if (lots.length > 0) {lines.push(lots.join('\n'));}
  lines.push(
    vscode.l10n.t(
      'Assumes {0} a day (the billing period forecast), taken from the lot that expires first (earliest expiry first), as Azure applies credits.',
      m(minorToAmount(r.dailySpend, r.balance.currency)),
    ),
  );
  return lines;
}
