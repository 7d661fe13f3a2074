// The matrix as text: one line per call, three letters per fault (first request, every request,
// second request only), then the counts. Every line begins with '# ' so it reads as a diagnostic.
import type { CellResult, Outcome } from './matrixRunner';
import type { MatrixFault } from './matrixFaults';

const LETTER: Record<Outcome, string> = { recovered: 'R', empty: 'E', typed: 'T', wrong: 'W', hang: 'H', untyped: 'U' };

export interface RowReport {
  call: string;
  /** Per fault, per mode; undefined where the call has no second request. */
  cells: Array<Array<CellResult | undefined>>;
}

const NAME_WIDTH = 26;

export function legend(faults: readonly MatrixFault[]): string[] {
  const names = faults.map((f, i) => `${String(i + 1).padStart(2)} ${f.id}`);
  const lines = ['# Fault matrix: a row per call, three cells per fault: its first request / every request / its second request only.'];
  lines.push('#   R recovered (the fault-free data)   E empty (as Azure answered: no items, or those before the emptied page)');
  lines.push('#   T typed error with advice   W wrong data   H hang   U untyped ("unexpected")   . no second request');
  for (let i = 0; i < names.length; i += 5) { lines.push(`#   ${names.slice(i, i + 5).map((n) => n.padEnd(26)).join('')}`.trimEnd()); }
  lines.push(`# ${''.padEnd(NAME_WIDTH)}${faults.map((_, i) => String(i + 1).padEnd(4)).join('')}`.trimEnd());
  return lines;
}

export function rowLine(row: RowReport): string {
  const cells = row.cells.map((modes) => modes.map((c) => (c ? LETTER[c.outcome] : '.')).join('')).join(' ');
  return `# ${row.call.padEnd(NAME_WIDTH)}${cells}`;
}

export function counts(rows: readonly RowReport[]): Record<Outcome | 'cells', number> {
  const out: Record<Outcome | 'cells', number> = { cells: 0, recovered: 0, typed: 0, empty: 0, wrong: 0, hang: 0, untyped: 0 };
  for (const row of rows) {
    for (const modes of row.cells) {
      for (const cell of modes) {
        if (!cell) { continue; }
        out.cells += 1;
        out[cell.outcome] += 1;
      }
    }
  }
  return out;
}

export function countsLine(rows: readonly RowReport[]): string {
  const c = counts(rows);
  return `# ${c.cells} cells: ${c.recovered} recovered, ${c.typed} typed errors with advice, ${c.empty} empty as Azure answered, ${c.wrong} wrong data, ${c.hang} hangs, ${c.untyped} untyped`;
}

/** How often each advice was given, for the typed cells. */
export function adviceLine(rows: readonly RowReport[]): string {
  const byAdvice = new Map<string, number>();
  for (const row of rows) { for (const modes of row.cells) { for (const cell of modes) { if (cell?.outcome === 'typed') { byAdvice.set(cell.advice!, (byAdvice.get(cell.advice!) ?? 0) + 1); } } } }
  return `# advice given: ${[...byAdvice.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`;
}
