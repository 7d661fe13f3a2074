// The periods a person can pick for credit events and invoices: presets, and a custom range whose
// dates are checked against what the APIs accept, with a message that says what is wrong.
import * as vscode from 'vscode';
import { MAX_EVENT_RANGE_MONTHS, validateEventRange } from '../../../billing/creditEvents';
import { checkDateRange, DateRangeError } from '../../../billing/dateRange';
import { parseCalendarDate } from '../../../billing/models/dates';
import { cancelledError } from '../../../azure/errors';
import { formatCalendarDate } from '../../format/displayFormat';
import { ChosenRange, DEFAULT_EVENTS_PRESET, EVENTS_PRESETS, EventsPreset, eventsPresetRange, InvoicesPreset, invoicesPresetRange } from './periodPresets';

export { DEFAULT_EVENTS_PRESET, EVENTS_PRESETS, eventsPresetRange, invoicesPresetRange } from './periodPresets';
export type { ChosenRange, EventsPreset, InvoicesPreset } from './periodPresets';

/** What is wrong with a range, in the person's language; undefined when the API will accept it. */
export function rangeProblem(error: unknown): string | undefined {
  if (!(error instanceof DateRangeError)) return undefined;
  switch (error.problem) {
    case 'missingStart':
      return vscode.l10n.t('Enter a start date: Azure needs both a start and an end date.');
    case 'missingEnd':
      return vscode.l10n.t('Enter an end date: Azure needs both a start and an end date.');
    case 'invalidStart':
      return vscode.l10n.t('The start date is not a real date. Use the form YYYY-MM-DD, for example 2026-01-31.');
    case 'invalidEnd':
      return vscode.l10n.t('The end date is not a real date. Use the form YYYY-MM-DD, for example 2026-01-31.');
    case 'startAfterEnd':
      return vscode.l10n.t('The start date is after the end date. Swap them, or pick an end date on or after the start.');
    case 'rangeTooLong':
      return vscode.l10n.t('Credit events can be read for at most {0} months at a time. Choose a shorter range.', MAX_EVENT_RANGE_MONTHS);
  }
}

/** Checks a credit-events range as the API would; throws DateRangeError. */
export function checkEventsRange(startDate: string | undefined, endDate: string | undefined): ChosenRange {
  return validateEventRange({ startDate: startDate?.trim(), endDate: endDate?.trim() });
}

/** Checks an invoice period (real dates, in order); throws DateRangeError. */
export function checkInvoicesRange(startDate: string | undefined, endDate: string | undefined): ChosenRange {
  // Both dates: the person chose a custom range, so the list's default window does not apply.
  const { from, to } = checkDateRange({ from: startDate?.trim(), to: endDate?.trim() }, { subject: 'invoice period' });
  return { startDate: from, endDate: to };
}

/** Two input boxes, each validated as the person types; the second checks the whole range. */
export async function askCustomRange(check: (start: string, end: string) => ChosenRange, suggestion: ChosenRange): Promise<ChosenRange> {
  const start = await vscode.window.showInputBox({
    title: vscode.l10n.t('Start date'),
    prompt: vscode.l10n.t('First day of the range, as YYYY-MM-DD'),
    value: suggestion.startDate,
    ignoreFocusOut: true,
    validateInput: (value) => (parseCalendarDate(value.trim()).ok ? undefined : rangeProblem(new DateRangeError(value.trim() ? 'invalidStart' : 'missingStart', ''))),
  });
  if (start === undefined) throw cancelledError('Choosing a range');
  const end = await vscode.window.showInputBox({
    title: vscode.l10n.t('End date'),
    prompt: vscode.l10n.t('Last day of the range, as YYYY-MM-DD'),
    value: suggestion.endDate,
    ignoreFocusOut: true,
    validateInput: (value) => {
      try {
        check(start, value);
        return undefined;
      } catch (error) {
        return rangeProblem(error) ?? String(error);
      }
    },
  });
  if (end === undefined) throw cancelledError('Choosing a range');
  return check(start, end);
}

interface PresetItem<P> extends vscode.QuickPickItem {
  preset?: P;
}

export async function pickEventsRange(now: Date): Promise<ChosenRange> {
  const labels: Record<EventsPreset, vscode.QuickPickItem> = {
    last12Months: { label: vscode.l10n.t('Last 12 months') },
    last30Days: { label: vscode.l10n.t('Last 30 days') },
    last90Days: { label: vscode.l10n.t('Last 90 days') },
    thisBillingPeriod: { label: vscode.l10n.t('This billing period'), description: vscode.l10n.t('since the first of this month') },
  };
  const items: PresetItem<EventsPreset>[] = [...EVENTS_PRESETS.map((preset) => ({ ...labels[preset], preset })), { label: vscode.l10n.t('Custom range…') }];
  for (const item of items) if (item.preset) item.detail = describeRange(eventsPresetRange(item.preset, now));
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Credit events for which period?'), ignoreFocusOut: true });
  if (!chosen) throw cancelledError('Choosing a period');
  if (chosen.preset) return eventsPresetRange(chosen.preset, now);
  return askCustomRange(checkEventsRange, eventsPresetRange(DEFAULT_EVENTS_PRESET, now));
}

export async function pickInvoicesRange(now: Date, title: string): Promise<ChosenRange> {
  const items: PresetItem<InvoicesPreset>[] = [
    { label: vscode.l10n.t('Last 3 months'), preset: 'last3Months' },
    { label: vscode.l10n.t('Last 12 months'), preset: 'last12Months' },
    { label: vscode.l10n.t('This year'), preset: 'thisYear' },
    { label: vscode.l10n.t('Last year'), preset: 'lastYear' },
    { label: vscode.l10n.t('Custom range…') },
  ];
  for (const item of items) if (item.preset) item.detail = describeRange(invoicesPresetRange(item.preset, now));
  const chosen = await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true });
  if (!chosen) throw cancelledError('Choosing a period');
  if (chosen.preset) return invoicesPresetRange(chosen.preset, now);
  return askCustomRange(checkInvoicesRange, invoicesPresetRange('last12Months', now));
}

export function describeRange(range: ChosenRange): string {
  const language = vscode.env.language;
  return `${formatCalendarDate(range.startDate, language)} – ${formatCalendarDate(range.endDate, language)}`;
}
