// A small PDF 1.4 writer for text documents: standard Type 1 fonts (no embedding), one content
// stream per page, a byte-exact cross-reference table. Output depends only on the input, so the
// same invoice always gives the same bytes. Enough for pdftotext/pdfinfo and every PDF viewer.

export interface PdfLine {
  text: string;
  /** Right-aligned text on the same line (amounts), set in Courier so it aligns exactly. */
  right?: string;
  size?: number;
  bold?: boolean;
  /** Extra space above the line, in points. */
  gapBefore?: number;
}

export interface PdfDocumentInput {
  title: string;
  /** 'D:YYYYMMDDHHmmSSZ' or a plain 'YYYY-MM-DD'. */
  creationDate: string;
  lines: PdfLine[];
}

const PAGE_WIDTH = 595; // A4 in points
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const COURIER_ADVANCE = 0.6; // every Courier glyph is 600/1000 em wide

/** Text as a PDF literal string in WinAnsi (Latin-1 here); characters outside it become '?'. */
function literal(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 63;
    const c = code >= 32 && code <= 255 && !(code >= 127 && code < 160) ? ch : '?';
    out += c === '\\' || c === '(' || c === ')' ? `\\${c}` : c;
  }
  return `(${out})`;
}

function pdfDate(input: string): string {
  if (input.startsWith('D:')) { return input; }
  return `D:${input.replace(/-/g, '')}000000Z`;
}

function paginate(lines: PdfLine[]): string[] {
  const pages: string[] = [];
  let ops: string[] = [];
  let y = PAGE_HEIGHT - MARGIN;
  const flush = () => {
    pages.push(ops.join('\n'));
    ops = [];
    y = PAGE_HEIGHT - MARGIN;
  };
  for (const line of lines) {
    const size = line.size ?? 10;
    const step = size * 1.4 + (line.gapBefore ?? 0);
    if (y - step < MARGIN && ops.length > 0) { flush(); }
    y -= step;
    const font = line.bold ? '/F2' : '/F1';
    ops.push(`BT ${font} ${size} Tf ${MARGIN} ${y.toFixed(2)} Td ${literal(line.text)} Tj ET`);
    if (line.right !== undefined) {
      const width = [...line.right].length * size * COURIER_ADVANCE;
      ops.push(`BT /F3 ${size} Tf ${(PAGE_WIDTH - MARGIN - width).toFixed(2)} ${y.toFixed(2)} Td ${literal(line.right)} Tj ET`);
    }
  }
  if (ops.length > 0 || pages.length === 0) { flush(); }
  return pages;
}

/** The PDF bytes: header, objects, xref table, trailer, `%%EOF`. */
export function writePdf(input: PdfDocumentInput): Buffer {
  const pages = paginate(input.lines);
  // Object numbers: 1 catalog, 2 page tree, 3–5 fonts, 6 info, then a page and its content per page.
  const pageRefs = pages.map((_, i) => 7 + i * 2);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageRefs.map((n) => `${n} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
    `<< /Title ${literal(input.title)} /Producer (Azure emulator invoice renderer) /CreationDate (${pdfDate(input.creationDate)}) >>`,
  ];
  for (const [i, content] of pages.entries()) {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents ${pageRefs[i] + 1} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  }
  // Latin-1 throughout, so string length is byte length and offsets are exact.
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) { out += `${String(offset).padStart(10, '0')} 00000 n \n`; }
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
