// A real ArmClient wired to the in-process emulator through the real service-principal sign-in
// (ClientSecretCredential against the emulator's token endpoint), with fast retries for tests.
import { ArmClient, ArmClientOptions } from '../../../src/azure/armClient';
import { AzureError } from '../../../src/azure/errors';
import { customCloud } from '../../../src/azure/clouds';
import { servicePrincipalTokenSource } from '../../../src/azure/identitySources';
import { RequestRecorder } from '../../../src/azure/instrumentation';
import { Logger } from '../../../src/azure/log';
import { TokenSource } from '../../../src/azure/tokenSource';
import type { FaultRule } from '../../emulator/faults';
import type { Emulator } from '../../emulator/server';
import { useEmulator } from '../../support/emulator';
import { registerTestRoutes } from './testRoutes';

/** Every line a client logged, for assertions about what reached the log. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  trace = (m: string) => this.lines.push(`trace ${m}`);
  debug = (m: string) => this.lines.push(`debug ${m}`);
  info = (m: string) => this.lines.push(`info ${m}`);
  warn = (m: string) => this.lines.push(`warn ${m}`);
  error = (m: string) => this.lines.push(`error ${m}`);
  get text(): string {
    return this.lines.join('\n');
  }
}

/**
 * The in-process emulator of a test file, with the client's test routes (and what `extraRoutes`
 * adds) registered on first use. Each call clears the faults an earlier test left and adds
 * `rules`, so every test starts from the emulator it describes.
 */
export function useRoutedEmulator(...extraRoutes: Array<(emu: Emulator) => void>): (...rules: FaultRule[]) => Emulator {
  const emu = useEmulator();
  let registered = false;
  return (...rules) => {
    const e = emu();
    if (!registered) {
      registerTestRoutes(e);
      for (const register of extraRoutes) { register(e); }
      registered = true;
    }
    e.faults.clear();
    for (const rule of rules) { e.faults.add(rule); }
    return e;
  };
}

export function emulatorTokenSource(emu: Emulator): TokenSource {
  return servicePrincipalTokenSource({ tenantId: emu.tenantId, clientId: emu.clientId, clientSecret: emu.clientSecret, authorityHost: emu.baseUrl });
}

export interface TestClient {
  client: ArmClient;
  recorder: RequestRecorder;
  log: MemoryLogger;
}

/** A client with small back-off (tests must stay fast) unless `overrides` says otherwise. */
export function testClient(emu: Emulator, overrides: Partial<ArmClientOptions> = {}): TestClient {
  const recorder = new RequestRecorder();
  const log = new MemoryLogger();
  const client = new ArmClient({
    cloud: customCloud({ resourceManagerEndpoint: emu.baseUrl }),
    tokenSource: emulatorTokenSource(emu),
    logger: log,
    knownSecrets: [emu.clientSecret],
    onRequest: recorder.listener,
    timeoutMs: 5_000,
    minPollMs: 10,
    ...overrides,
    retry: { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 100, retryAfterJitterMs: 0, ...overrides.retry },
  });
  return { client, recorder, log };
}

/** Collects an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) { out.push(item); }
  return out;
}

/** The AzureError a call rejected with; fails the test when it resolved or threw something else. */
export async function failureOf(call: Promise<unknown>): Promise<AzureError> {
  try {
    await call;
  } catch (e) {
    if (e instanceof AzureError) { return e; }
    throw new Error(`Expected an AzureError, got: ${String(e)}`, { cause: e });
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}
