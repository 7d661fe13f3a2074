// The emulator's HTTPS servers: ARM with the token endpoint, fault injection, ARM conventions (auth,
// api-version, request ids, error bodies) and the route table every API family registers into; and
// the blob origin, another host name and port (as Azure Storage is another host than ARM), serving
// the short-lived links that downloads and the RateCard hand out.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as https from 'https';
import type { IncomingMessage, ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';
import * as path from 'path';
import { armError } from './arm';
import { authenticate, faultAnswer, routeMissAnswer } from './armAnswers';
import { BlobStore, storageError } from './blobs';
import { controlAnswer } from './controlRoutes';
import { FaultRule, FaultStore, parseFaultHeader } from './faults';
import { EmuHttpError, EmuRequest, EmuResponse } from './http';
import { emptied, readBody, writeResponse } from './respond';
import { Router } from './router';
import { registerAllRoutes, registerBlobRoutes } from './routes';
import { EmulatorSettings } from './routes/context';
import { initialSettings } from './settingsPatch';
import { handleTokenRoute, ServicePrincipal } from './tokenEndpoint';
import { ensureCa, issueServerCertificate } from './tls';
import { TokenIssuer } from './tokens';
import { Random } from './world/random';
import { createWorld, World } from './world';
import { Scale } from './world/types';

export interface EmulatorOptions {
  /** ARM's port on 127.0.0.1; 0 (default) picks a free port. */
  port?: number;
  /** The blob origin's port (`https://localhost:PORT`); 0 (default) picks a free port. */
  blobPort?: number;
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
  /** Requests that reached a route: ARM's and the blob origin's. */
  total: number;
  byRoute: Record<string, number>;
  /** Requests to the token endpoint (not in `total`): where a client secret would arrive. */
  tokenRequests: number;
}

export interface Emulator {
  /** `https://127.0.0.1:PORT`: ARM, the token endpoint, retail prices and the control routes. */
  baseUrl: string;
  /** `https://localhost:PORT`: the blob origin, where download and RateCard links point (no token). */
  blobBaseUrl: string;
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

/** The storage service version a blob answer names, as Azure Storage's `x-ms-version` does. */
const BLOB_SERVICE_VERSION = '2019-02-02';

/** Which listener a request came to. */
type Side = 'arm' | 'blob';

function listen(server: https.Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

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
  const blobRouter = new Router();
  const principal: ServicePrincipal = {
    clientId: Random.of(seed, 'service-principal').guid(),
    clientSecret: `emu~${Random.of(seed, 'service-principal-secret').code(32)}`,
    objectId: Random.of(seed, 'service-principal-object').guid(),
  };
  const tokenLifetime = options.tokenLifetimeSeconds ?? 3600;
  const stats: RequestStats = { total: 0, byRoute: {}, tokenRequests: 0 };
  let tenantReadsLeft = 12000;
  registerAllRoutes(router, { world, settings, blobs });
  registerBlobRoutes(blobRouter, { world, settings, blobs });

  const sockets = new Set<Socket>();
  const servers: https.Server[] = [];
  /** An HTTPS server with the emulator's certificate (good for 127.0.0.1 and localhost) for one side. */
  function createServer(side: Side): https.Server {
    const created = https.createServer({ cert: serverCert.certPem, key: serverCert.keyPem });
    created.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    created.on('request', (req: IncomingMessage, res: ServerResponse) => {
      handle(req, res, side).catch((e) => {
        console.error('[emulator] request failed', e);
        if (!res.headersSent) { res.writeHead(500, { 'content-type': 'application/json' }); }
        res.end(JSON.stringify({ error: { code: 'InternalServerError', message: 'Encountered internal server error.' } }));
      });
    });
    servers.push(created);
    return created;
  }

  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse, side: Side): Promise<void> {
    const rawUrl = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req);
    const here = side === 'arm' ? origin : blobs.origin;
    const url = new URL(rawUrl, here);
    const segments = url.pathname.split('/').filter(Boolean).map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    const requestId = crypto.randomUUID();
    const common: Record<string, string> = side === 'arm'
      ? {
        'x-ms-request-id': requestId,
        'x-ms-correlation-request-id': (req.headers['x-ms-correlation-request-id'] as string) ?? requestId,
        'x-ms-routing-request-id': `LOCAL:${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}Z:${requestId}`,
      }
      : { 'x-ms-request-id': requestId, 'x-ms-version': BLOB_SERVICE_VERSION };
    const send = (out: EmuResponse, fault?: FaultRule) => writeResponse(res, { ...out, headers: { ...common, ...out.headers } }, fault);

    if (side === 'arm') {
      // Control routes: not part of Azure, never faulted or counted.
      if (segments[0] === '_emulator') { return send(controlAnswer(method, segments.slice(1), body, { faults, settings, stats, resetStats, info })); }
      const tokenAnswer = handleTokenRoute(method, segments, body, { origin, world, tokens, principal, lifetimeSeconds: tokenLifetime });
      if (tokenAnswer) {
        stats.tokenRequests += 1;
        if (options.latencyMs) { await sleep(options.latencyMs); }
        return send(tokenAnswer);
      }
    }

    if (options.latencyMs) { await sleep(options.latencyMs); }
    const headerFault = req.headers['x-emulator-fault'];
    let fault: FaultRule | undefined;
    try {
      fault = typeof headerFault === 'string' ? parseFaultHeader(headerFault) : faults.take(method, url.pathname === '/' ? '/' : decodeURIComponent(url.pathname));
    } catch (e) {
      return send({ status: 400, json: { error: { code: 'BadFaultHeader', message: String((e as Error).message) } } });
    }
    if (fault?.kind === 'latency') { await sleep(fault.latencyMs ?? 1000); }
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }

    // A second `?` is how a hand-built URL goes wrong (docs/azure-apis.md#request-urls).
    if ((rawUrl.match(/\?/g) ?? []).length > 1) {
      return send(armError(400, 'InvalidQueryString', 'The query string is malformed: it contains more than one "?".'));
    }

    const apiVersion = url.searchParams.get('api-version') ?? undefined;
    const match = (side === 'arm' ? router : blobRouter).match(method, segments, apiVersion);
    // The blob origin is storage, not ARM: what is not a blob is not there.
    if (side === 'blob' && match.kind !== 'found') {
      return send(match.kind === 'methodNotAllowed'
        ? storageError(405, 'UnsupportedHttpVerb', "The resource doesn't support specified Http Verb.")
        : storageError(404, 'ResourceNotFound', 'The specified resource does not exist.'));
    }
    const isArm = side === 'arm' && (match.kind !== 'found' || match.route.auth === 'arm');
    const emuReq: EmuRequest = {
      method,
      url,
      origin: here,
      segments,
      params: match.kind === 'found' ? match.params : {},
      query: url.searchParams,
      q: (name) => {
        const lower = name.toLowerCase();
        for (const [k, v] of url.searchParams) { if (k.toLowerCase() === lower) { return v; } }
        return undefined;
      },
      apiVersion,
      headers: req.headers,
      body,
    };

    if (isArm) {
      const auth = authenticate(req.headers.authorization, tokens, `${origin}/${world.tenants[0].tenantId}`, fault);
      if ('answer' in auth) { return send(auth.answer); }
      emuReq.caller = auth.caller;
      common['x-ms-ratelimit-remaining-tenant-reads'] = String(Math.max(0, --tenantReadsLeft));
    }

    const miss = routeMissAnswer(match, segments, method, apiVersion, url.pathname);
    if (miss || match.kind !== 'found') { return send(miss ?? armError(500, 'InternalServerError', 'No route.')); }

    const routeKey = `${match.route.method} ${match.route.path}`;
    stats.total += 1;
    stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;

    const replaced = faultAnswer(fault, emuReq.caller, url.pathname);
    if (replaced) { return send(replaced); }

    let out: EmuResponse;
    try {
      out = await match.route.handler(emuReq);
    } catch (e) {
      if (e instanceof EmuHttpError) { out = e.response; }
      else {
        console.error('[emulator] route failed', routeKey, e);
        out = armError(500, 'InternalServerError', 'Encountered internal server error.');
      }
    }
    if (fault?.kind === 'empty') { out = emptied(out); }
    return send(out, fault);
  }

  function resetStats(): void {
    stats.total = 0;
    stats.byRoute = {};
    stats.tokenRequests = 0;
  }

  function info() {
    return { baseUrl: origin, blobBaseUrl: blobs.origin, caCertPath: ca.certPath, tenantId: world.tenants[0].tenantId, clientId: principal.clientId, clientSecret: principal.clientSecret, asOf: world.options.asOf };
  }

  const closeAll = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) { s.destroy(); }
      // A throw-away CA (no caDir given) holds a private key: it goes with the emulator.
      if (options.caDir === undefined) { fs.rmSync(path.dirname(ca.certPath), { recursive: true, force: true }); }
      let open = servers.filter((s) => s.listening).length;
      if (open === 0) { return resolve(); }
      for (const s of servers) { if (s.listening) { s.close(() => --open === 0 && resolve()); } }
    });

  try {
    origin = `https://127.0.0.1:${await listen(createServer('arm'), options.port ?? 0, '127.0.0.1')}`;
    // Blobs on `localhost`: another host name than ARM's 127.0.0.1 (a client that compares host names
    // only, not ports, must see a change of host), and another port. `localhost` may resolve to ::1
    // first, so the blob origin also listens there where the machine has an IPv6 loopback.
    const blobPort = await listen(createServer('blob'), options.blobPort ?? 0, '127.0.0.1');
    const v6 = createServer('blob');
    await listen(v6, blobPort, '::1').catch(() => servers.splice(servers.indexOf(v6), 1));
    blobs.origin = `https://localhost:${blobPort}`;
  } catch (e) {
    await closeAll();
    throw e;
  }

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
    close: closeAll,
  };
}
