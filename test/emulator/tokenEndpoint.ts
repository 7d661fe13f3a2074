// An Entra ID–style token endpoint on the emulator's own host, enough for @azure/identity:
// `GET /{tenant}/v2.0/.well-known/openid-configuration` and the client-credentials grant on
// `POST /{tenant}/oauth2/v2.0/token`.
import type { EmuResponse } from './http';
import type { TokenIssuer } from './tokens';
import type { World } from './world';

export interface ServicePrincipal {
  clientId: string;
  clientSecret: string;
  objectId: string;
}

interface TokenContext {
  origin: string;
  world: World;
  tokens: TokenIssuer;
  principal: ServicePrincipal;
  lifetimeSeconds: number;
}

function aadError(status: number, error: string, description: string): EmuResponse {
  return { status, json: { error, error_description: description, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)], timestamp: new Date().toISOString() } };
}

/** The answer for a token-endpoint request, or undefined when the path is not one of them. */
export function handleTokenRoute(method: string, segments: string[], body: Buffer, ctx: TokenContext): EmuResponse | undefined {
  const [tenant, a, b, c] = segments;
  const isConfig = segments.length === 4 && a === 'v2.0' && b === '.well-known' && c === 'openid-configuration';
  const isToken = segments.length === 4 && a === 'oauth2' && b === 'v2.0' && c === 'token';
  if (!isConfig && !isToken) { return undefined; }
  const known = ctx.world.tenants.find((t) => t.tenantId === tenant || t.defaultDomain === tenant);
  if (!known) { return aadError(400, 'invalid_tenant', `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`); }
  const base = `${ctx.origin}/${known.tenantId}`;
  if (isConfig) {
    if (method !== 'GET') { return aadError(405, 'invalid_request', 'AADSTS900561: The endpoint only accepts GET requests.'); }
    return {
      status: 200,
      json: {
        issuer: `${base}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${ctx.origin}/${known.tenantId}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        tenant_region_scope: 'NA',
        cloud_instance_name: '127.0.0.1',
      },
    };
  }
  if (method !== 'POST') { return aadError(405, 'invalid_request', 'AADSTS900561: The endpoint only accepts POST requests.'); }
  const form = new URLSearchParams(body.toString('utf8'));
  if (form.get('grant_type') !== 'client_credentials') {
    return aadError(400, 'unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${form.get('grant_type') ?? ''}'.`);
  }
  const clientId = form.get('client_id');
  const secret = form.get('client_secret');
  if (!clientId || clientId !== ctx.principal.clientId) {
    return aadError(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${clientId ?? ''}' was not found in the directory '${known.displayName}'.`);
  }
  if (secret !== ctx.principal.clientSecret) {
    return aadError(401, 'invalid_client', `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
  }
  const scope = (form.get('scope') ?? '').split(' ').find((s) => s.endsWith('/.default'));
  if (!scope) {
    return aadError(400, 'invalid_scope', 'AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).');
  }
  const audience = scope.slice(0, -'.default'.length);
  const { token } = ctx.tokens.issue(
    { aud: audience, iss: `${base}/v2.0`, tid: known.tenantId, oid: ctx.principal.objectId, appid: clientId, sub: ctx.principal.objectId },
    ctx.lifetimeSeconds,
  );
  return { status: 200, json: { token_type: 'Bearer', expires_in: ctx.lifetimeSeconds, ext_expires_in: ctx.lifetimeSeconds, access_token: token } };
}
