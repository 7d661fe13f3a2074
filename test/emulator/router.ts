// Route table keyed by (method, path template, api-versions). Literal segments match
// case-insensitively, as ARM does; `{name}` takes one segment, `{*name}` one or more.
import { EmuRequest, EmuResponse } from './http';

export type Handler = (req: EmuRequest) => EmuResponse | Promise<EmuResponse>;

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** e.g. `/providers/Microsoft.Billing/billingAccounts/{billingAccountName}` or `/{*scope}/providers/Microsoft.CostManagement/query`. */
  path: string;
  /** api-versions this route answers; `'none'` for routes outside ARM that take no api-version. */
  apiVersions: readonly string[] | 'none';
  /** `arm`: needs a bearer token the emulator issued. `public`: no auth at all. */
  auth: 'arm' | 'public';
  handler: Handler;
}

interface CompiledRoute extends RouteSpec {
  parts: Array<{ kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'rest'; name: string }>;
}

export type RouteMatch =
  | { kind: 'found'; route: RouteSpec; params: Record<string, string> }
  | { kind: 'noRoute' }
  | { kind: 'methodNotAllowed'; allowed: string[] }
  | { kind: 'missingApiVersion' }
  | { kind: 'badApiVersion'; supported: string[]; resourceType: string };

function matchParts(parts: CompiledRoute['parts'], segments: string[], i = 0, s = 0, params: Record<string, string> = {}): Record<string, string> | undefined {
  if (i === parts.length) { return s === segments.length ? params : undefined; }
  const part = parts[i];
  if (part.kind === 'literal') {
    if (s >= segments.length || segments[s].toLowerCase() !== part.text) { return undefined; }
    return matchParts(parts, segments, i + 1, s + 1, params);
  }
  if (part.kind === 'param') {
    if (s >= segments.length) { return undefined; }
    return matchParts(parts, segments, i + 1, s + 1, { ...params, [part.name]: segments[s] });
  }
  // `rest`: shortest run of one or more segments that lets the remainder match.
  for (let end = s + 1; end <= segments.length; end++) {
    const found = matchParts(parts, segments, i + 1, end, { ...params, [part.name]: segments.slice(s, end).join('/') });
    if (found) { return found; }
  }
  return undefined;
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(spec: RouteSpec): void {
    const parts = spec.path
      .split('/')
      .filter(Boolean)
      .map((p) => {
        const rest = /^\{\*(\w+)\}$/.exec(p);
        if (rest) { return { kind: 'rest' as const, name: rest[1] }; }
        const param = /^\{(\w+)\}$/.exec(p);
        if (param) { return { kind: 'param' as const, name: param[1] }; }
        return { kind: 'literal' as const, text: p.toLowerCase() };
      });
    this.routes.push({ ...spec, parts });
  }

  /** Every registered route, for documentation and tests. */
  list(): readonly RouteSpec[] {
    return this.routes;
  }

  match(method: string, segments: string[], apiVersion: string | undefined): RouteMatch {
    const byPath = this.routes
      .map((route) => ({ route, params: matchParts(route.parts, segments) }))
      .filter((m): m is { route: CompiledRoute; params: Record<string, string> } => m.params !== undefined);
    if (byPath.length === 0) { return { kind: 'noRoute' }; }
    const byMethod = byPath.filter((m) => m.route.method === method);
    if (byMethod.length === 0) { return { kind: 'methodNotAllowed', allowed: [...new Set(byPath.map((m) => m.route.method))] }; }
    const unversioned = byMethod.find((m) => m.route.apiVersions === 'none');
    if (unversioned) { return { kind: 'found', route: unversioned.route, params: unversioned.params }; }
    if (!apiVersion) { return { kind: 'missingApiVersion' }; }
    const hit = byMethod.find((m) => (m.route.apiVersions as readonly string[]).includes(apiVersion));
    if (hit) { return { kind: 'found', route: hit.route, params: hit.params }; }
    const supported = [...new Set(byMethod.flatMap((m) => m.route.apiVersions as readonly string[]))].sort();
    return { kind: 'badApiVersion', supported, resourceType: resourceTypeOf(segments) };
  }
}

/** `Microsoft.Billing/billingAccounts/billingProfiles` from a path, for ARM's error messages. */
export function resourceTypeOf(segments: string[]): string {
  const at = segments.map((s) => s.toLowerCase()).lastIndexOf('providers');
  if (at < 0 || at + 1 >= segments.length) { return segments.filter((_, i) => i % 2 === 0).join('/'); }
  const namespace = segments[at + 1];
  const types = segments.slice(at + 2).filter((_, i) => i % 2 === 0);
  return [namespace, ...types].join('/');
}
