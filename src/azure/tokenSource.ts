// The one interface every sign-in source sits behind (Azure CLI, a service principal, managed
// identity, the editor's own sign-in), plus a cache that every source shares: tokens are reused
// until shortly before they expire, and concurrent callers wait on one request, not many.

export interface AccessTokenResult {
  token: string;
  /** Expiry, ms since the epoch. */
  expiresOnTimestamp: number;
}

export interface GetTokenOptions {
  signal?: AbortSignal;
  /** Ask for a token of this tenant rather than the source's default one. */
  tenantId?: string;
  /** Skip every cache (after ARM answered 401 for the cached token). */
  forceRefresh?: boolean;
}

export interface TokenSource {
  /** e.g. `azureCli`, `servicePrincipal`, `managedIdentity`, `vscode`. */
  readonly kind: string;
  getToken(scope: string, options?: GetTokenOptions): Promise<AccessTokenResult>;
}

export interface TokenCacheOptions {
  /** Refresh this long before expiry (default 5 minutes): a token must outlive the request it is sent with. */
  refreshMarginMs?: number;
  now?: () => number;
}

/** Wraps `inner` with a per-scope, per-tenant cache. */
export function cachedTokenSource(inner: TokenSource, options: TokenCacheOptions = {}): TokenSource {
  const margin = options.refreshMarginMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, AccessTokenResult>();
  const inFlight = new Map<string, Promise<AccessTokenResult>>();
  return {
    kind: inner.kind,
    async getToken(scope, getOptions = {}) {
      const key = `${getOptions.tenantId ?? ''}|${scope}`;
      const cached = cache.get(key);
      if (!getOptions.forceRefresh && cached && cached.expiresOnTimestamp - margin > now()) { return cached; }
      const pending = inFlight.get(key);
      if (pending && !getOptions.forceRefresh) { return pending; }
      const request = inner
        .getToken(scope, getOptions)
        .then((result) => {
          cache.set(key, result);
          return result;
        })
        .finally(() => {
          if (inFlight.get(key) === request) { inFlight.delete(key); }
        });
      inFlight.set(key, request);
      return request;
    },
  };
}

/** The tenant id (`tid` claim) of an access token, when it is a readable JWT. */
export function tenantOfToken(token: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { tid?: unknown } | null;
    return typeof claims?.tid === 'string' ? claims.tid : undefined;
  } catch {
    return undefined;
  }
}
