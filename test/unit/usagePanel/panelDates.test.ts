// The panel writes its days as the rest of the product does ("Dec 7, 2026", in Korean
// "2026. 12. 7."), with the one formatter of the editor's display language: in its title and in
// "No usage from … to …", never as ISO dates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectActualCosts } from '../../../src/insight/actualCosts';
import { parseIsoDate } from '../../../src/insight/calendar';
import { formatCalendarDate } from '../../../src/views/format/displayFormat';
import { buildPanelData, PanelTexts } from '../../../src/views/usagePanel/panelModel';
import type { PanelSource } from '../../../src/views/usagePanel/panelSource';
import { panelTextsForTests } from './panelTextsFixture';

const today = parseIsoDate('2026-12-07')!;
const week = { groupBy: 'subscription', period: { preset: 'custom', from: '2026-12-01', to: '2026-12-07' }, view: 'cost', source: 'actual' } as const;

/** A billing profile without any cost: the panel answers with its empty message. */
const emptyProfile: PanelSource = {
  scope: { kind: 'billingProfile', accountName: 'a', profileName: 'p', label: 'Contoso EU' },
  hasEstimate: false,
  estimate: () => Promise.reject(new Error('not asked')),
  actual: async (range) => ({ ...(await collectActualCosts([], range)), range, skippedRows: 0 }),
  groupings: () => ['subscription'],
  clear: () => undefined,
};

const korean: PanelTexts = {
  ...panelTextsForTests,
  day: (d) => formatCalendarDate(d, 'ko'),
  // The Korean bundle's templates.
  title: (s, f, t) => `${s} · ${f} ~ ${t}`,
  emptyMessage: (f, t) => `${f}부터 ${t}까지 사용량이 없습니다.`,
};

test('the formatter writes a day in English and in Korean as the tree does', () => {
  assert.equal(formatCalendarDate('2026-12-07', 'en'), 'Dec 7, 2026');
  assert.equal(formatCalendarDate('2026-12-01', 'ko'), '2026. 12. 1.');
});

test('"No usage from … to …" names the days in English', async () => {
  const result = await buildPanelData(emptyProfile, { ...week }, { today }, panelTextsForTests);
  assert.equal(result.kind, 'empty');
  if (result.kind === 'empty') { assert.equal(result.message, 'No usage from Dec 1, 2026 to Dec 7, 2026.'); }
});

test('and in Korean', async () => {
  const result = await buildPanelData(emptyProfile, { ...week }, { today }, korean);
  assert.equal(result.kind, 'empty');
  if (result.kind === 'empty') { assert.equal(result.message, '2026. 12. 1.부터 2026. 12. 7.까지 사용량이 없습니다.'); }
  assert.doesNotMatch(result.kind === 'empty' ? result.message : '', /2026-12-0/);
});

test('the title names the days the same way, in English and Korean', async () => {
  const profile: PanelSource = {
    ...emptyProfile,
    actual: async (range) => ({
      ...(await collectActualCosts([{ date: '2026-12-03', cost: { amount: 4.5, currency: 'EUR' }, dimensions: { SubscriptionId: 's1', SubscriptionName: 'EU Prod' } }], range)),
      range,
      skippedRows: 0,
    }),
  };
  const english = await buildPanelData(profile, { ...week }, { today }, panelTextsForTests);
  assert.equal(english.kind, 'series');
  if (english.kind === 'series') { assert.equal(english.payload.title, 'Contoso EU · Dec 1, 2026 to Dec 7, 2026'); }
  const ko = await buildPanelData(profile, { ...week }, { today }, korean);
  if (ko.kind === 'series') { assert.equal(ko.payload.title, 'Contoso EU · 2026. 12. 1. ~ 2026. 12. 7.'); }
  else { assert.fail(ko.kind); }
});
