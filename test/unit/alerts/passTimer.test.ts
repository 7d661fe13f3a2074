// The monitor's pass timing with a fake clock: the first pass only after the start delay (never at
// activation), then again when the next scope is due — at least a minute later, at most an
// interval — and never while stopped (the monitor turned off).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AlertSchedule } from '../../../src/views/alerts/alertSchedule';
import { Clock, delayToNext, PassTimer } from '../../../src/views/alerts/passTimer';

const MIN = 60_000;

class FakeClock implements Clock {
  time = 0;
  private timers: Array<{ at: number; run: () => void; id: number }> = [];
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  /** Moves time on, running each timer due on the way (and what they schedule), letting promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) {break;}
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.run();
      for (let i = 0; i < 5; i++) {await Promise.resolve();}
    }
    this.time = end;
  }
}

describe('pass timer', () => {
  test('first pass after the start delay, then one per interval while no scope is due sooner', async () => {
    const clock = new FakeClock();
    const schedule = new AlertSchedule(60 * MIN);
    const passes: number[] = [];
    const timer = new PassTimer(clock, () => {
      passes.push(clock.now());
      schedule.checked('a', clock.now());
      return Promise.resolve();
    }, () => delayToNext(schedule, 60 * MIN, clock.now()));
    timer.start(10_000);
    await clock.advance(9_999);
    assert.deepEqual(passes, [], 'nothing before the start delay');
    await clock.advance(1);
    assert.deepEqual(passes, [10_000]);
    await clock.advance(3 * 60 * MIN);
    assert.deepEqual(passes, [10_000, 10_000 + 60 * MIN, 10_000 + 120 * MIN, 10_000 + 180 * MIN]);
  });

  test('a throttled scope due in 5 minutes brings the next pass forward; never sooner than a minute', () => {
    const schedule = new AlertSchedule(60 * MIN);
    schedule.checked('a', 0);
    schedule.throttled('b', 0, 5 * MIN);
    assert.equal(delayToNext(schedule, 60 * MIN, 0), 5 * MIN);
    schedule.throttled('c', 0, 1_000);
    assert.equal(delayToNext(schedule, 60 * MIN, 0), MIN);
  });

  test('stopped (the monitor turned off): no pass, and the delay callback can stop it after a pass', async () => {
    const clock = new FakeClock();
    let runs = 0;
    let enabled = true;
    const timer = new PassTimer(clock, () => {
      runs++;
      return Promise.resolve();
    }, () => (enabled ? 15 * MIN : undefined));
    timer.start(10_000);
    timer.stop();
    await clock.advance(60 * MIN);
    assert.equal(runs, 0);
    timer.start(10_000);
    await clock.advance(10_000);
    enabled = false;
    await clock.advance(15 * MIN);
    assert.equal(runs, 2, 'the pass armed before it was turned off still runs once');
    assert.equal(timer.armed, false);
    await clock.advance(120 * MIN);
    assert.equal(runs, 2);
  });
});
