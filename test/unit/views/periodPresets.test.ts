// One default period for credit events: the explorer's Credit events node ("last 12 months") and
// Show Credit Events from the palette (its first preset) cover the same days.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateEventRange } from '../../../src/billing/creditEvents';
import { DEFAULT_EVENTS_PRESET, EVENTS_PRESETS, eventsPresetRange, invoicesPresetRange } from '../../../src/views/commands/billing/periodPresets';
import { lastTwelveMonths } from '../../../src/views/explorer/recentWindow';

const now = new Date('2026-12-07T18:00:00Z');

test('the palette offers the node\'s 12 months first, and they are the node\'s days', () => {
  assert.equal(DEFAULT_EVENTS_PRESET, 'last12Months');
  assert.equal(EVENTS_PRESETS[0], DEFAULT_EVENTS_PRESET);
  assert.equal(new Set(EVENTS_PRESETS).size, EVENTS_PRESETS.length);
  const node = lastTwelveMonths(now);
  assert.deepEqual(eventsPresetRange(DEFAULT_EVENTS_PRESET, now), { startDate: node.from, endDate: node.to });
  assert.deepEqual(eventsPresetRange(DEFAULT_EVENTS_PRESET, now), { startDate: '2025-12-08', endDate: '2026-12-07' });
  // Invoices' "Last 12 months" is the same window.
  assert.deepEqual(invoicesPresetRange('last12Months', now), eventsPresetRange('last12Months', now));
});

test('every preset is a range the credit events API accepts, on any day of a leap year too', () => {
  for (const day of [now, new Date('2028-02-29T00:00:00Z'), new Date('2027-01-01T23:59:59Z')]) {
    for (const preset of EVENTS_PRESETS) {
      const range = eventsPresetRange(preset, day);
      assert.deepEqual(validateEventRange(range), range, `${preset} on ${day.toISOString()}`);
    }
  }
});
