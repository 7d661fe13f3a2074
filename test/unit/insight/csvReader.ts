// Reads CSV text back the way a spreadsheet does (RFC 4180: quoted cells, doubled quotes, line
// breaks inside quotes), recording for each cell whether it was quoted: the tests check what a
// spreadsheet would see, not only the characters written.

export interface ReadCell {
  value: string;
  quoted: boolean;
}

export function readCsv(text: string, separator = ','): ReadCell[][] {
  const rows: ReadCell[][] = [];
  let row: ReadCell[] = [];
  let i = 0;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) { throw new Error('unterminated quoted cell'); }
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') { value += text[i++]; }
    }
    row.push({ value, quoted });
    if (text[i] === separator) {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      i += 2;
      endRow();
    } else if (i < text.length) {
      throw new Error(`unexpected ${JSON.stringify(text[i])} after a cell at ${i}`);
    }
  }
  if (row.length) { endRow(); }
  return rows;
}

/** The cells' values only. */
export function csvValues(text: string, separator = ','): string[][] {
  return readCsv(text, separator).map((r) => r.map((c) => c.value));
}
