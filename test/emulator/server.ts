// The emulator's HTTPS server: token endpoint, fault injection, ARM conventions (auth, api-version,
// request ids, error bodies) and the route table every API family registers into.
import * as crypto from 'crypto';
import * as https from 'https';
import type { IncomingMessage, ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';
import { armError } from './arm';
import { authenticate, faultAnswer, routeMissAnswer } from './armAnswers';
import { BlobStore } from './blobs';
import { controlAnswer } from './controlRoutes';
import { FaultRule, FaultStore, parseFaultHeader } from './faults';
import { EmuHttpError, EmuRequest, EmuResponse } from './http';
import { emptied, readBody, writeResponse } from './respond';
import { Router } from './router';
import { registerAllRoutes } from './routes';
import { EmulatorSettings } from './routes/context';
import { initialSettings } from './settingsPatch';
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
  /** ARM requests that reached a route. */
  total: number;
  byRoute: Record<string, number>;
  /** Requests to the token endpoint (not in `total`): where a client secret would arrive. */
  tokenRequests: number;
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

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = options.seed ?? 1;
  const world = createWorld({ seed, scale: options.scale ?? 'small', asOf: options.asOf ?? todayUtc() });
  const settings = initialSettings(options.settings);
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
  const stats: RequestStats = { total: 0, byRoute: {}, tokenRequests: 0 };
  let tenantReadsLeft = 12000;
  registerAllRoutes(router, { world, settings, blobs });

  const sockets = new Set<Socket>();
  const server = https.createServer({ cert: serverCert.certPem, key: serverCert.keyPem });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  let origin = '';

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
    const send = (out: EmuResponse, fault?: FaultRule) => writeResponse(res, { ...out, headers: { ...common, ...out.headers } }, fault);

    // Control routes: not part of Azure, never faulted or counted.
    if (segments[0] === '_emulator') return send(controlAnswer(method, segments.slice(1), body, { faults, settings, stats, resetStats, info }));
    const tokenAnswer = handleTokenRoute(method, segments, body, { origin, world, tokens, principal, lifetimeSeconds: tokenLifetime });
    if (tokenAnswer) {
      stats.tokenRequests += 1;
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

    // A second `?` is how a hand-built URL goes wrong (docs/azure-apis.md#request-urls).
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
      const auth = authenticate(req.headers.authorization, tokens, `${origin}/${world.tenants[0].tenantId}`, fault);
      if ('answer' in auth) return send(auth.answer);
      emuReq.caller = auth.caller;
      common['x-ms-ratelimit-remaining-tenant-reads'] = String(Math.max(0, --tenantReadsLeft));
    }

    const miss = routeMissAnswer(match, segments, method, apiVersion, url.pathname);
    if (miss || match.kind !== 'found') return send(miss ?? armError(500, 'InternalServerError', 'No route.'));

    const routeKey = `${match.route.method} ${match.route.path}`;
    stats.total += 1;
    stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;

    const replaced = faultAnswer(fault, emuReq.caller, url.pathname);
    if (replaced) return send(replaced);

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

  function resetStats(): void {
    stats.total = 0;
    stats.byRoute = {};
    stats.tokenRequests = 0;
  }

  function info() {
    return { baseUrl: origin, caCertPath: ca.certPath, tenantId: world.tenants[0].tenantId, clientId: principal.clientId, clientSecret: principal.clientSecret, asOf: world.options.asOf };
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
