// One sign-in to one cloud: the token source the settings chose, and one ARM client per tenant
// (tokens are per tenant). Rebuilt whenever a setting that matters changes; nothing here knows
// VS Code, so it runs in Node tests against the emulator as it runs in the editor.
import { ArmClient } from '../../azure/armClient';
import type { CloudEndpoints } from '../../azure/clouds';
import { AzureError } from '../../azure/errors';
import type * as IdentitySources from '../../azure/identitySources';
import type { RequestListener } from '../../azure/instrumentation';
import { Logger, registerSecret } from '../../azure/log';
import type { ProxyOptions } from '../../azure/proxy';
import type { TokenSource } from '../../azure/tokenSource';
import type { ArmTransport } from '../../azure/transport';
import type { AuthenticationMethod } from './cloudChoice';
import { DirectoryTenant, homeTenantFrom, listDirectoryTenants } from './tenantDirectory';

/** Everything a node below a tenant needs to ask Azure about it. */
export interface TenantConnection {
  readonly tenant: DirectoryTenant;
  readonly transport: ArmTransport;
}

export interface BillingSessionOptions {
  method: AuthenticationMethod;
  cloud: CloudEndpoints;
  tokenSource: TokenSource;
  logger: Logger;
  /** Values that must never reach the log, such as a client secret. */
  knownSecrets?: string[];
  onRequest?: RequestListener;
  /** The proxy to reach Azure through (the editor's settings, else the environment). */
  proxy?: ProxyOptions;
  /** e.g. `azure-billing-insight/0.1.0 VSCode/1.105.0`. */
  userAgent?: string;
}

export class BillingSession {
  readonly method: AuthenticationMethod;
  readonly cloud: CloudEndpoints;
  private readonly clients = new Map<string, ArmClient>();

  constructor(private readonly options: BillingSessionOptions) {
    this.method = options.method;
    this.cloud = options.cloud;
    // Known to every redaction from now on: the extension's log channel and every error message,
    // not only the lines of this session's HTTP clients.
    for (const secret of options.knownSecrets ?? []) { registerSecret(secret); }
  }

  /** The client for `tenantId`, or for the sign-in's own (home) tenant. */
  transportFor(tenantId?: string): ArmTransport {
    const key = tenantId ?? '';
    let client = this.clients.get(key);
    if (!client) {
      client = new ArmClient({
        cloud: this.cloud,
        tokenSource: this.options.tokenSource,
        tenantId,
        logger: this.options.logger,
        knownSecrets: this.options.knownSecrets,
        onRequest: this.options.onRequest,
        proxy: this.options.proxy,
        userAgent: this.options.userAgent,
      });
      this.clients.set(key, client);
    }
    return client;
  }

  /** The tenants this sign-in reaches, each with its own transport. */
  async tenants(options: { signal?: AbortSignal; locale?: string } = {}): Promise<TenantConnection[]> {
    const tenants = await listDirectoryTenants(this.transportFor(), {
      ...options,
      homeTenantOfToken: () => homeTenantFrom(() => this.options.tokenSource.getToken(this.cloud.scope, { signal: options.signal })),
    });
    return tenants.map((tenant) => ({ tenant, transport: this.transportFor(tenant.tenantId) }));
  }

  dispose(): void {
    for (const client of this.clients.values()) { client.dispose(); }
    this.clients.clear();
  }
}

/** A token source that explains why there is no credential, so the view shows how to get one. */
export function unavailableTokenSource(kind: string, why: string): TokenSource {
  const cause = Object.assign(new Error(why), { name: 'CredentialUnavailableError' });
  return {
    kind,
    getToken() {
      return Promise.reject(new AzureError({ kind: 'auth', message: why, cause }));
    },
  };
}

/**
 * A token source built on first use. @azure/identity (and MSAL under it) takes most of the
 * bundle's load time; people who sign in with the editor never need it, and nobody needs it
 * before the tree asks for its first token.
 */
function lazyTokenSource(kind: string, build: (identity: typeof IdentitySources) => TokenSource): TokenSource {
  let built: Promise<TokenSource> | undefined;
  return {
    kind,
    async getToken(scope, options) {
      built ??= import('../../azure/identitySources').then(build);
      return (await built).getToken(scope, options);
    },
  };
}

/**
 * The token source of a sign-in method other than the editor's, from the environment VS Code was
 * started with. The service principal's authority is `AZURE_AUTHORITY_HOST` when set, else the
 * chosen cloud's (for a Custom cloud, only its `authorityHost` setting).
 */
export function environmentTokenSource(
  method: Exclude<AuthenticationMethod, 'editor'>,
  cloud: CloudEndpoints,
  env: NodeJS.ProcessEnv,
  /** Sign-ins that reach an authority over HTTP take the same proxy as ARM requests. */
  proxy?: ProxyOptions,
): { tokenSource: TokenSource; knownSecrets: string[]; secretAuthority?: string } {
  switch (method) {
    case 'azureCli':
      return { tokenSource: lazyTokenSource('azureCli', (identity) => identity.azureCliTokenSource()), knownSecrets: [] };
    case 'managedIdentity': {
      const clientId = env.AZURE_CLIENT_ID?.trim() || undefined;
      return { tokenSource: lazyTokenSource('managedIdentity', (identity) => identity.managedIdentityTokenSource({ clientId }, undefined, proxy)), knownSecrets: [] };
    }
    case 'servicePrincipal': {
      const tenantId = env.AZURE_TENANT_ID?.trim();
      const clientId = env.AZURE_CLIENT_ID?.trim();
      const clientSecret = env.AZURE_CLIENT_SECRET;
      const missing = [!tenantId && 'AZURE_TENANT_ID', !clientId && 'AZURE_CLIENT_ID', !clientSecret && 'AZURE_CLIENT_SECRET'].filter(Boolean);
      if (missing.length > 0 || !tenantId || !clientId || !clientSecret) {
        return { tokenSource: unavailableTokenSource('servicePrincipal', `A service principal needs ${missing.join(', ')} in the environment VS Code was started from.`), knownSecrets: [] };
      }
      // Where the secret goes is always a place the person named: the variable, the setting, or a
      // Microsoft cloud's own authority; never the ARM host of a Custom cloud by default.
      const authorityHost = env.AZURE_AUTHORITY_HOST?.trim() || cloud.authorityHost;
      if (!authorityHost) {
        return {
          tokenSource: unavailableTokenSource('servicePrincipal', 'A service principal on a Custom cloud needs azureBilling.customCloud.authorityHost (or AZURE_AUTHORITY_HOST): the client secret is sent only to an authority you named.'),
          knownSecrets: [clientSecret],
        };
      }
      return {
        tokenSource: lazyTokenSource('servicePrincipal', (identity) => identity.servicePrincipalTokenSource({ tenantId, clientId, clientSecret, authorityHost }, undefined, proxy)),
        knownSecrets: [clientSecret],
        secretAuthority: authorityHost,
      };
    }
  }
}
