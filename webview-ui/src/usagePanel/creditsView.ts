// The Credits view around its chart: the runway at a glance (balance, the day the credits run out,
// what is projected to expire unused, the spend assumed), the host's notes on what is assumed, and
// two tables that say what the chart shows — the balance on the days that matter (the ledger's
// events, month ends, each lot's last day, the day it runs out) and the lots earliest expiry first.

import type { CreditsPayload, UsagePanelStrings } from '../../../src/shared/usagePanelMessages';
import { BurnDownSpec, dayNumber, isoDay } from './burnDownChart';
import { el } from './dom';
import { Formatters } from './format';

export function burnDownSpec(p: CreditsPayload, strings: UsagePanelStrings, f: Formatters): BurnDownSpec {
  const scale = 10 ** p.fractionDigits;
  const point = (b: { day: string; balance: number }) => ({ x: dayNumber(b.day), y: b.balance / scale });
  const year = new Intl.DateTimeFormat(f.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const marks = p.expiries.map((m) => ({ x: dayNumber(m.day), label: `${strings.credits.expiry}: ${m.lot}` }));
  const days = [...p.actual, ...p.projected].map((b) => dayNumber(b.day));
  // A lot that outlives the credits' run-out is still marked: it shows it was used up in time.
  const ends = [...days, ...marks.map((m) => m.x)];
  return {
    actual: p.actual.map(point),
    projected: p.projected.map(point),
    marks,
    span: { min: Math.min(...ends), max: Math.max(...ends) + 7 },
    labels: { actual: strings.credits.actual, projected: strings.credits.projected, expiry: strings.credits.expiry },
    formatMoney: (v) => f.currency(Math.round(v * scale), p.currency, p.fractionDigits),
    formatDay: (d) => year.format(new Date(Math.round(d) * 86_400_000)),
    ariaLabel: `${strings.credits.chartLabel} (${p.currency})`,
  };
}

export function creditsCards(p: CreditsPayload, strings: UsagePanelStrings, f: Formatters): HTMLElement {
  const c = strings.credits;
  const money = (v: number) => f.currency(v, p.currency, p.fractionDigits);
  return el('div', { class: 'cards' }, el('dl', { class: 'card credits-card' },
    el('dt', {}, c.balance), el('dd', { 'data-role': 'credit-balance' }, money(p.balance)),
    el('dt', {}, c.runsOut), el('dd', { 'data-role': 'runs-out' }, p.runsOut ? longDay(f, p.runsOut) : c.lastsAtThisSpend),
    el('dt', {}, c.expiresUnused), el('dd', { 'data-role': 'expires-unused' }, money(p.expiresUnused)),
    el('dt', {}, c.dailySpend), el('dd', {}, money(p.dailySpend))));
}

/** What the lines and marks are: a plain list (nothing to toggle), its swatches in the chart's colours. */
export function creditsLegend(strings: UsagePanelStrings, colours: { actual: string; projected: string; mark: string }): HTMLElement {
  const c = strings.credits;
  const entry = (label: string, colour: string, kind: string) => {
    const swatch = el('span', { class: `swatch line-${kind}`, 'aria-hidden': 'true' });
    // Set from script: the strict CSP allows style properties, not inline style markup.
    swatch.style.borderColor = colour;
    return el('li', { class: 'legend-static' }, swatch, el('span', {}, label));
  };
  return el('div', { class: 'legend credits-legend' },
    el('ul', {}, entry(c.actual, colours.actual, 'solid'), entry(c.projected, colours.projected, 'dashed'), entry(c.expiry, colours.mark, 'mark')));
}

/** The balance on the days that matter, in date order: the text equivalent of the chart. */
export function balanceTable(p: CreditsPayload, strings: UsagePanelStrings, f: Formatters): HTMLTableElement {
  const c = strings.credits;
  const money = (v: number) => f.currency(v, p.currency, p.fractionDigits);
  const rows = new Map<number, { balance: number; what: string[] }>();
  const add = (day: number, balance: number, what: string) => {
    const row = rows.get(day) ?? { balance, what: [] };
    row.balance = balance;
    if (!row.what.includes(what)) { row.what.push(what); }
    rows.set(day, row);
  };
  for (const a of p.actual) { add(dayNumber(a.day), a.balance, c.actual); }
  const projected = new Map(p.projected.map((x) => [dayNumber(x.day), x.balance]));
  const first = p.projected[0] ? dayNumber(p.projected[0].day) : undefined;
  const last = p.projected.length ? dayNumber(p.projected[p.projected.length - 1].day) : undefined;
  if (first !== undefined && last !== undefined) {
    add(first, projected.get(first)!, c.projected);
    // Month ends, so the projection reads as a monthly burn-down.
    for (let d = first + 1; d <= last; d++) { if (isoDay(d + 1).endsWith('-01')) { add(d, projected.get(d)!, c.projected); } }
    for (const m of p.expiries) {
      const d = dayNumber(m.day);
      if (projected.has(d)) { add(d, projected.get(d)!, `${c.expiry}: ${m.lot}${m.expiresUnused > 0 ? ` (${c.expiresUnused}: ${money(m.expiresUnused)})` : ''}`); }
    }
    if (p.runsOut && projected.has(dayNumber(p.runsOut))) { add(dayNumber(p.runsOut), projected.get(dayNumber(p.runsOut))!, c.runsOut); }
  }
  const sorted = [...rows].sort((a, b) => a[0] - b[0]);
  return el('table', { class: 'data-table credit-history' },
    el('caption', {}, `${c.historyCaption} (${p.currency})`),
    el('thead', {}, el('tr', {}, ...[strings.date, c.balance, c.event].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...sorted.map(([day, row]) => el('tr', {},
      el('th', { scope: 'row' }, longDay(f, isoDay(day))), el('td', {}, money(row.balance)), el('td', { class: 'text' }, row.what.join(' · '))))));
}

export function lotTable(p: CreditsPayload, strings: UsagePanelStrings, f: Formatters): HTMLTableElement {
  const c = strings.credits;
  const money = (v: number) => f.currency(v, p.currency, p.fractionDigits);
  return el('table', { class: 'data-table credit-lots' },
    el('caption', {}, c.lotsCaption),
    el('thead', {}, el('tr', {}, ...[c.lot, c.remaining, c.expires, c.expiresUnused, c.outcome].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...p.lots.map((l) => el('tr', {},
      el('th', { scope: 'row' }, l.lot),
      el('td', {}, money(l.remaining)),
      el('td', {}, l.expires ? longDay(f, l.expires) : c.noExpiry),
      el('td', {}, money(l.expiresUnused)),
      el('td', { class: 'text' }, l.usedUp ? `${c.usedUp} ${longDay(f, l.usedUp)}` : l.expiresUnused > 0 ? `${c.expiresUnused}` : c.notUsedUp)))));
}

function longDay(f: Formatters, iso: string): string {
  return new Intl.DateTimeFormat(f.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`));
}
