// ARM's own answers that come before (or instead of) a route's: authentication, router misses,
// and the faults that replace an answer.
import { armError } from './arm';
import { FaultRule, throttleResponse } from './faults';
import type { EmuResponse } from './http';
import type { RouteMatch } from './router';
import type { TokenClaims, TokenIssuer } from './tokens';

const EXPIRED = 'The access token expiry UTC time is earlier than current UTC time.';

function unauthorized(authorizationUri: string, code: string, message: string): EmuResponse {
  return {
    status: 401,
    headers: { 'www-authenticate': `Bearer authorization_uri="${authorizationUri}", error="invalid_token", error_description="${message}"` },
    json: { error: { code, message } },
  };
}

/** The caller's claims, or the 401 ARM sends for a missing, invalid or expired bearer token. */
export function authenticate(authorization: string | undefined, tokens: TokenIssuer, authorizationUri: string, fault: FaultRule | undefined): { caller: TokenClaims } | { answer: EmuResponse } {
  if (fault?.kind === 'expiredToken') { return { answer: unauthorized(authorizationUri, 'ExpiredAuthenticationToken', EXPIRED) }; }
  if (!authorization) { return { answer: unauthorized(authorizationUri, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.") }; }
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  const verdict = bearer ? tokens.verify(bearer[1]) : ({ ok: false, reason: 'invalid' } as const);
  if (verdict.ok) { return { caller: verdict.claims }; }
  return {
    answer: verdict.reason === 'expired'
      ? unauthorized(authorizationUri, 'ExpiredAuthenticationToken', EXPIRED)
      : unauthorized(authorizationUri, 'InvalidAuthenticationToken', 'The access token is invalid.'),
  };
}

/** ARM's answer when no route takes the request as asked; undefined when one does. */
export function routeMissAnswer(match: RouteMatch, segments: string[], method: string, apiVersion: string | undefined, path: string): EmuResponse | undefined {
  switch (match.kind) {
    case 'found':
      return undefined;
    case 'noRoute': {
      const providerAt = segments.findIndex((s) => s.toLowerCase() === 'providers');
      const namespace = providerAt >= 0 ? segments[providerAt + 1] : undefined;
      return namespace
        ? armError(404, 'InvalidResourceType', `The resource type could not be found in the namespace '${namespace}' for api version '${apiVersion ?? ''}'.`)
        : armError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${path}'.`);
    }
    case 'methodNotAllowed':
      return { ...armError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`), headers: { allow: match.allowed.join(', ') } };
    case 'missingApiVersion':
      return armError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
    case 'badApiVersion':
      return armError(400, 'InvalidApiVersionParameter', `The api-version '${apiVersion}' is invalid. The supported versions are '${match.supported.join(',')}'.`);
  }
}

/** The answer a fault puts in place of the route's (throttle, error, forbidden); undefined for other faults. */
export function faultAnswer(fault: FaultRule | undefined, caller: TokenClaims | undefined, path: string): EmuResponse | undefined {
  if (fault?.kind === 'throttle') {
    const t = throttleResponse(fault, path);
    return { status: 429, headers: t.headers, json: t.json };
  }
  if (fault?.kind === 'error') {
    const status = fault.status ?? 500;
    const headers: Record<string, string> = status === 503 ? { 'retry-after': String(fault.retryAfterSeconds ?? 1) } : {};
    return status === 503
      ? { ...armError(status, 'ServiceUnavailable', 'The service is temporarily unavailable.'), headers }
      : { ...armError(status, 'InternalServerError', 'Encountered internal server error.'), headers };
  }
  if (fault?.kind === 'forbidden') {
    const oid = caller?.oid ?? '';
    return armError(403, 'AuthorizationFailed', `The client '${oid}' with object id '${oid}' does not have authorization to perform action over scope '${path}' or the scope is invalid.`);
  }
  return undefined;
}
