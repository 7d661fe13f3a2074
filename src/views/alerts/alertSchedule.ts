// When each watched scope is next asked: at most once per interval, and later after throttling
// (Cost Management throttles per scope, docs/azure-apis.md#cost-management-throttling): a throttled
// scope waits what Azure asked and at least twice its previous wait, up to four intervals. Pure (the
// clock is passed in), so the monitor's timing is unit-tested with a fake clock.

export interface ScheduleEntry {
  /** Not before this time (ms since the epoch). */
  nextDue: number;
  /** The wait after the last throttled pass (0 after a good one). */
  backoffMs: number;
}

export class AlertSchedule {
  private readonly entries = new Map<string, ScheduleEntry>();

  constructor(private intervalMs: number) {}

  setInterval(intervalMs: number): void {
    this.intervalMs = intervalMs;
  }

  /** The scopes among `scopes` that may be asked at `now` (a scope never seen is due). */
  due(scopes: readonly string[], now: number): string[] {
    return scopes.filter((s) => (this.entries.get(s)?.nextDue ?? -Infinity) <= now);
  }

  /** A pass over the scope finished (or failed for another reason than throttling). */
  checked(scope: string, now: number): void {
    this.entries.set(scope, { nextDue: now + this.intervalMs, backoffMs: 0 });
  }

  /** Azure throttled the scope and asked to wait `retryAfterMs` (0: it did not say). */
  throttled(scope: string, now: number, retryAfterMs: number): number {
    const previous = this.entries.get(scope)?.backoffMs ?? 0;
    const wait = Math.min(4 * this.intervalMs, Math.max(retryAfterMs, previous * 2, 60_000));
    this.entries.set(scope, { nextDue: now + wait, backoffMs: wait });
    return wait;
  }

  entry(scope: string): ScheduleEntry | undefined {
    return this.entries.get(scope);
  }

  /** The earliest time any known scope is due (undefined: none known). */
  nextDue(): number | undefined {
    let min: number | undefined;
    for (const e of this.entries.values()) {min = min === undefined ? e.nextDue : Math.min(min, e.nextDue);}
    return min;
  }

  clear(): void {
    this.entries.clear();
  }
}
