// Plain English texts for the panel's model in Node tests (the editor localises them).
import { PERIOD_ERROR_TEMPLATES, fillTemplate } from '../../../src/insight/periods';
import { formatCalendarDate } from '../../../src/views/format/displayFormat';
import { PanelTexts } from '../../../src/views/usagePanel/panelModel';

export const panelTextsForTests: PanelTexts = {
  groupings: { meterCategory: 'Meter category', service: 'Service', resourceGroup: 'Resource group', region: 'Region', resource: 'Resource', meter: 'Meter', subscription: 'Subscription' },
  tagGrouping: (k) => `Tag: ${k}`,
  other: 'Other',
  untagged: 'Untagged',
  none: '(none)',
  unpricedReason: (r) => r,
  periodError: (e) => fillTemplate(PERIOD_ERROR_TEMPLATES[e.code], e.params),
  day: (d) => formatCalendarDate(d, 'en'),
  title: (s, f, t) => `${s} · ${f} to ${t}`,
  emptyMessage: (f, t) => `No usage from ${f} to ${t}.`,
  emptyHint: 'Pick a longer period.',
  emptyHintBilling: 'Pick a longer period (billing).',
  notePartialToday: 'partial',
  noteHourlyTooLong: (n) => `hourly up to ${n} days`,
  noteEstimateTerms: (o, c) => `terms ${o} ${c}`,
  noteSkippedRows: (n) => `${n} skipped`,
  noteActualUnavailable: (why) => `no actual: ${why}`,
  noteEstimateUnavailable: (why) => `no estimate: ${why}`,
  noteEstimateOtherCurrency: (e, b) => `no estimate in ${e}: billed in ${b}`,
};
