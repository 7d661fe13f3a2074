// The bearer token on every authenticated attempt, through @azure/core-rest-pipeline's
// `bearerTokenAuthenticationPolicy`. Tokens come from the sign-in's `TokenSource` (which keeps the
// one cache every source shares) rather than the policy's own cycler, so a forced refresh reaches
// the source. On a 401 challenge whose code says the token expired or is invalid, the policy asks
// for a fresh token once per call and sends the request again; that second send is outside the
// retry budget. Any other 401 (a token from the wrong tenant, a revoked account) ends the call.
import { bearerTokenAuthenticationPolicy, PipelinePolicy, PipelineRequest as CoreRequest } from '@azure/core-rest-pipeline';
import { callOf } from './callContext';
import { AzureError } from './errors';
import { Logger } from './log';
import { TokenSource } from './tokenSource';

const AUTH_RETRY_CODES = new Set(['ExpiredAuthenticationToken', 'InvalidAuthenticationToken']);

export interface TokenPolicySettings {
  tokenSource?: TokenSource;
  scope: string;
  tenantId?: string;
  logger: Logger;
}

export function tokenPolicy(settings: TokenPolicySettings): PipelinePolicy {
  const authorize = async (request: CoreRequest, forceRefresh: boolean) => {
    if (!settings.tokenSource) {throw new AzureError({ kind: 'auth', message: 'Not signed in to Azure.' });}
    const signal = request.abortSignal as AbortSignal | undefined;
    const token = await settings.tokenSource.getToken(settings.scope, { signal, tenantId: settings.tenantId, forceRefresh });
    request.headers.set('authorization', `Bearer ${token.token}`);
  };
  return bearerTokenAuthenticationPolicy({
    scopes: settings.scope,
    challengeCallbacks: {
      authorizeRequest: ({ request }) => authorize(request, false),
      async authorizeRequestOnChallenge({ request }) {
        const call = callOf(request);
        const code = call.lastFailure?.error.code ?? '';
        if (call.refreshedToken || !AUTH_RETRY_CODES.has(code)) {return false;}
        call.refreshedToken = true;
        settings.logger.info(`${call.request.method} ${call.safeUrl}: ${code}; getting a new token and trying again.`);
        await authorize(request, true);
        return true;
      },
    },
  });
}
