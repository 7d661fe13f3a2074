// The toolbar: grouping, period (presets and custom dates), view, estimate/actual, currency and
// meter pickers, and the export buttons. It only reports what was picked; main.ts decides.

import type { PanelSelection, PanelView, PeriodPresetKey, SeriesPayload, UsagePanelStrings } from '../../../src/shared/usagePanelMessages';
import { el, option } from './dom';

export interface ControlEvents {
  select(selection: PanelSelection): void;
  currency(code: string): void;
  meter(meterId: string): void;
  exportCsv(): void;
  exportPng(): void;
  refresh(): void;
}

export interface ControlInput {
  strings: UsagePanelStrings;
  selection: PanelSelection;
  payload?: SeriesPayload;
  currency?: string;
  meterId?: string;
  periodError?: { field: 'from' | 'to'; message: string };
  /** A billing profile with credits: the Credits view is offered. */
  creditsOffered?: boolean;
}

const PRESETS: PeriodPresetKey[] = ['billingPeriod', 'lastMonth', 'last30Days', 'last90Days', 'custom'];
const VIEWS: PanelView[] = ['cost', 'usage', 'hourly'];

export function toolbar(input: ControlInput, on: ControlEvents): HTMLElement {
  const { strings, selection, payload } = input;
  const change = (patch: Partial<PanelSelection>) => on.select({ ...selection, ...patch });

  const groupings = payload?.groupings ?? [{ key: selection.groupBy, label: selection.groupBy }];
  const groupSelect = el('select', { id: 'group-by' }, ...groupings.map((g) => option(g.key, g.label, g.key === selection.groupBy)));
  groupSelect.addEventListener('change', () => change({ groupBy: groupSelect.value as PanelSelection['groupBy'] }));

  const presetSelect = el('select', { id: 'period' }, ...PRESETS.map((p) => option(p, strings.presets[p], p === selection.period.preset)));
  const custom = customRange(input, (from, to) => change({ period: { preset: 'custom', from, to } }));
  custom.hidden = selection.period.preset !== 'custom';
  presetSelect.addEventListener('change', () => {
    const preset = presetSelect.value as PeriodPresetKey;
    if (preset === 'custom') { custom.hidden = false; }
    else { change({ period: { preset } }); }
  });

  const views = el('div', { class: 'segmented', role: 'group', 'aria-label': strings.views.cost },
    ...[...VIEWS, ...(input.creditsOffered || selection.view === 'credits' ? ['credits' as const] : [])].map((v) => {
      const disabled = v === 'hourly' && payload !== undefined && !payload.hourlyAvailable;
      const b = el('button', { type: 'button', 'aria-pressed': v === selection.view ? 'true' : 'false', disabled, 'data-view': v }, strings.views[v]);
      b.addEventListener('click', () => change({ view: v }));
      return b;
    }));

  // Credits have no grouping, period or cost source: the burn-down runs from the ledger's year to the runway's end.
  const credits = selection.view === 'credits';
  const parts: HTMLElement[] = [
    // Usage is per meter whatever the grouping, so the picker would do nothing there.
    ...(selection.view === 'usage' || credits ? [] : [field(strings.groupBy, groupSelect)]),
    ...(credits ? [] : [field(strings.period, presetSelect), custom]),
    views,
  ];

  if (payload && payload.sources.length > 1 && selection.view !== 'usage' && !credits) {
    const sourceSelect = el('select', { id: 'source' }, ...payload.sources.map((s) => option(s, strings.sources[s], s === selection.source)));
    sourceSelect.addEventListener('change', () => change({ source: sourceSelect.value as PanelSelection['source'] }));
    parts.push(field(strings.source, sourceSelect));
  }
  if (payload && payload.currencies.length > 1 && selection.view !== 'usage' && !credits) {
    const currencySelect = el('select', { id: 'currency' }, ...payload.currencies.map((c) => option(c.currency, c.currency, c.currency === input.currency)));
    currencySelect.addEventListener('change', () => on.currency(currencySelect.value));
    parts.push(field(strings.currency, currencySelect));
  }
  if (payload && selection.view === 'usage' && payload.usage.length > 0) {
    const meterSelect = el('select', { id: 'meter' },
      ...payload.usage.map((m) => option(m.meterId, `${m.category} · ${m.name} (${m.unit})`, m.meterId === input.meterId)));
    meterSelect.addEventListener('change', () => on.meter(meterSelect.value));
    parts.push(field(strings.meter, meterSelect));
  }
  const csv = el('button', { type: 'button', id: 'export-csv', disabled: !payload || credits }, strings.exportCsv);
  csv.addEventListener('click', () => on.exportCsv());
  const png = el('button', { type: 'button', id: 'export-png', disabled: !payload }, strings.exportPng);
  png.addEventListener('click', () => on.exportPng());
  const refresh = el('button', { type: 'button', id: 'refresh' }, strings.refresh);
  refresh.addEventListener('click', () => on.refresh());
  parts.push(el('div', { class: 'exports' }, refresh, csv, png));
  return el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': strings.title }, ...parts);
}

function field(label: string, control: HTMLElement): HTMLElement {
  return el('label', { class: 'field', for: control.id }, el('span', {}, label), control);
}

function customRange(input: ControlInput, apply: (from: string, to: string) => void): HTMLElement {
  const { strings, selection, periodError } = input;
  const from = el('input', { type: 'date', id: 'period-from', value: selection.period.from ?? '' });
  const to = el('input', { type: 'date', id: 'period-to', value: selection.period.to ?? '' });
  const error = el('p', { class: 'field-error', id: 'period-error', role: 'alert' }, periodError?.message ?? '');
  error.hidden = !periodError;
  for (const [input2, name] of [[from, 'from'], [to, 'to']] as const) {
    if (periodError?.field === name) {
      input2.setAttribute('aria-invalid', 'true');
      input2.setAttribute('aria-describedby', 'period-error');
    }
  }
  const button = el('button', { type: 'button', id: 'period-apply' }, strings.apply);
  button.addEventListener('click', () => apply(from.value, to.value));
  return el('div', { class: 'custom-range' }, field(strings.from, from), field(strings.to, to), button, error);
}
