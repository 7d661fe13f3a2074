// Measurements taken inside the extension host (activation time, first tree load, ...). Suites
// record them here; index.ts puts them in the summary, and the harness prints them.
const metrics: Record<string, number> = {};

export function recordMetric(name: string, value: number): void {
  metrics[name] = Math.round(value * 10) / 10;
}

export function recordedMetrics(): Record<string, number> {
  return { ...metrics };
}
