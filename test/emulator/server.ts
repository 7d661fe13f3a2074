// The emulator's HTTPS server: token endpoint, fault injection, ARM conventions (auth, api-version,
// request ids, error bodies) and the route table every API family registers into.
import * as crypto from 'crypto';
import * as https from 'https';
import type { IncomingMessage, ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';
import { armError } from './arm';
import { BlobStore } from './blobs';
import { FaultRule, FaultStore, parseFaultHeader, throttleResponse, validateRule } from './faults';
import { EmuHttpError, EmuRequest, EmuResponse } from './http';
import { Router } from './router';
import { registerAllRoutes } from './routes';
import { EmulatorSettings } from './routes/context';
import { handleTokenRoute, ServicePrincipal } from './tokenEndpoint';
import { ensureCa, issueServerCertificate } from './tls';
import { TokenIssuer } from './tokens';
import { Random } from './world/random';
import { createWorld, World } from './world';
import { Scale } from './world/types';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  seed?: number;
  scale?: Scale;
  /** The world's today, YYYY-MM-DD; defaults to the current UTC date. */
  asOf?: string;
  /** Milliseconds added before every answer. */
  latencyMs?: number;
  /** Folder holding the CA (made there if absent); omitted makes a throw-away CA. */
  caDir?: string;
  tokenLifetimeSeconds?: number;
  settings?: Partial<EmulatorSettings>;
}

export interface RequestStats {
  total: number;
  byRoute: Record<string, number>;
}

export interface Emulator {
  baseUrl: string;
  caCertPath: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  world: World;
  faults: FaultStore;
  router: Router;
  settings: EmulatorSettings;
  stats: RequestStats;
  resetStats(): void;
  /** A token for `tenantId` (default: the home tenant), as the token endpoint would issue it. */
  issueToken(tenantId?: string, lifetimeSeconds?: number): string;
  close(): Promise<void>;
}

const DEFAULT_SETTINGS: EmulatorSettings = {
  pageSize: 100, downloadPolls: 2, blobUrlLifetimeSeconds: 300, retryAfterSeconds: 1, hostileInvoiceNames: false,
  costManagementQpuLimits: null,
  rateCardRedirect: true,
  retailPrices: { pageSize: 1000, omitNextPageLink: false, shuffle: false, throttleEvery: 0, throttleRetryAfterSeconds: 30 },
};

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = options.seed ?? 1;
  const world = createWorld({ seed, scale: options.scale ?? 'small', asOf: options.asOf ?? todayUtc() });
  const settings: EmulatorSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  settings.retailPrices = { ...DEFAULT_SETTINGS.retailPrices, ...options.settings?.retailPrices }; // never share the default object
  const ca = ensureCa(options.caDir);
  const serverCert = issueServerCertificate(ca);
  const tokens = new TokenIssuer();
  const faults = new FaultStore();
  const blobs = new BlobStore();
  const router = new Router();
  const principal: ServicePrincipal = {
    clientId: Random.of(seed, 'service-principal').guid(),
    clientSecret: `emu~${Random.of(seed, 'service-principal-secret').code(32)}`,
    objectId: Random.of(seed, 'service-principal-object').guid(),
  };
  const tokenLifetime = options.tokenLifetimeSeconds ?? 3600;
  const stats: RequestStats = { total: 0, byRoute: {} };
  let tenantReadsLeft = 12000;
  registerAllRoutes(router, { world, settings, blobs });

  const sockets = new Set<Socket>();
  const server = https.createServer({ cert: serverCert.certPem, key: serverCert.keyPem });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  let origin = '';

  async function respond(res: ServerResponse, out: EmuResponse, fault: FaultRule | undefined): Promise<void> {
    const headers: Record<string, string | number> = { ...out.headers };
    let body: Buffer | undefined;
    if (out.json !== undefined) {
      body = Buffer.from(JSON.stringify(out.json));
      headers['content-type'] = 'application/json; charset=utf-8';
    } else if (out.body !== undefined) {
      body = typeof out.body === 'string' ? Buffer.from(out.body) : out.body;
    }
    if (fault?.kind === 'malformed' && body) {
      body = body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
    }
    if (body) headers['content-length'] = body.length;
    if (fault?.kind === 'dropMidBody' && body) {
      res.writeHead(out.status, headers);
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      await sleep(20);
      res.socket?.destroy();
      return;
    }
    res.writeHead(out.status, headers);
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req);
    const url = new URL(rawUrl, origin);
    const segments = url.pathname.split('/').filter(Boolean).map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    const requestId = crypto.randomUUID();
    const common: Record<string, string> = {
      'x-ms-request-id': requestId,
      'x-ms-correlation-request-id': (req.headers['x-ms-correlation-request-id'] as string) ?? requestId,
      'x-ms-routing-request-id': `LOCAL:${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}Z:${requestId}`,
    };
    const send = (out: EmuResponse, fault?: FaultRule) => respond(res, { ...out, headers: { ...common, ...out.headers } }, fault);

    // Control routes: not part of Azure, never faulted or counted.
    if (segments[0] === '_emulator') return send(control(method, segments.slice(1), body));
    const tokenAnswer = handleTokenRoute(method, segments, body, { origin, world, tokens, principal, lifetimeSeconds: tokenLifetime });
    if (tokenAnswer) {
      if (options.latencyMs) await sleep(options.latencyMs);
      return send(tokenAnswer);
    }

    if (options.latencyMs) await sleep(options.latencyMs);
    const headerFault = req.headers['x-emulator-fault'];
    let fault: FaultRule | undefined;
    try {
      fault = typeof headerFault === 'string' ? parseFaultHeader(headerFault) : faults.take(method, url.pathname === '/' ? '/' : decodeURIComponent(url.pathname));
    } catch (e) {
      return send({ status: 400, json: { error: { code: 'BadFaultHeader', message: String((e as Error).message) } } });
    }
    if (fault?.kind === 'latency') await sleep(fault.latencyMs ?? 1000);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }

    // A second `?` is how a hand-built URL goes wrong (azure-billing-api.md §7 item 11).
    if ((rawUrl.match(/\?/g) ?? []).length > 1) {
      return send(armError(400, 'InvalidQueryString', 'The query string is malformed: it contains more than one "?".'));
    }

    const apiVersion = url.searchParams.get('api-version') ?? undefined;
    const match = router.match(method, segments, apiVersion);
    const isArm = match.kind !== 'found' || match.route.auth === 'arm';
    const emuReq: EmuRequest = {
      method,
      url,
      origin,
      segments,
      params: match.kind === 'found' ? match.params : {},
      query: url.searchParams,
      q: (name) => {
        const lower = name.toLowerCase();
        for (const [k, v] of url.searchParams) if (k.toLowerCase() === lower) return v;
        return undefined;
      },
      apiVersion,
      headers: req.headers,
      body,
    };

    if (isArm) {
      if (fault?.kind === 'expiredToken') return send(unauthorized('ExpiredAuthenticationToken', 'The access token expiry UTC time is earlier than current UTC time.'));
      const auth = req.headers.authorization;
      if (!auth) return send(unauthorized('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."));
      const bearer = /^Bearer\s+(\S+)$/i.exec(auth);
      const verdict = bearer ? tokens.verify(bearer[1]) : ({ ok: false, reason: 'invalid' } as const);
      if (!verdict.ok) {
        return send(verdict.reason === 'expired'
          ? unauthorized('ExpiredAuthenticationToken', 'The access token expiry UTC time is earlier than current UTC time.')
          : unauthorized('InvalidAuthenticationToken', 'The access token is invalid.'));
      }
      emuReq.caller = verdict.claims;
      common['x-ms-ratelimit-remaining-tenant-reads'] = String(Math.max(0, --tenantReadsLeft));
    }

    if (match.kind === 'noRoute') {
      const providerAt = segments.findIndex((s) => s.toLowerCase() === 'providers');
      const namespace = providerAt >= 0 ? segments[providerAt + 1] : undefined;
      return send(armError(404, namespace ? 'InvalidResourceType' : 'NotFound', namespace
        ? `The resource type could not be found in the namespace '${namespace}' for api version '${apiVersion ?? ''}'.`
        : `No HTTP resource was found that matches the request URI '${url.pathname}'.`));
    }
    if (match.kind === 'methodNotAllowed') {
      return send({ ...armError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`), headers: { allow: match.allowed.join(', ') } });
    }
    if (match.kind === 'missingApiVersion') {
      return send(armError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests."));
    }
    if (match.kind === 'badApiVersion') {
      return send(armError(400, 'InvalidApiVersionParameter', `The api-version '${apiVersion}' is invalid. The supported versions are '${match.supported.join(',')}'.`));
    }

    const routeKey = `${match.route.method} ${match.route.path}`;
    stats.total += 1;
    stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;

    if (fault?.kind === 'throttle') {
      const t = throttleResponse(fault, url.pathname);
      return send({ status: 429, headers: t.headers, json: t.json });
    }
    if (fault?.kind === 'error') {
      const status = fault.status ?? 500;
      const headers: Record<string, string> = status === 503 ? { 'retry-after': String(fault.retryAfterSeconds ?? 1) } : {};
      return send({ ...armError(status, status === 503 ? 'ServiceUnavailable' : 'InternalServerError', status === 503 ? 'The service is temporarily unavailable.' : 'Encountered internal server error.'), headers });
    }
    if (fault?.kind === 'forbidden') {
      return send(armError(403, 'AuthorizationFailed', `The client '${emuReq.caller?.oid ?? ''}' with object id '${emuReq.caller?.oid ?? ''}' does not have authorization to perform action over scope '${url.pathname}' or the scope is invalid.`));
    }

    let out: EmuResponse;
    try {
      out = await match.route.handler(emuReq);
    } catch (e) {
      if (e instanceof EmuHttpError) out = e.response;
      else {
        console.error('[emulator] route failed', routeKey, e);
        out = armError(500, 'InternalServerError', 'Encountered internal server error.');
      }
    }
    if (fault?.kind === 'empty') out = emptied(out);
    return send(out, fault);
  }

  function unauthorized(code: string, message: string): EmuResponse {
    return {
      status: 401,
      headers: { 'www-authenticate': `Bearer authorization_uri="${origin}/${world.tenants[0].tenantId}", error="invalid_token", error_description="${message}"` },
      json: { error: { code, message } },
    };
  }

  function control(method: string, rest: string[], body: Buffer): EmuResponse {
    try {
      if (rest[0] === 'faults' && method === 'GET') return { status: 200, json: { rules: faults.list() } };
      if (rest[0] === 'faults' && method === 'DELETE') {
        faults.clear();
        return { status: 204 };
      }
      if (rest[0] === 'faults' && method === 'POST') {
        const input = JSON.parse(body.toString('utf8') || '{}');
        const rules: unknown[] = Array.isArray(input) ? input : Array.isArray(input.rules) ? input.rules : [input];
        rules.map(validateRule).forEach((r) => faults.add(r));
        return { status: 201, json: { rules: faults.list() } };
      }
      if (rest[0] === 'stats' && method === 'GET') return { status: 200, json: stats };
      if (rest[0] === 'stats' && method === 'DELETE') {
        resetStats();
        return { status: 204 };
      }
      if (rest[0] === 'info' && method === 'GET') return { status: 200, json: info() };
    } catch (e) {
      return { status: 400, json: { error: { code: 'BadRequest', message: (e as Error).message } } };
    }
    return { status: 404, json: { error: { code: 'NotFound', message: 'Unknown emulator control route.' } } };
  }

  function resetStats(): void {
    stats.total = 0;
    stats.byRoute = {};
  }

  function info() {
    return { baseUrl: origin, caCertPath: ca.certPath, tenantId: world.tenants[0].tenantId, clientId: principal.clientId, clientSecret: principal.clientSecret };
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e) => {
      console.error('[emulator] request failed', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'InternalServerError', message: 'Encountered internal server error.' } }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    ...info(),
    world,
    faults,
    router,
    settings,
    stats,
    resetStats,
    issueToken: (tenantId = world.tenants[0].tenantId, lifetimeSeconds = tokenLifetime) =>
      tokens.issue({ aud: 'https://management.core.windows.net/', iss: `${origin}/${tenantId}/v2.0`, tid: tenantId, oid: principal.objectId, appid: principal.clientId }, lifetimeSeconds).token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The same answer with no items: lists get an empty `value`, Cost Management and 204-style APIs get 204. */
function emptied(out: EmuResponse): EmuResponse {
  const json = out.json as Record<string, unknown> | undefined;
  if (!json || out.status >= 300) return out;
  if (Array.isArray(json.value)) return { ...out, json: { ...json, value: [], nextLink: undefined } };
  if (Array.isArray(json.Items)) return { ...out, json: { ...json, Items: [], Count: 0, NextPageLink: null } };
  return { status: 204, headers: out.headers };
}
