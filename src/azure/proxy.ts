// Which proxy a request goes through, decided from plain options so it is the same in the editor
// and in tests (docs/networking.md). The views read VS Code's `http.proxy`, `http.proxyStrictSSL`,
// `http.noProxy` and `http.proxySupport` and the environment, and hand the result down here: this
// layer never reads settings itself.

export interface ProxyOptions {
  /** `http://[user:password@]host:port` (or `https://`); undefined: every request goes direct. */
  url?: string;
  /** Verify the TLS certificates of the proxy and of the servers reached through it (default true). */
  strictSSL?: boolean;
  /** Hosts reached directly: `contoso.com` (and its subdomains), `.contoso.com`, `host:port`, `*`. */
  noProxy?: string[];
}

/** What the editor's settings say, as read by the views. */
export interface EditorProxySettings {
  /** `http.proxy`; empty: not set. */
  proxy?: string;
  /** `http.proxyStrictSSL` (VS Code's default: true). */
  strictSSL?: boolean;
  /** `http.noProxy`. */
  noProxy?: string[];
  /** `http.proxySupport`: `off` makes extensions ignore every proxy. */
  support?: string;
}

/**
 * The proxy options in force: the editor's `http.proxy`, else `HTTPS_PROXY` (then `HTTP_PROXY`)
 * from the environment; `http.noProxy` and `NO_PROXY` both name hosts reached directly; with
 * `http.proxySupport: off`, no proxy at all.
 */
export function resolveProxyOptions(editor: EditorProxySettings, env: NodeJS.ProcessEnv): ProxyOptions {
  if (editor.support === 'off') {return {};}
  const fromEnv = env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy;
  const url = editor.proxy?.trim() || fromEnv?.trim() || undefined;
  if (!url) {return {};}
  const noProxy = [...(editor.noProxy ?? []), ...splitList(env.NO_PROXY ?? env.no_proxy ?? '')].map((e) => e.trim()).filter(Boolean);
  return { url: normaliseProxyUrl(url), strictSSL: editor.strictSSL ?? true, noProxy };
}

function splitList(text: string): string[] {
  return text.split(/[\s,]+/);
}

/** `proxy:3128` means `http://proxy:3128`, as curl and VS Code read it. */
function normaliseProxyUrl(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
}

function defaultPort(protocol: string): string {
  return protocol === 'http:' ? '80' : '443';
}

/**
 * True when `target` is reached directly: an entry `*`, the host itself, a parent domain (with or
 * without a leading dot or `*.`), an entry with a port that matches host and port.
 */
export function bypassesProxy(target: URL, noProxy: readonly string[]): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || defaultPort(target.protocol);
  return noProxy.some((raw) => {
    let entry = raw.trim().toLowerCase();
    if (!entry) {return false;}
    if (entry === '*') {return true;}
    let entryPort: string | undefined;
    // `[::1]:8080`, `[::1]`, `host:8080`; a bare IPv6 address has colons but no port.
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const hostPort = /^([^:]+):(\d+)$/.exec(entry);
    if (bracketed) {[entry, entryPort] = [bracketed[1], bracketed[2]];}
    else if (hostPort) {[entry, entryPort] = [hostPort[1], hostPort[2]];}
    entry = entry.replace(/^\*?\./, '');
    if (entryPort !== undefined && entryPort !== port) {return false;}
    return host === entry || host.endsWith(`.${entry}`);
  });
}

/** The proxy `url` goes through, or undefined for a direct connection. */
export function proxyFor(url: string, options: ProxyOptions | undefined): URL | undefined {
  if (!options?.url) {return undefined;}
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return undefined;
  }
  if (bypassesProxy(target, options.noProxy ?? [])) {return undefined;}
  return new URL(options.url);
}

/** The proxy's address for logs and messages: never its user name or password. */
export function describeProxy(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}

/** The proxy's credentials, decoded, so the redaction can blank them wherever they appear. */
export function proxyCredentials(options: ProxyOptions | undefined): string[] {
  if (!options?.url) {return [];}
  try {
    const url = new URL(options.url);
    const out = [url.password, safeDecode(url.password), `${url.username}:${url.password}`].filter((v) => v.length > 0);
    return url.password ? out : [];
  } catch {
    return [];
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
