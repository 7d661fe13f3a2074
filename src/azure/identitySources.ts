// Token sources from @azure/identity: the Azure CLI sign-in, a service principal from the
// standard AZURE_* variables, and managed identity. Each is wrapped in the shared token cache.
import { AzureCliCredential, ClientSecretCredential, ManagedIdentityCredential, TokenCredential, TokenCredentialOptions } from '@azure/identity';
import { isKnownAuthority } from './clouds';
import { AzureError, cancelledError, isCancellation } from './errors';
import { describeProxy, proxyFor, ProxyOptions } from './proxy';
import { cachedTokenSource, TokenCacheOptions, TokenSource } from './tokenSource';

/**
 * Adapts an @azure/identity credential. MSAL keeps its own token cache inside each credential,
 * so a forced refresh (after ARM refused a token) builds a fresh credential: that is the one way
 * to be sure the next token is newly issued rather than the one ARM just refused.
 */
export function credentialTokenSource(kind: string, makeCredential: () => TokenCredential, cache: TokenCacheOptions = {}, reach?: Reach): TokenSource {
  let credential = makeCredential();
  const source: TokenSource = {
    kind,
    async getToken(scope, options = {}) {
      if (options.forceRefresh) {credential = makeCredential();}
      let token;
      try {
        token = await credential.getToken(scope, { abortSignal: options.signal, tenantId: options.tenantId });
      } catch (e) {
        if (options.signal?.aborted || isCancellation(e)) {throw cancelledError('Signing in');}
        if (reach && isUnreachable(e)) {throw unreachableError(kind, reach, e);}
        throw new AzureError({ kind: 'auth', message: `Signing in with ${kind} failed: ${(e as Error).message}`, cause: e });
      }
      if (!token) {throw new AzureError({ kind: 'auth', message: `Signing in with ${kind} returned no token.` });}
      return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
    },
  };
  return cachedTokenSource(source, cache);
}

const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
const IMDS = 'http://169.254.169.254/';

/**
 * The proxy @azure/identity should use to reach `endpoint`, in its own shape; none when the
 * endpoint is in `noProxy` or no proxy is set. (Left undefined, @azure/identity falls back to
 * HTTPS_PROXY by itself.) Certificate checks stay on: `strictSSL: false` is not offered there.
 */
export function identityProxyOptions(endpoint: string, proxy: ProxyOptions | undefined): TokenCredentialOptions['proxyOptions'] {
  const url = proxyFor(endpoint, proxy);
  if (!url) {return undefined;}
  const decode = (s: string) => (s ? decodeURIComponent(s) : undefined);
  return {
    host: `${url.protocol}//${url.hostname}`,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    username: decode(url.username),
    password: decode(url.password),
  };
}

/** Where a credential goes over HTTP, and through which proxy, for a message when it cannot get there. */
export interface Reach {
  endpoint: string;
  proxy?: ProxyOptions;
}

/**
 * MSAL reports an authority it could not reach (no network, a proxy that refused) as
 * `endpoints_resolution_error`, and @azure/identity calls that an unavailable credential, which
 * would send the person to sign in again rather than to the network settings.
 */
function isUnreachable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${causeText((error as { cause?: unknown }).cause)}` : String(error);
  return /endpoints_resolution_error|\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN)\b/.test(text);
}

/** A cause as text: its message when it is an Error, the value itself when it is a string or number. */
function causeText(cause: unknown): string {
  if (cause instanceof Error) {return cause.message;}
  return typeof cause === 'string' || typeof cause === 'number' ? String(cause) : '';
}

function unreachableError(kind: string, reach: Reach, cause: unknown): AzureError {
  const proxy = proxyFor(reach.endpoint, reach.proxy);
  const via = proxy ? ` through the proxy ${describeProxy(proxy)} (check http.proxy or HTTPS_PROXY, and the proxy's user name and password)` : '';
  return new AzureError({ kind: 'network', message: `Signing in with ${kind} failed: ${new URL(reach.endpoint).origin} could not be reached${via}.`, cause });
}

export interface ServicePrincipalSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Defaults to the public cloud's authority. */
  authorityHost?: string;
}

export function servicePrincipalTokenSource(settings: ServicePrincipalSettings, cache?: TokenCacheOptions, proxy?: ProxyOptions): TokenSource {
  const authorityHost = settings.authorityHost;
  // MSAL validates an authority against Microsoft's list; a custom one (the emulator, Azure Stack)
  // would fail that check, so discovery is off for anything that is not a known cloud.
  const disableInstanceDiscovery = authorityHost !== undefined && !isKnownAuthority(authorityHost);
  return credentialTokenSource(
    'servicePrincipal',
    () => new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret, {
      authorityHost,
      disableInstanceDiscovery,
      additionallyAllowedTenants: ['*'],
      proxyOptions: identityProxyOptions(authorityHost ?? DEFAULT_AUTHORITY, proxy),
    }),
    cache,
    { endpoint: authorityHost ?? DEFAULT_AUTHORITY, proxy },
  );
}

/**
 * The service principal named by `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET` and
 * optionally `AZURE_AUTHORITY_HOST`; undefined when any of the three required ones is missing.
 */
export function servicePrincipalFromEnvironment(env: NodeJS.ProcessEnv = process.env, cache?: TokenCacheOptions): TokenSource | undefined {
  const tenantId = env.AZURE_TENANT_ID?.trim();
  const clientId = env.AZURE_CLIENT_ID?.trim();
  const clientSecret = env.AZURE_CLIENT_SECRET;
  if (!tenantId || !clientId || !clientSecret) {return undefined;}
  return servicePrincipalTokenSource({ tenantId, clientId, clientSecret, authorityHost: env.AZURE_AUTHORITY_HOST?.trim() || undefined }, cache);
}

/** The account `az login` signed in with. */
export function azureCliTokenSource(options: { tenantId?: string } = {}, cache?: TokenCacheOptions): TokenSource {
  return credentialTokenSource('azureCli', () => new AzureCliCredential({ tenantId: options.tenantId, additionallyAllowedTenants: ['*'] }), cache);
}

/** The managed identity of the machine (system-assigned, or user-assigned by client id). */
export function managedIdentityTokenSource(options: { clientId?: string } = {}, cache?: TokenCacheOptions, proxy?: ProxyOptions): TokenSource {
  // The instance metadata endpoint is a link-local address: a proxy applies only if noProxy leaves it out.
  const proxyOptions = identityProxyOptions(IMDS, proxy);
  return credentialTokenSource('managedIdentity', () => (options.clientId ? new ManagedIdentityCredential(options.clientId, { proxyOptions }) : new ManagedIdentityCredential({ proxyOptions })), cache, { endpoint: IMDS, proxy });
}
