// List parameters of Microsoft.Billing: invoice period dates (docs/azure-apis.md#invoices-list) and
// the 2024-04-01 `top`/`skip` (no `$`). `filter`, `orderBy`, `search` and `count` are accepted and
// ignored (a documented guess).
import { badRequest } from '../../arm';
import type { EmuRequest } from '../../http';
import { isCalendarDate } from '../../world/billing/calendar';
import { V2024 } from './versions';

/** `YYYY-MM-DD` (what every example sends) or `MM-DD-YYYY` (what the spec text describes). */
export function parseBillingDate(text: string, param: string): string {
  const us = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
  const iso = us ? `${us[3]}-${us[1]}-${us[2]}` : text;
  if (!isCalendarDate(iso)) { badRequest(`The value '${text}' of '${param}' is not a valid date. Use YYYY-MM-DD (MM-DD-YYYY is also accepted).`, 'InvalidDateFormat'); }
  return iso;
}

export interface PeriodWindow {
  start: string;
  end: string;
}

/** The invoice window; `required` on 2019-10-01-preview and 2020-05-01, optional on 2024-04-01. */
export function periodWindow(req: EmuRequest, required: boolean): PeriodWindow | undefined {
  const startText = req.q('periodStartDate');
  const endText = req.q('periodEndDate');
  if (!startText || !endText) {
    if (required || startText || endText) {
      badRequest(`Both 'periodStartDate' and 'periodEndDate' are required${required ? ` for api-version '${req.apiVersion}'` : ' when either is given'}.`, 'MissingRequiredParameter');
    }
    return undefined;
  }
  const start = parseBillingDate(startText, 'periodStartDate');
  const end = parseBillingDate(endText, 'periodEndDate');
  if (end < start) { badRequest(`'periodEndDate' (${end}) is earlier than 'periodStartDate' (${start}).`, 'InvalidDateRange'); }
  return { start, end };
}

/** `top` (1–50) and `skip` of 2024-04-01 lists, applied before paging. */
export function topSkip<T>(req: EmuRequest, items: T[]): T[] {
  if (req.apiVersion !== V2024) { return items; }
  const topText = req.q('top');
  const skipText = req.q('skip');
  let out = items;
  if (skipText !== undefined) {
    if (!/^\d+$/.test(skipText)) { badRequest(`The value '${skipText}' of 'skip' is not a non-negative integer.`); }
    out = out.slice(Number(skipText));
  }
  if (topText !== undefined) {
    if (!/^\d+$/.test(topText) || Number(topText) < 1 || Number(topText) > 50) { badRequest(`The value '${topText}' of 'top' must be an integer from 1 to 50.`); }
    out = out.slice(0, Number(topText));
  }
  return out;
}
