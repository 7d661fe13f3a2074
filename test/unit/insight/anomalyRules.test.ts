// The anomaly rules and the alert ledger on hand-made series; each expectation is worked out in
// the comments with the default thresholds (100 % above the median of the 14 days before, and at
// least 10 currency units; a week of history; rises of 5 days of +5 % or more).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decideAlerts, EMPTY_LEDGER, FORGET_AFTER_MS, snooze, turnKindOff } from '../../../src/insight/alerts/alertLedger';
import { DailyCost, findNewMeters, findSpikes, findSteadyRise, MeterDay } from '../../../src/insight/alerts/anomalyRules';

function days(amounts: number[]): DailyCost[] {
  return amounts.map((amount, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, amount }));
}

describe('spikes', () => {
  test('a day at 3.5 × its baseline is a spike; one just under 2 × is not', () => {
    // Baseline: the median of 14 days at 10 = 10. 35 ≥ 20 and 35 − 10 ≥ 10: spike.
    assert.deepEqual(findSpikes(days([...new Array<number>(14).fill(10), 35])), [{ kind: 'spike', day: '2026-11-15', amount: 35, baseline: 10 }]);
    assert.deepEqual(findSpikes(days([...new Array<number>(14).fill(10), 19.99])), []);
  });

  test('tripling a small bill is not worth an alert: the absolute threshold holds it back', () => {
    // 3 ≥ 2 × 1, but 3 − 1 = 2 < 10.
    assert.deepEqual(findSpikes(days([...new Array<number>(14).fill(1), 3])), []);
  });

  test('an earlier spike does not raise the baseline (the median, not the mean)', () => {
    // Days before: thirteen 10s and one 100 → median 10 (the mean would be 16.4 and hide 30).
    const series = days([10, 10, 10, 100, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 30]);
    assert.deepEqual(findSpikes(series).map((a) => a.kind === 'spike' && a.baseline), [10]);
  });

  test('without a week of history nothing is a spike, and only the latest three days are examined', () => {
    assert.deepEqual(findSpikes(days([10, 10, 10, 50])), []);
    // The 100 on day 8 is five days old by day 12: not news any more.
    assert.deepEqual(findSpikes(days([10, 10, 10, 10, 10, 10, 10, 100, 10, 10, 10, 10])), []);
  });
});

describe('new meters', () => {
  const lookback = days(new Array<number>(10).fill(0)).map((d) => d.day);
  const steady: MeterDay[] = lookback.map((day) => ({ day, meter: 'VM D2s', amount: 20 }));

  test('a meter that first costs on a recent day, enough to matter, is new; a cheap one is not', () => {
    const rows = [...steady, { day: lookback[9], meter: 'GPU NC6', amount: 15 }, { day: lookback[9], meter: 'Bandwidth', amount: 0.5 }];
    assert.deepEqual(findNewMeters(rows, lookback), [{ kind: 'newMeter', day: '2026-11-10', meter: 'GPU NC6', amount: 15 }]);
  });

  test('on a scope younger than a week, nothing is new', () => {
    const young = lookback.slice(0, 5);
    assert.deepEqual(findNewMeters([{ day: young[4], meter: 'GPU NC6', amount: 50 }], young), []);
  });

  test('a meter that cost before, in the lookback, is not new', () => {
    const rows = [...steady, { day: lookback[2], meter: 'GPU NC6', amount: 1 }, { day: lookback[9], meter: 'GPU NC6', amount: 30 }];
    assert.deepEqual(findNewMeters(rows, lookback), []);
  });
});

describe('steady rises', () => {
  test('six days from 20 to 30, each at least 5 % above the day before, ending today', () => {
    // Steps: +10 %, +9.1 %, +8.3 %, +7.7 %, +7.1 %; run of 6 ≥ 5; 30 − 20 = 10 ≥ 10.
    assert.deepEqual(findSteadyRise(days([25, 20, 22, 24, 26, 28, 30])), [{ kind: 'rise', from: '2026-11-02', to: '2026-11-07', firstAmount: 20, lastAmount: 30 }]);
  });

  test('a rise that stopped, a rise too small, or too short, is no alert', () => {
    assert.deepEqual(findSteadyRise(days([20, 22, 24, 26, 28, 30, 29])), []);
    // 10 → 15 in six days: +5 < 10.
    assert.deepEqual(findSteadyRise(days([10, 11, 12, 13, 14, 15])), []);
    // Four days of growth only.
    assert.deepEqual(findSteadyRise(days([50, 20, 40, 60, 80])), []);
  });
});

describe('the alert ledger', () => {
  const spike = { kind: 'spike' as const, key: 'spike|sub-1|2026-11-15' };
  const budget = { kind: 'budget' as const, key: 'budget|b1|80|2026-11' };
  const T0 = Date.UTC(2026, 10, 15);

  test('each alert once: a second check (or a reload with the stored ledger) raises nothing again', () => {
    const first = decideAlerts([spike, budget, spike], EMPTY_LEDGER, T0);
    assert.deepEqual(first.raise, [spike, budget]);
    const stored = JSON.parse(JSON.stringify(first.next)) as typeof first.next;
    assert.deepEqual(decideAlerts([spike, budget], stored, T0 + 3600_000).raise, []);
  });

  test('snoozed for a day: silent until then, raised again after', () => {
    const { next } = decideAlerts([spike], EMPTY_LEDGER, T0);
    const snoozed = snooze(next, spike.key, T0 + 86_400_000);
    assert.deepEqual(decideAlerts([spike], snoozed, T0 + 3600_000).raise, []);
    assert.deepEqual(decideAlerts([spike], snoozed, T0 + 86_400_001).raise, [spike]);
  });

  test('a kind turned off stays off; the others still come', () => {
    const ledger = turnKindOff(EMPTY_LEDGER, 'spike');
    assert.deepEqual(decideAlerts([spike, budget], ledger, T0).raise, [budget]);
  });

  test('what was raised long ago is forgotten, so the stored ledger does not grow forever', () => {
    const { next } = decideAlerts([spike], EMPTY_LEDGER, T0);
    assert.deepEqual(Object.keys(decideAlerts([], next, T0 + FORGET_AFTER_MS + 1).next.raised), []);
  });
});
