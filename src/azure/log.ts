// A tiny logger the extension backs with its LogOutputChannel, and the one redaction every log
// line and every error message goes through. Logs and error messages are shared in bug reports,
// so nothing that grants access may reach them: bearer tokens, client secrets, SAS signatures and
// expiries, invoice download tokens, blob URL queries; nor whom they belong to (e-mail addresses).

export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

const REDACTED = '[redacted]';

/** Query parameters whose values grant access (SAS fields, download tokens, OAuth secrets). */
const SECRET_PARAMS = [
  'sig', 'se', 'st', 'sv', 'sp', 'sr', 'spr', 'skoid', 'sktid', 'skt', 'ske', 'sks', 'skv', 'rsct',
  'downloadtoken', 'client_secret', 'clientsecret', 'client_assertion', 'access_token', 'accesstoken',
  'refresh_token', 'refreshtoken', 'id_token', 'idtoken', 'code', 'token',
];

/** Fields of JSON (or of a printed object) whose values grant access, in both spellings Azure uses. */
const SECRET_FIELDS = [
  'access_?token', 'refresh_?token', 'id_?token', 'client_?secret', 'client_?assertion', 'download_?token', 'token',
];

/** Shorter values would blank ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * Values blanked wherever they appear, besides the patterns below: a client secret the sign-in
 * read from the environment, for instance. They stay known for the life of the process, because
 * a request of a session that was replaced may still fail, and be logged, afterwards.
 */
const registeredSecrets = new Set<string>();

/** Makes every later redaction (log lines, error messages) blank `value`. Short values are ignored. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) { registeredSecrets.add(value); }
}

/** Hosts and paths that serve SAS links: their whole query is a credential. */
function isBlobUrl(url: URL): boolean {
  return /\.blob\.core\.(windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)$/i.test(url.hostname) || /^\/blob\//i.test(url.pathname);
}

/** A URL safe to log: the query of a blob link dropped, secret parameters of any other blanked. */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Not parseable as a URL: keep what stands before the query and hide the rest. (Handing it
    // back to redactText would find the same text again and recurse without end.)
    const q = raw.indexOf('?');
    return q < 0 ? raw : `${raw.slice(0, q)}?${REDACTED}`;
  }
  if (isBlobUrl(url)) { return url.search ? `${url.origin}${url.pathname}?${REDACTED}` : `${url.origin}${url.pathname}`; }
  const parts = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return SECRET_PARAMS.includes(decodeSafe(name).toLowerCase()) ? `${name}=${REDACTED}` : pair;
    });
  return `${url.origin}${url.pathname}${parts.length ? `?${parts.join('&')}` : ''}`;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An e-mail address (a sign-in name, UPN): the local part has at least one character of its own. */
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/**
 * Free text with every credential blanked: registered and known secret values, bearer tokens,
 * JWTs, secret query parameters wherever they appear (also percent-encoded inside another URL),
 * token and secret fields of JSON or printed objects in camelCase and snake_case, and URLs (via
 * redactUrl). E-mail addresses keep their first letter and domain (`j***@contoso.com`): enough to
 * tell two accounts apart in a bug report, not enough to name the person.
 */
export function redactText(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of [...knownSecrets, ...registeredSecrets]) {
    if (secret && secret.length >= MIN_SECRET_LENGTH) { out = out.split(secret).join(REDACTED); }
  }
  out = out.replace(/https?:\/\/[^\s"'<>]+/gi, (match) => {
    // Punctuation that ends a sentence is not part of the URL ("see https://host:443/x.").
    const tail = /[),.;:!]+$/.exec(match)?.[0] ?? '';
    return redactUrl(match.slice(0, match.length - tail.length)) + tail;
  });
  out = out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/=]+/gi, `$1 ${REDACTED}`);
  out = out.replace(/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED);
  const names = SECRET_PARAMS.map(escapeRegExp).join('|');
  // `name=value` after anything but a letter or digit (a query, a form body, a sentence), and
  // `name%3Dvalue` inside a URL that was itself percent-encoded into another one.
  out = out.replace(new RegExp(`(%3F|%26|[^A-Za-z0-9_]|^)(${names})(=|%3D)(["']?)([^&\\s"'<>]*)`, 'gi'), (_m, lead: string, name: string, eq: string, quote: string, value: string) =>
    `${lead}${name}${eq}${quote}${value.startsWith(REDACTED) ? value : REDACTED}`);
  // "accessToken":"…", \"access_token\":\"…\" (JSON inside a string), accessToken: '…' (a printed object).
  const fields = SECRET_FIELDS.join('|');
  out = out.replace(new RegExp(`(\\\\?["']?)\\b(${fields})\\1(\\s*:\\s*)(\\\\?["'])[^"'\\\\]*`, 'gi'), (_m, q: string, name: string, colon: string, open: string) =>
    `${q}${name}${q}${colon}${open}${REDACTED}`);
  out = out.replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
  return out;
}

/** A logger whose every line is redacted before it reaches `inner`. */
export function redactingLogger(inner: Logger, knownSecrets: readonly string[] = []): Logger {
  const wrap = (write: (m: string) => void) => (message: string) => write(redactText(message, knownSecrets));
  return {
    trace: wrap((m) => inner.trace(m)),
    debug: wrap((m) => inner.debug(m)),
    info: wrap((m) => inner.info(m)),
    warn: wrap((m) => inner.warn(m)),
    error: wrap((m) => inner.error(m)),
  };
}
