// Cost Management's query-processing-unit accounting
// (docs/azure-apis.md#cost-management-throttling): every 2xx carries the informational qpu headers;
// when `settings.costManagementQpuLimits` is set, a scope (per ClientType bucket) that would exceed
// a window's limit gets the 429 Azure sends.
import type { EmuResponse } from '../../http';
import type { EmulatorSettings } from '../context';

/** Published figures, used for the countdown headers when no limits are enforced [inf]. */
const PUBLISHED = { per10Seconds: 12, perMinute: 60, perHour: 600 };
const WINDOWS = [
  { key: 'per10Seconds', ms: 10_000, label: 'QueriesPer10Sec' },
  { key: 'perMinute', ms: 60_000, label: 'QueriesPerMin' },
  { key: 'perHour', ms: 3_600_000, label: 'QueriesPerHour' },
] as const;

/** A month costs 1 QPU; every further quarter of range costs one more [inf]. */
export function qpuOf(rangeDays: number): number {
  return 1 + Math.floor(rangeDays / 92);
}

export class QpuLimiter {
  private readonly spent = new Map<string, Array<{ at: number; qpu: number }>>();

  constructor(private readonly settings: EmulatorSettings, private readonly now: () => number = Date.now) {}

  /** Headers for an allowed query, or the 429 to send instead. */
  take(scopeKey: string, clientType: string | undefined, qpu: number): { headers: Record<string, string> } | { throttled: EmuResponse } {
    const bucket = `${scopeKey}|${clientType ?? 'Default'}`;
    const now = this.now();
    const entries = (this.spent.get(bucket) ?? []).filter((e) => e.at > now - 3_600_000);
    this.spent.set(bucket, entries);
    const enforced = this.settings.costManagementQpuLimits;
    const limits = enforced ?? PUBLISHED;
    const used = (ms: number) => entries.filter((e) => e.at > now - ms).reduce((s, e) => s + e.qpu, 0);
    if (enforced) {
      for (const w of WINDOWS) {
        if (used(w.ms) + qpu > limits[w.key]) {
          const oldest = entries.find((e) => e.at > now - w.ms)!;
          const seconds = Math.max(1, Math.ceil((oldest.at + w.ms - now) / 1000));
          return {
            throttled: {
              status: 429,
              headers: { 'x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after': String(seconds) },
              json: { error: { code: '429', message: 'Too many requests. Please retry.' } },
            },
          };
        }
      }
    }
    entries.push({ at: now, qpu });
    const remaining = (w: (typeof WINDOWS)[number]) => `${w.label}:${Math.max(0, limits[w.key] - used(w.ms))}`;
    const requestsLeft = Math.max(0, limits.perMinute - entries.filter((e) => e.at > now - 60_000).length);
    return {
      headers: {
        'x-ms-ratelimit-microsoft.costmanagement-qpu-consumed': String(qpu),
        'x-ms-ratelimit-microsoft.costmanagement-qpu-remaining': [WINDOWS[2], WINDOWS[1], WINDOWS[0]].map(remaining).join(','),
        'x-ms-ratelimit-remaining-microsoft.costmanagement-entity-requests': `DefaultQuota:${requestsLeft}`,
        'x-ms-ratelimit-remaining-microsoft.costmanagement-tenant-requests': `DefaultQuota:${requestsLeft}`,
        'x-ms-ratelimit-remaining-microsoft.costmanagement-clienttype-requests': `${clientType ? 'ClientType' : 'Default'}Quota:${requestsLeft}`,
      },
    };
  }
}
