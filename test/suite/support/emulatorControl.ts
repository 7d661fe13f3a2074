// What suites running inside VS Code need from the emulator the test host started: its control
// routes (faults) and an independent view of what its ARM API serves, read with plain HTTPS and
// the service principal from the environment, so expectations never come from the code under test.
import { ClientSecretCredential } from '@azure/identity';
import * as fs from 'fs';
import * as https from 'https';

export function emulatorUrl(): string {
  const url = process.env.AZURE_BILLING_EMULATOR_URL;
  if (!url) { throw new Error('AZURE_BILLING_EMULATOR_URL is not set: run the suites through the test host (npm test).'); }
  return url;
}

/**
 * The emulator's blob origin (another host and port than ARM, as storage is on Azure): where the
 * links of invoice downloads and the RateCard point.
 */
export function emulatorBlobUrl(): string {
  const url = process.env.AZURE_BILLING_EMULATOR_BLOB_URL;
  if (!url) { throw new Error('AZURE_BILLING_EMULATOR_BLOB_URL is not set: run the suites through the test host (npm test).'); }
  return url;
}

/** The emulator's CA, trusted explicitly: the suite must not depend on how the editor patches https. */
export function emulatorCa(): Buffer | undefined {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  return file && fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

interface HttpAnswer {
  status: number;
  json?: unknown;
}

function request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = https.request(url, { method, ca: emulatorCa(), headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on('error', reject);
    if (payload) { req.write(payload); }
    req.end();
  });
}

export interface FaultRule {
  kind: 'throttle' | 'error' | 'latency' | 'drop' | 'dropMidBody' | 'malformed' | 'forbidden' | 'empty' | 'expiredToken' | 'stall';
  path?: string;
  times?: number;
  skip?: number;
  stallAt?: 'headers' | 'midBody';
  status?: number;
  retryAfterSeconds?: number;
  latencyMs?: number;
}

export async function addFault(rule: FaultRule): Promise<void> {
  const answer = await request('POST', new URL('/_emulator/faults', emulatorUrl()).toString(), rule);
  if (answer.status !== 201) { throw new Error(`Adding a fault failed: HTTP ${answer.status}`); }
}

export async function clearFaults(): Promise<void> {
  await request('DELETE', new URL('/_emulator/faults', emulatorUrl()).toString());
}

/** Requests the emulator answered since its counters were last reset, in all and by route. */
export async function emulatorStats(): Promise<{ total: number; byRoute: Record<string, number> } | undefined> {
  return (await request('GET', new URL('/_emulator/stats', emulatorUrl()).toString())).json as { total: number; byRoute: Record<string, number> } | undefined;
}

export async function resetEmulatorStats(): Promise<void> {
  await request('DELETE', new URL('/_emulator/stats', emulatorUrl()).toString());
}

/** A token for the test host's service principal in `tenantId`, from the emulator's token endpoint. */
export async function emulatorToken(tenantId = process.env.AZURE_TENANT_ID ?? ''): Promise<string> {
  const { AZURE_CLIENT_ID, AZURE_CLIENT_SECRET } = process.env;
  if (!AZURE_CLIENT_ID || !AZURE_CLIENT_SECRET) { throw new Error('AZURE_CLIENT_ID and AZURE_CLIENT_SECRET must be set by the test host.'); }
  const credential = new ClientSecretCredential(tenantId, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, { authorityHost: emulatorUrl(), disableInstanceDiscovery: true });
  const token = await credential.getToken('https://management.azure.com/.default');
  return token.token;
}

/** Every item of an ARM list as `tenantId`'s principal sees it, following nextLink. */
export async function armList<T = Record<string, unknown>>(pathAndQuery: string, tenantId = process.env.AZURE_TENANT_ID ?? ''): Promise<T[]> {
  const token = await emulatorToken(tenantId);
  const items: T[] = [];
  for (let next: string | undefined = new URL(pathAndQuery, emulatorUrl()).toString(); next; ) {
    const answer = await request('GET', next, undefined, { authorization: `Bearer ${token}` });
    if (answer.status !== 200) { throw new Error(`GET ${next}: HTTP ${answer.status}`); }
    const page = answer.json as { value?: T[]; nextLink?: string | null };
    items.push(...(page.value ?? []));
    next = page.nextLink ?? undefined;
  }
  return items;
}

/** The emulator world's today (YYYY-MM-DD): its usage ends the day before. */
export async function emulatorToday(): Promise<string> {
  const info = (await request('GET', new URL('/_emulator/info', emulatorUrl()).toString())).json as { asOf?: string } | undefined;
  if (!info?.asOf) { throw new Error('The emulator did not say its date (/_emulator/info has no asOf).'); }
  return info.asOf;
}

/** The last whole calendar month before `today` (YYYY-MM-DD), as the first and last day. */
export function monthBefore(today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}
