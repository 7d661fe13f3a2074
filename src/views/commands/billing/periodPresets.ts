// The preset periods of credit events and invoices, as plain dates (no vscode, so unit-tested).
// The credit events default is the explorer's "last 12 months" (recentWindow.ts), defined once:
// the Credit events node and Show Credit Events from the palette open on the same days.
import { addDays, CalendarDate, utcDateOf } from '../../../billing/models/dates';
import { lastTwelveMonths } from '../../explorer/recentWindow';

export interface ChosenRange {
  startDate: CalendarDate;
  endDate: CalendarDate;
}

export type EventsPreset = 'last12Months' | 'last30Days' | 'last90Days' | 'thisBillingPeriod';
export type InvoicesPreset = 'last3Months' | 'last12Months' | 'thisYear' | 'lastYear';

/** What the Credit events node shows and the palette's picker offers first. */
export const DEFAULT_EVENTS_PRESET: EventsPreset = 'last12Months';
/** The picker's presets, the default first. */
export const EVENTS_PRESETS: readonly EventsPreset[] = [DEFAULT_EVENTS_PRESET, 'last30Days', 'last90Days', 'thisBillingPeriod'];

/** The days of a preset, ending today (UTC). The billing period of an MCA profile is the calendar month. */
export function eventsPresetRange(preset: EventsPreset, now: Date): ChosenRange {
  const today = utcDateOf(now);
  switch (preset) {
    case 'last12Months': {
      const window = lastTwelveMonths(now);
      return { startDate: window.from, endDate: window.to };
    }
    case 'last30Days':
      return { startDate: addDays(today, -29), endDate: today };
    case 'last90Days':
      return { startDate: addDays(today, -89), endDate: today };
    case 'thisBillingPeriod':
      return { startDate: `${today.slice(0, 8)}01` as CalendarDate, endDate: today };
  }
}

export function invoicesPresetRange(preset: InvoicesPreset, now: Date): ChosenRange {
  const today = utcDateOf(now);
  const year = Number(today.slice(0, 4));
  switch (preset) {
    case 'last3Months':
      return { startDate: addDays(today, -91), endDate: today };
    case 'last12Months': {
      const window = lastTwelveMonths(now);
      return { startDate: window.from, endDate: window.to };
    }
    case 'thisYear':
      return { startDate: `${year}-01-01` as CalendarDate, endDate: today };
    case 'lastYear':
      return { startDate: `${year - 1}-01-01` as CalendarDate, endDate: `${year - 1}-12-31` as CalendarDate };
  }
}
