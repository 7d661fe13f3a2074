// Is a downloaded document a whole PDF? The header says it is a PDF at all (a storage error page
// or an HTML login page is not); the end-of-file marker says it was not cut short on the way.

/** PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H). */
const HEADER_WINDOW = 1024;
/** Writers may append whitespace or a little junk after the last `%%EOF`. */
const TRAILER_WINDOW = 1024;

export type PdfCheck = { ok: true } | { ok: false; reason: 'notPdf' | 'truncated' };

export function checkPdf(bytes: Uint8Array): PdfCheck {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buffer.subarray(0, HEADER_WINDOW).toString('latin1');
  if (!/%PDF-\d\.\d/.test(head)) { return { ok: false, reason: 'notPdf' }; }
  const tail = buffer.subarray(Math.max(0, buffer.length - TRAILER_WINDOW)).toString('latin1');
  if (!tail.includes('%%EOF')) { return { ok: false, reason: 'truncated' }; }
  return { ok: true };
}
