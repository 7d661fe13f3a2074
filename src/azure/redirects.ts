// Authenticated calls never let the HTTP library follow a redirect: node-fetch keeps the
// `Authorization` header on a hop to the same host name on another port or to a subdomain, so a
// redirect could carry the ARM token to a server that is not ARM. Where an ARM answer redirects
// (an API that hands a document off to storage), the hop is made here, without credentials, and
// only to https (SECURITY.md).
import { AzureError } from './errors';
import { PipelineRequest, PipelineResponse, PipelineSettings, runRequest } from './httpPipeline';
import { redactUrl } from './log';

const MAX_HOPS = 5;

export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Follows `response`'s redirects from `request` as anonymous requests; the last answer comes back. */
export async function followWithoutCredentials(settings: PipelineSettings, request: PipelineRequest, response: PipelineResponse): Promise<PipelineResponse> {
  let current = response;
  let from = request.url;
  let method = request.method;
  let body = request.body;
  for (let hop = 1; isRedirect(current.status); hop++) {
    const location = current.headers.location;
    if (!location) { throw redirectError(request, `answered ${current.status} without a Location to follow.`); }
    const target = new URL(location, from);
    if (target.protocol !== 'https:') { throw redirectError(request, `redirected to ${redactUrl(target.toString())}, which is not https; not followed.`); }
    if (hop > MAX_HOPS) { throw redirectError(request, `redirected more than ${MAX_HOPS} times; not followed further.`); }
    // 303, and 301/302 after anything but GET, turn into a GET as browsers do; 307/308 repeat the request.
    if (current.status === 303 || ((current.status === 301 || current.status === 302) && method !== 'GET')) {
      method = 'GET';
      body = undefined;
    }
    settings.logger.debug(`${request.method} ${redactUrl(from)} → ${current.status}; following to ${redactUrl(target.toString())} without credentials.`);
    from = target.toString();
    current = await runRequest(settings, { ...request, method, body, url: from, authenticated: false, redirect: 'manual' });
  }
  return current;
}

function redirectError(request: PipelineRequest, what: string): AzureError {
  return new AzureError({ kind: 'invalidResponse', message: `${request.method} ${redactUrl(request.url)} ${what}`, method: request.method, url: redactUrl(request.url) });
}
