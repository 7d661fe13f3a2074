// Save as Workload: a subscription's what-if turned into a workload file (workloadFile.ts) a person
// can edit ("double the VMs, move to another region"): each metered usage line by meter id, in its
// own unit, as a quantity per average month of the period; the offers and regions it was compared
// with.
import type { WhatIfReport } from './whatIfReport';

/** Days in an average month (365.25 / 12). */
const DAYS_PER_MONTH = 30.4375;

export function workloadFromReport(report: WhatIfReport, name: string, schemaUrl: string): string {
  const from = Date.parse(report.period.from);
  const to = Date.parse(report.period.to);
  const days = Math.max(1, Math.round((to - from) / 86_400_000) + 1);
  const perMonth = DAYS_PER_MONTH / days;
  const regions = new Map<string, number>();
  for (const m of report.meters) { if (m.region) { regions.set(m.region.toLowerCase(), (regions.get(m.region.toLowerCase()) ?? 0) + 1); } }
  const home = [...regions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const workload = {
    $schema: schemaUrl,
    name,
    ...(home && /^[a-z][a-z0-9]{2,40}$/.test(home) ? { region: home } : {}),
    currency: report.currency,
    offers: report.alternatives.filter((a) => a.kind === 'offer').map((a) => a.id.replace(/^offer:/, '')),
    regions: report.alternatives.filter((a) => a.kind === 'region').map((a) => a.id.replace(/^region:/, '')),
    lines: report.meters
      .filter((m) => m.quantity > 0)
      .map((m) => ({ label: m.name, meterId: m.meterId, quantity: Number((m.quantity * perMonth).toPrecision(12)), unit: m.unit })),
  };
  return JSON.stringify(workload, null, 2) + '\n';
}
