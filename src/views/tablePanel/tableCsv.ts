// A table as CSV, with the insight layer's cell rules (csvCells: every text cell quoted, spreadsheet
// formulas in text that came from Azure defused, amounts left as numbers). Values are the
// culture-neutral `raw` ones: ISO dates and plain decimals. Money never loses its currency: one
// Currency column when every amount of a row shares it, otherwise a currency column beside each amount.
import { csvText, numberCell, textCell } from '../../insight/csvCells';
import type { TableColumn, TableDocument } from '../../shared/tablePanelMessages';

export interface CsvWords {
  currency: string;
  /** "{0} currency" for the per-column variant; {0} is the column's label. */
  columnCurrency(label: string): string;
}

export function tableToCsv(doc: TableDocument, words: CsvWords): string {
  const moneyColumns = doc.columns.filter((c) => c.kind === 'money');
  const oneCurrencyPerRow = doc.rows.every((row) => new Set(moneyColumns.map((c) => row.cells[c.id]?.currency).filter(Boolean)).size <= 1);
  const header: string[] = [];
  for (const column of doc.columns) {
    header.push(column.label);
    if (column.kind === 'money' && !oneCurrencyPerRow) { header.push(words.columnCurrency(column.label)); }
  }
  if (oneCurrencyPerRow && moneyColumns.length > 0) { header.push(words.currency); }
  const lines = [header.map((label) => textCell(String(label)))];
  for (const row of doc.rows) {
    const cells: string[] = [];
    for (const column of doc.columns) {
      const cell = row.cells[column.id];
      // String(): a table restored from a page's saved state may hold anything.
      cells.push(valueCell(column, String(cell?.raw ?? '')));
      if (column.kind === 'money' && !oneCurrencyPerRow) { cells.push(textCell(String(cell?.currency ?? ''))); }
    }
    if (oneCurrencyPerRow && moneyColumns.length > 0) {
      const currency = moneyColumns.map((c) => row.cells[c.id]?.currency).find(Boolean) ?? '';
      cells.push(textCell(String(currency)));
    }
    lines.push(cells);
  }
  return csvText(lines);
}

/** Amounts and counts are number cells (a leading minus is a sign); dates and text are text cells. */
function valueCell(column: TableColumn, raw: string): string {
  return column.kind === 'money' || column.kind === 'number' ? numberCell(raw) : textCell(raw);
}
