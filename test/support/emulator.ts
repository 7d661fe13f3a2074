// Starts the emulator in-process for a test file, trusting the CA that the test runner handed to
// Node (NODE_EXTRA_CA_CERTS), so production code paths run unchanged against it.
import * as assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { Emulator, EmulatorOptions, startEmulator } from '../emulator/server';
import { testCaDir } from './paths';
import type { BillingAccount } from './wireShapes';

export const FIXED_AS_OF = '2026-11-15';

/** Registers before/after hooks and returns a getter for the running emulator. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  before(async () => {
    emulator = await startEmulator({ caDir: testCaDir, asOf: FIXED_AS_OF, ...options });
  });
  after(async () => {
    await emulator?.close();
  });
  return () => {
    if (!emulator) { throw new Error('The emulator has not started yet.'); }
    return emulator;
  };
}

/** A fetch against the emulator with a valid token, for tests of the emulator itself. */
export async function armFetch(emu: Emulator, pathAndQuery: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = init.token === undefined ? emu.issueToken() : init.token;
  if (token) { headers.set('authorization', `Bearer ${token}`); }
  return fetch(new URL(pathAndQuery, emu.baseUrl), { ...init, headers });
}

/** An ARM resource as a test reads it off the wire: the envelope, and the properties it names. */
export interface ArmResource<P> {
  id: string;
  name: string;
  type: string;
  properties: P;
}

/** One page of an ARM list. */
export interface ArmPage<T> {
  value: T[];
  nextLink?: string | null;
}

/** An amount as ARM writes it. */
export interface WireAmount {
  value: number;
  currency: string;
}

/**
 * The JSON body of a response as the shape the test reads (nothing checks it: the assertions
 * do). Without a type argument it is `unknown`, so a test says what it expects to find.
 */
export async function jsonAs<T = unknown>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/**
 * Every item of an ARM list, following nextLink, for tests of the emulator itself: each page must
 * answer 200 (the message shows what came instead), and paging must end.
 */
export async function armListAll<T>(emu: Emulator, pathAndQuery: string, token?: string): Promise<T[]> {
  const items: T[] = [];
  for (let url: string | undefined = pathAndQuery, pages = 0; url; pages++) {
    assert.ok(pages < 100, 'paging must end');
    const res = await armFetch(emu, url, { token });
    assert.equal(res.status, 200, `GET ${url}: ${res.status} ${res.status === 200 ? '' : await res.text()}`);
    const body = await jsonAs<ArmPage<T>>(res);
    items.push(...body.value);
    url = body.nextLink || undefined;
  }
  return items;
}

/** The caller's billing account of an agreement type, from the first page of the 2024-04-01 list. */
export async function billingAccountOf(emu: Emulator, agreementType: string, token?: string): Promise<BillingAccount> {
  const page = await jsonAs<ArmPage<BillingAccount>>(await armFetch(emu, '/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01', { token }));
  const account = page.value.find((a) => a.properties.agreementType === agreementType);
  assert.ok(account, `a billing account of type ${agreementType}`);
  return account;
}
