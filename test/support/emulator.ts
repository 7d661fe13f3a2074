// Starts the emulator in-process for a test file, trusting the CA that the test runner handed to
// Node (NODE_EXTRA_CA_CERTS), so production code paths run unchanged against it.
import { after, before } from 'node:test';
import { Emulator, EmulatorOptions, startEmulator } from '../emulator/server';
import { testCaDir } from './paths';

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

/** The JSON body of a response, untyped: tests read ARM shapes as they come. Being replaced by `jsonAs`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function jsonOf(res: Response): Promise<any> {
  return res.json();
}
