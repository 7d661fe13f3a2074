// The monitor's timing with a fake clock: each scope at most once per interval, and later after
// throttling (at least what Azure asked, doubling, at most four intervals).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AlertSchedule } from '../../../src/views/alerts/alertSchedule';

const MIN = 60_000;

describe('alert schedule', () => {
  test('a scope checked at t is not due again before t + interval', () => {
    const s = new AlertSchedule(60 * MIN);
    assert.deepEqual(s.due(['a', 'b'], 0), ['a', 'b']);
    s.checked('a', 0);
    assert.deepEqual(s.due(['a', 'b'], 59 * MIN), ['b']);
    assert.deepEqual(s.due(['a', 'b'], 60 * MIN), ['a', 'b']);
    assert.equal(s.nextDue(), 60 * MIN);
  });

  test('throttled: waits what Azure asked, at least a minute, doubling on each throttle, capped at four intervals', () => {
    const s = new AlertSchedule(15 * MIN);
    assert.equal(s.throttled('a', 0, 5_000), MIN);
    assert.equal(s.throttled('a', MIN, 5_000), 2 * MIN);
    assert.equal(s.throttled('a', 3 * MIN, 10 * MIN), 10 * MIN);
    for (let i = 0; i < 5; i++) {s.throttled('a', 0, 0);}
    assert.equal(s.entry('a')?.backoffMs, 60 * MIN);
    s.checked('a', 100 * MIN);
    assert.deepEqual(s.entry('a'), { nextDue: 115 * MIN, backoffMs: 0 });
  });
});
