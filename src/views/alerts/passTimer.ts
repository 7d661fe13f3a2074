// When the monitor's passes run: the first a few seconds after start (never during activation),
// then whenever the next scope is due — at least a minute apart, at most an interval. The clock is
// passed in, so the timing is unit-tested with a fake clock; no vscode here.
import type { AlertSchedule } from './alertSchedule';

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Until the next scope is due, at least a minute, at most an interval. */
export function delayToNext(schedule: AlertSchedule, intervalMs: number, now: number): number {
  const next = schedule.nextDue();
  if (next === undefined) {return intervalMs;}
  return Math.min(intervalMs, Math.max(60_000, next - now));
}

export class PassTimer {
  private handle: unknown;

  constructor(
    private readonly clock: Clock,
    private readonly pass: () => Promise<void>,
    /** The wait before the next pass, asked after each one; undefined: stop. */
    private readonly nextDelay: () => number | undefined,
  ) {}

  get armed(): boolean {
    return this.handle !== undefined;
  }

  /** (Re)starts with the first pass after `firstDelayMs`. */
  start(firstDelayMs: number): void {
    this.arm(firstDelayMs);
  }

  private arm(ms: number): void {
    this.stop();
    this.handle = this.clock.setTimeout(() => {
      this.handle = undefined;
      void this.pass().finally(() => {
        const next = this.nextDelay();
        // A start() meanwhile (a setting changed) has armed it already.
        if (next !== undefined && this.handle === undefined) {this.arm(next);}
      });
    }, ms);
  }

  stop(): void {
    if (this.handle !== undefined) {this.clock.clearTimeout(this.handle);}
    this.handle = undefined;
  }
}
