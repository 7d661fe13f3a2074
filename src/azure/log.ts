// A tiny logger the extension backs with its LogOutputChannel, and the redaction every line goes
// through. Logs are shared in bug reports, so nothing that grants access may reach them: bearer
// tokens, client secrets, SAS signatures and expiries, invoice download tokens, blob URL queries.

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
  'downloadtoken', 'client_secret', 'client_assertion', 'access_token', 'refresh_token', 'code', 'token',
];

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
  if (isBlobUrl(url)) return url.search ? `${url.origin}${url.pathname}?${REDACTED}` : `${url.origin}${url.pathname}`;
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

/**
 * Free text with every credential blanked: known secret values, bearer tokens, JWTs, secret
 * query parameters wherever they appear, JSON fields holding tokens, and URLs (via redactUrl).
 */
export function redactText(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret && secret.length >= 4) out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  }
  out = out.replace(/https?:\/\/[^\s"'<>]+/gi, (match) => {
    // Punctuation that ends a sentence is not part of the URL ("see https://host:443/x.").
    const tail = /[),.;:!]+$/.exec(match)?.[0] ?? '';
    return redactUrl(match.slice(0, match.length - tail.length)) + tail;
  });
  out = out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/=]+/gi, `$1 ${REDACTED}`);
  out = out.replace(/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED);
  const names = SECRET_PARAMS.map(escapeRegExp).join('|');
  out = out.replace(new RegExp(`([?&\\s;,]|^)(${names})=([^&\\s"'<>]*)`, 'gi'), (_m, lead: string, name: string, value: string) =>
    value.startsWith(REDACTED) ? `${lead}${name}=${value}` : `${lead}${name}=${REDACTED}`);
  out = out.replace(/"(access_token|refresh_token|client_secret|clientSecret|downloadToken|token)"\s*:\s*"[^"]*"/gi, `"$1":"${REDACTED}"`);
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
