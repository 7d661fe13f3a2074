// What the emulator's Cost Management answers for a subscription, asked directly over HTTPS: the
// independent truth a UI test compares the panel's legend, table and totals with.
import * as fs from 'fs';
import * as https from 'https';
import type { HostEmulator } from './harness';

/** The emulator's Cost Management answer for a subscription, in cents per group value (groups of 0 left out). */
export async function emulatorCost(emu: HostEmulator, subscriptionId: string, period: { from: string; to: string }, dimension: string): Promise<Map<string, number>> {
  const cents = await emulatorCostSums(emu, `subscriptions/${subscriptionId}`, period, dimension);
  return new Map([...cents].filter(([, v]) => v !== 0));
}

/**
 * The emulator's Cost Management query at `scope` grouped by `dimension`, every page read, summed
 * per value of `keyColumn` (the dimension itself, or e.g. `Currency`) and rounded to cents.
 */
export function emulatorCostSums(emu: HostEmulator, scope: string, period: { from: string; to: string }, dimension: string, keyColumn = dimension): Promise<Map<string, number>> {
  const body = JSON.stringify({
    type: 'ActualCost', timeframe: 'Custom', timePeriod: { from: `${period.from}T00:00:00Z`, to: `${period.to}T23:59:59Z` },
    dataset: { granularity: 'Daily', aggregation: { totalCost: { name: 'Cost', function: 'Sum' } }, grouping: [{ type: 'Dimension', name: dimension }] },
  });
  const exact = new Map<string, number>();
  const page = (url: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = https.request(url, { method: 'POST', ca: fs.readFileSync(emu.caCertPath), headers: { authorization: `Bearer ${emu.issueToken()}`, 'content-type': 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode === 204) {return resolve();}
          const props = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { properties: { columns: { name: string }[]; rows: unknown[][]; nextLink?: string } }).properties;
          const at = (n: string) => props.columns.findIndex((c) => c.name === n);
          for (const row of props.rows) {exact.set(String(row[at(keyColumn)]), (exact.get(String(row[at(keyColumn)])) ?? 0) + Number(row[at('Cost')]));}
          (props.nextLink ? page(props.nextLink) : Promise.resolve()).then(resolve, reject);
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  return page(new URL(`/${scope}/providers/Microsoft.CostManagement/query?api-version=2023-11-01`, emu.baseUrl).toString()).then(
    () => new Map([...exact].map(([k, v]) => [k, Math.round(v * 100)])),
  );
}
