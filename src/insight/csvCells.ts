// The cells of every CSV the extension writes (usage and cost, the billing tables), in one place so
// that no writer escapes differently. Text in these files comes from resource names, tags and
// descriptions that anyone with write access to a resource can set, so it is hostile:
// - every text cell is quoted (RFC 4180, quotes doubled), not only those holding `,` `"` or a line
//   break: a spreadsheet in a locale whose separator is `;` splits an unquoted `x;=CMD()` in two
//   and runs the second half;
// - a text cell that a spreadsheet would run as a formula gets a leading apostrophe inside the
//   quotes (OWASP's advice on CSV injection). Spreadsheets skip leading blanks before `=`, so
//   the test looks past whitespace; the full-width `＝＋－＠` are read as formula starts by some.
// Numbers we formatted ourselves stay bare: a leading minus on -12.50 is a sign, not a formula.

export const CSV_LINE_END = '\r\n';

const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** A plain decimal as `unitsToDecimalString` or `String(number)` writes it. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** A text cell: always quoted, formula starts defused. */
export function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * A number cell: bare when it is a plain decimal, empty when there is no value. Anything else is
 * not a number we wrote, so it is written as text, with the same guard.
 */
export function numberCell(value: string): string {
  if (value === '') { return ''; }
  return PLAIN_NUMBER.test(value) ? value : textCell(value);
}

/** Lines of cells already made by textCell/numberCell, as the file's text (CRLF after each line). */
export function csvText(lines: ReadonlyArray<readonly string[]>): string {
  return lines.map((cells) => cells.join(',') + CSV_LINE_END).join('');
}
