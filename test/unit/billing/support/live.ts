// The real client against the in-process emulator, for end-to-end tests of billing/ modules:
// one client per tenant, plus raw route JSON for computing expectations independently of the
// parsers under test.
import type { Emulator } from '../../../emulator/server';
import { ArmPage, armFetch, jsonAs } from '../../../support/emulator';
import { testClient, TestClient } from '../../azure/clientFixture';

export function clientFor(emu: Emulator, tenantId?: string): TestClient {
  return testClient(emu, tenantId ? { tenantId } : {});
}

/** Every item of a raw ARM list route, following nextLink, as the emulator sent them. */
export async function rawList<T>(emu: Emulator, pathAndQuery: string, tenantId?: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = pathAndQuery;
  while (next) {
    const res = await armFetch(emu, next, { token: emu.issueToken(tenantId) });
    if (res.status === 204) { break; }
    if (res.status !== 200) { throw new Error(`raw ${pathAndQuery}: ${res.status} ${await res.text()}`); }
    const body = await jsonAs<ArmPage<T>>(res);
    items.push(...body.value);
    next = body.nextLink || undefined;
  }
  return items;
}

export async function rawGet<T>(emu: Emulator, pathAndQuery: string, tenantId?: string): Promise<{ status: number; body: T | undefined }> {
  const res = await armFetch(emu, pathAndQuery, { token: emu.issueToken(tenantId) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as T) : undefined };
}

/** The path of each request a client made, with its api-version, in order. */
export function requestsOf(tc: TestClient): string[] {
  return tc.recorder.events.map((r) => {
    const u = new URL(r.url);
    return `${r.method} ${u.pathname} ${u.searchParams.get('api-version') ?? ''}`.trim();
  });
}
