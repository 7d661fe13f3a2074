// Reads the error out of whatever body an Azure service sent. The families disagree on the shape
// (docs/azure-apis.md#error-bodies): ARM `{error:{code,message}}`, Commerce's flat
// `{code,message}`, RateCard's `{Message}`, retail prices' `{Error:{Code,Message}}`, storage XML,
// and plain text or HTML from proxies. One tolerant reader keeps every caller simple.

export interface ErrorDetail {
  code?: string;
  message?: string;
  target?: string;
}

export interface ParsedErrorBody {
  code?: string;
  message?: string;
  target?: string;
  details: ErrorDetail[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first string among `names` on `obj` (code may be numeric, e.g. a bare 429). */
function pick(obj: Json, names: string[]): string | undefined {
  for (const name of names) {
    const v = obj[name];
    if (typeof v === 'string' && v !== '') { return v; }
    if (typeof v === 'number') { return String(v); }
  }
  return undefined;
}

function fromObject(obj: Json): ParsedErrorBody {
  // `error` (ARM) or `Error` (retail prices) wraps the fields; otherwise they sit at the top.
  const inner = isObject(obj.error) ? obj.error : isObject(obj.Error) ? obj.Error : obj;
  const rawDetails = Array.isArray(inner.details) ? inner.details : Array.isArray(inner.Details) ? inner.Details : [];
  const details = rawDetails.filter(isObject).map((d) => ({
    code: pick(d, ['code', 'Code']),
    message: pick(d, ['message', 'Message']),
    target: pick(d, ['target', 'Target']),
  }));
  return {
    code: pick(inner, ['code', 'Code']),
    message: pick(inner, ['message', 'Message']) ?? (typeof obj.error === 'string' ? pick(obj, ['error_description']) : undefined),
    target: pick(inner, ['target', 'Target']),
    details,
  };
}

function xmlTag(text: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'i').exec(text);
  return m ? m[1].trim() : undefined;
}

/** Up to `max` characters of a non-JSON body, tags stripped, for a message a person can read. */
function plainText(text: string, max = 300): string | undefined {
  const flat = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  if (!flat) { return undefined; }
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Whatever code and message the body carries; never throws. */
export function parseErrorBody(text: string | undefined, contentType = ''): ParsedErrorBody {
  const empty: ParsedErrorBody = { details: [] };
  if (!text) { return empty; }
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || contentType.includes('json')) {
    try {
      const json: unknown = JSON.parse(trimmed);
      if (isObject(json)) { return fromObject(json); }
    } catch {
      // fall through: a JSON content type with a broken body is read as text
    }
  }
  if (trimmed.startsWith('<') && /<Error>/i.test(trimmed)) {
    // Azure Storage: <Error><Code>AuthenticationFailed</Code><Message>…</Message></Error>
    return { code: xmlTag(trimmed, 'Code'), message: xmlTag(trimmed, 'Message'), details: [] };
  }
  return { message: plainText(trimmed), details: [] };
}
