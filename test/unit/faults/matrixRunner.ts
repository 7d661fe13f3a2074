// Running the cells of the fault matrix and saying what each ended in. Each cell gets a fresh client
// (fast retries, small per-attempt limits) and a fault rule placed on its call's requests; the
// outcome is judged against the fault-free run of the same call.
import { isDeepStrictEqual } from 'node:util';
import { ArmClient } from '../../../src/azure/armClient';
import { RequestRecorder } from '../../../src/azure/instrumentation';
import type { TokenSource } from '../../../src/azure/tokenSource';
import { adviseOnFailure } from '../../../src/views/commands/failureAdvice';
import { testClient } from '../azure/clientFixture';
import type { MatrixCall, MatrixWorld } from './matrixCalls';
import { Expected, FAULTS, MatrixFault, Mode, MODES, ruleFor } from './matrixFaults';
import type { RowReport } from './matrixReport';

export type Outcome = 'recovered' | 'empty' | 'typed' | 'wrong' | 'hang' | 'untyped';

export interface CellResult {
  outcome: Outcome;
  /** The advice a person would get, for a failure. */
  advice?: string;
  /** What went wrong, for a cell that differs from what is written down. */
  detail?: string;
}

export interface Baseline {
  result: unknown;
  /** Requests of the fault-free run that the call's faults would hit. */
  hits: number;
}

/** A cell that has not ended by then never will: it is a hang. Far above any cell's real time. */
const WATCHDOG_MS = 30_000;

/**
 * The client every cell uses: tiny back-off, and per-attempt limits far above the latency fault
 * (LATENCY_MS, 30 ms) so that only a stall ends an attempt, yet small enough to keep stalls cheap.
 */
export function matrixClient(world: MatrixWorld, tokenSource: TokenSource): { client: ArmClient; recorder: RequestRecorder } {
  const { client, recorder } = testClient(world.emu, {
    tokenSource,
    timeoutMs: 10_000,
    idleTimeoutMs: 300,
    retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, retryAfterJitterMs: 0 },
  });
  return { client, recorder };
}

/** Requests of a recorded run that `where` matches (as the emulator matches rules: a path substring). */
export function hitsOf(recorder: RequestRecorder, where: MatrixCall['where']): number {
  return recorder.events.filter((e) => new URL(e.url).pathname.toLowerCase().includes(where.path.toLowerCase()) && (!where.method || e.method === where.method)).length;
}

export async function runBaseline(call: MatrixCall, world: MatrixWorld, tokenSource: TokenSource): Promise<Baseline> {
  world.emu.faults.clear();
  if (call.pageSize) { world.emu.settings.pageSize = call.pageSize; }
  const { client, recorder } = matrixClient(world, tokenSource);
  try {
    const result = await call.run(client, world, new AbortController().signal);
    return { result, hits: hitsOf(recorder, call.where) };
  } finally {
    client.dispose();
  }
}

export function expectedFor(call: MatrixCall, fault: MatrixFault, mode: Mode): Expected {
  if (mode === 'second' && call.oneRequest) { return 'n/a'; }
  const written = call.differs?.[fault.id]?.[mode] ?? fault.expect[mode];
  return written === 'permission' ? call.permission : written;
}

export function matches(expected: Expected, cell: CellResult): boolean {
  if (expected.startsWith('typed:')) { return cell.outcome === 'typed' && cell.advice === expected.slice('typed:'.length); }
  return cell.outcome === expected;
}

function judge(call: MatrixCall, baseline: Baseline, result: unknown): CellResult {
  if (isDeepStrictEqual(result, baseline.result)) { return { outcome: 'recovered' }; }
  const items = call.items(result);
  const all = call.items(baseline.result);
  // Fewer items than without the fault, each as it was: the list ended where Azure answered empty.
  if (items.length < all.length && isDeepStrictEqual(items, all.slice(0, items.length))) { return { outcome: 'empty', detail: `${items.length} of ${all.length} items` }; }
  return { outcome: 'wrong', detail: `${items.length} items, ${all.length} without the fault, not the same` };
}

export async function runCell(call: MatrixCall, fault: MatrixFault, mode: Mode, world: MatrixWorld, tokenSource: TokenSource, baseline: Baseline): Promise<CellResult> {
  const emu = world.emu;
  emu.faults.clear();
  if (call.pageSize) { emu.settings.pageSize = call.pageSize; }
  emu.faults.add(ruleFor(fault, mode, call.where));
  const { client } = matrixClient(world, tokenSource);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('hang');
    }, WATCHDOG_MS);
  });
  try {
    const ended = await Promise.race([
      call.run(client, world, controller.signal).then((result) => ({ result }), (error: unknown) => ({ error })),
      watchdog,
    ]);
    if (ended === 'hang') { return { outcome: 'hang', detail: `no end within ${WATCHDOG_MS / 1000} s` }; }
    if ('result' in ended) { return judge(call, baseline, ended.result); }
    const advice = adviseOnFailure(ended.error);
    const detail = `${(ended.error as Error)?.name}: ${(ended.error as Error)?.message}`;
    if (advice.kind === 'unexpected' || advice.kind === 'cancelled') { return { outcome: 'untyped', advice: advice.kind, detail }; }
    return { outcome: 'typed', advice: advice.kind, detail };
  } finally {
    clearTimeout(timer);
    client.dispose();
    emu.faults.clear();
  }
}

export interface RowRun {
  row: RowReport;
  /** A fault-free run that cannot serve as the yardstick, or cells that ended otherwise than written down. */
  problems: string[];
}

/** Every cell of one call, one after the other (they share the emulator's fault rules). */
export async function runRow(call: MatrixCall, world: MatrixWorld, tokenSource: TokenSource): Promise<RowRun> {
  const row: RowReport = { call: call.id, cells: [] };
  const baseline = await runBaseline(call, world, tokenSource);
  const items = call.items(baseline.result);
  if (items.length === 0) { return { row, problems: ['the fault-free run has no data to compare with'] }; }
  if (call.oneRequest ? baseline.hits !== 1 : baseline.hits < 2) {
    return { row, problems: [`the fault-free run makes ${baseline.hits} request(s) the faults hit; written down: ${call.oneRequest ? 'one' : 'two or more'}`] };
  }
  const problems: string[] = [];
  for (const fault of FAULTS) {
    const modes: Array<CellResult | undefined> = [];
    for (const mode of MODES) {
      const expected = expectedFor(call, fault, mode);
      if (expected === 'n/a') {
        modes.push(undefined);
        continue;
      }
      const cell = await runCell(call, fault, mode, world, tokenSource, baseline);
      modes.push(cell);
      if (!matches(expected, cell)) { problems.push(`${fault.id} / ${mode}: expected ${expected}, got ${cell.outcome}${cell.advice ? `:${cell.advice}` : ''} (${cell.detail ?? ''})`); }
    }
    row.cells.push(modes);
  }
  return { row, problems };
}
