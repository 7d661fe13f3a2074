// Sorting in the page: stable, empty cells last whichever way, numbers as numbers.
import type { TableRow } from '../../../src/shared/tablePanelMessages';

export interface SortOrder {
  columnId: string;
  descending: boolean;
}

export function sortRows(rows: readonly TableRow[], order: SortOrder | undefined): TableRow[] {
  const indexed = rows.map((row, index) => ({ row, index }));
  if (!order) { return rows.slice(); }
  indexed.sort((a, b) => {
    const x = a.row.cells[order.columnId]?.sort ?? null;
    const y = b.row.cells[order.columnId]?.sort ?? null;
    if (x === null && y === null) { return a.index - b.index; }
    if (x === null) { return 1; }
    if (y === null) { return -1; }
    const compared = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
    return (order.descending ? -compared : compared) || a.index - b.index;
  });
  return indexed.map((e) => e.row);
}
