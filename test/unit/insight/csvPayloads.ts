// Text that a hostile resource name, tag or description could hold, with what a spreadsheet must
// read from our CSV: the same text, behind an apostrophe when it would otherwise run as a formula.
// Shared by the tests of the cell rules and of each CSV writer.

export interface CsvPayload {
  text: string;
  /** The cell's value as a spreadsheet reads it back (quotes removed). */
  readsAs: string;
}

const defused = (text: string): CsvPayload => ({ text, readsAs: `'${text}` });
const asIs = (text: string): CsvPayload => ({ text, readsAs: text });

export const CSV_PAYLOADS: readonly CsvPayload[] = [
  defused('=1+1'),
  defused('+1'),
  defused('-1+2'),
  // Text that looks like a negative number is still text: only amounts we wrote stay numbers.
  defused('-12.50'),
  defused('@SUM(A1)'),
  defused('\t=1'),
  defused('\r=1'),
  defused('   =HYPERLINK("x")'),
  defused('\u00A0=1+1'),
  defused('\uFF1D1+1'),
  // Not a formula in its own cell; quoting keeps a `;`-separator spreadsheet from splitting it.
  asIs('x;=HYPERLINK("http://e")'),
  asIs('a"b'),
  asIs('a,b'),
  asIs('a\nb'),
  asIs('a\r\nb'),
  asIs('서울 리전 가상 머신 (월 청구)'),
  asIs(''),
];

/** True when a spreadsheet would run the value as a formula. */
export function looksLikeFormula(value: string): boolean {
  return /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/.test(value);
}
