// A hook that sees every HTTP attempt the client makes, for benchmarks and diagnostics.
// URLs arrive already redacted, so a hook may log or store them.

export interface RequestEvent {
  method: string;
  /** The URL without secrets. */
  url: string;
  /** The HTTP status, or undefined when no answer came (network error, timeout, cancellation). */
  status?: number;
  durationMs: number;
  /** 1 for the first attempt of a call, 2 for its first retry, … */
  attempt: number;
  /** Why the attempt failed without a status, e.g. `network`, `timeout`, `cancelled`. */
  failure?: string;
}

export type RequestListener = (event: RequestEvent) => void;

/** Counts what a client did: attach `recorder.listener` as the client's `onRequest`. */
export class RequestRecorder {
  readonly events: RequestEvent[] = [];
  readonly listener: RequestListener = (event) => {
    this.events.push(event);
  };

  get count(): number {
    return this.events.length;
  }

  /** Attempts that were retries of an earlier one. */
  get retries(): number {
    return this.events.filter((e) => e.attempt > 1).length;
  }

  countWhere(predicate: (event: RequestEvent) => boolean): number {
    return this.events.filter(predicate).length;
  }

  clear(): void {
    this.events.length = 0;
  }
}
