// File and folder names for downloaded invoices. The names come from the server (invoice ids,
// billing profile names), so they are treated as hostile: whatever they contain, the result is a
// single path segment that cannot leave the folder it is joined to, on Windows, macOS or Linux.

/** Windows refuses these as file names, with or without an extension (`CON.pdf` too). */
const RESERVED_DEVICE_NAMES = /^(con|prn|aux|nul|clock\$|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Characters that are separators or illegal somewhere: / \ : * ? " < > | plus NUL. */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters this pattern exists to find
const ILLEGAL_CHARACTERS = /[/\\:*?"<>|\u0000]/g;

/** Control characters, line separators and invisible format characters (e.g. the right-to-left
 *  override that can disguise `fdp.exe` as `exe.pdf`). */
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Most file systems allow 255 bytes per name; stay well below so a "(2)" suffix still fits. */
export const MAX_NAME_BYTES = 120;

/**
 * A safe single path segment made from `raw`. The result never contains a separator, is never
 * `.`/`..`, never starts with a dot (no hidden files, no `..` prefix), never ends with a dot or
 * space (Windows strips them), is never a reserved device name, and fits in MAX_NAME_BYTES.
 */
export function safePathSegment(raw: string, fallback: string): string {
  let name = String(raw ?? '').normalize('NFC');
  // An ARM id or a path: only its last segment names the thing.
  name = name.replace(INVISIBLE_OR_CONTROL, '');
  name = name.replace(ILLEGAL_CHARACTERS, '_');
  name = name.replace(/\s+/g, ' ').trim();
  // Runs of dots become one, then leading and trailing dots go: `..`, `...`, `.hidden`, `name.`.
  name = name.replace(/\.{2,}/g, '.').replace(/^[.\s_]+/, '').replace(/[.\s]+$/, '');
  name = truncateToBytes(name, MAX_NAME_BYTES).replace(/[.\s]+$/, '');
  if (!name) { name = fallback; }
  const stem = name.split('.')[0];
  if (RESERVED_DEVICE_NAMES.test(stem)) { name = `_${name}`; }
  return name;
}

/**
 * The file name of an invoice document: the invoice id (the last segment when given a full ARM
 * id), sanitised, plus `.pdf`. `G123456789` → `G123456789.pdf`; `../../etc/passwd` → `etc_passwd.pdf`.
 */
export function invoiceFileName(invoiceId: string, extension = '.pdf'): string {
  const lastSegment = lastIdSegment(invoiceId);
  const stem = safePathSegment(lastSegment, 'invoice');
  const withoutExtension = stem.toLowerCase().endsWith(extension) ? stem.slice(0, -extension.length) || 'invoice' : stem;
  return `${truncateToBytes(withoutExtension, MAX_NAME_BYTES - Buffer.byteLength(extension)).replace(/[.\s]+$/, '') || 'invoice'}${extension}`;
}

/** `name.pdf` → `name (2).pdf`, for keeping both files when a different one is already there. */
export function numberedVariant(fileName: string, n: number): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const extension = dot > 0 ? fileName.slice(dot) : '';
  return `${stem} (${n})${extension}`;
}

/** The last segment of an ARM id, ignoring trailing slashes; a bare name is returned as it is,
 *  except that path-like junk (`../../x`) keeps its meaningful tail joined by `_`. */
function lastIdSegment(id: string): string {
  const text = String(id ?? '');
  if (/^\/?providers\//i.test(text) || /^\/?subscriptions\//i.test(text)) {
    const parts = text.split('/').filter(Boolean);
    return parts[parts.length - 1] ?? '';
  }
  return text;
}

function truncateToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) { return text; }
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > maxBytes) { break; }
    out += ch;
  }
  return out;
}
