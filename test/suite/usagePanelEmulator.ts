// What the usage-panel suites need to know independently of the extension: the emulator's own
// Cost Management answer for a scope and period (POSTed with plain HTTPS and the service
// principal, every page followed), summed per currency and per group in minor units.
import * as https from 'https';
import { emulatorCa, emulatorToken, emulatorUrl } from './support/emulatorControl';

function post(url: string, body: unknown, bearer: string): Promise<{ status: number; json?: unknown }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', ca: emulatorCa(), headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'content-length': String(payload.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export interface CostAnswer {
  /** Minor units (2 decimals: USD, EUR, GBP) per currency, the sum of every row rounded once. */
  totals: Map<string, number>;
  /** Per currency, each group's value (the grouping column) with its cost in minor units. */
  groups: Map<string, Map<string, number>>;
}

/** The emulator's Cost Management query at `scope` for [from, to], grouped by `dimension`. */
export async function emulatorCost(scope: string, from: string, to: string, dimension: string): Promise<CostAnswer> {
  const body = {
    type: 'ActualCost',
    timeframe: 'Custom',
    timePeriod: { from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z` },
    dataset: { granularity: 'Daily', aggregation: { totalCost: { name: 'Cost', function: 'Sum' } }, grouping: [{ type: 'Dimension', name: dimension }] },
  };
  const bearer = await emulatorToken();
  const exact = new Map<string, number>();
  const perGroup = new Map<string, Map<string, number>>();
  let next: string | undefined = new URL(`/${scope}/providers/Microsoft.CostManagement/query?api-version=2023-11-01`, emulatorUrl()).toString();
  while (next) {
    const answer = await post(next, body, bearer);
    if (answer.status === 204) { break; }
    if (answer.status !== 200) { throw new Error(`Cost Management query at ${scope}: HTTP ${answer.status} ${JSON.stringify(answer.json)}`); }
    const properties = (answer.json as { properties: { columns: Array<{ name: string }>; rows: unknown[][]; nextLink?: string | null } }).properties;
    const column = (name: string) => properties.columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
    const [cost, currency, group] = [column('Cost'), column('Currency'), column(dimension)];
    for (const row of properties.rows) {
      const code = String(row[currency]);
      exact.set(code, (exact.get(code) ?? 0) + Number(row[cost]));
      const groups = perGroup.get(code) ?? new Map<string, number>();
      groups.set(String(row[group]), (groups.get(String(row[group])) ?? 0) + Number(row[cost]));
      perGroup.set(code, groups);
    }
    next = properties.nextLink ?? undefined;
  }
  const cents = (v: number) => Math.round(v * 100);
  return {
    totals: new Map([...exact].map(([c, v]) => [c, cents(v)])),
    groups: new Map([...perGroup].map(([c, g]) => [c, new Map([...g].map(([k, v]) => [k, cents(v)]))])),
  };
}

export const accountScope = (account: string) => `providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(account)}`;
export const profileScope = (account: string, profile: string) => `${accountScope(account)}/billingProfiles/${encodeURIComponent(profile)}`;
