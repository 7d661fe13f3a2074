// The connections a client's requests travel on: one keep-alive agent for direct connections and
// one per proxy, through an HTTP CONNECT tunnel (https-proxy-agent). Keep-alive saves a TLS
// handshake per request when a tree fans out; through a proxy it also saves the CONNECT.
import type { Agent as HttpAgent, ClientRequest, IncomingMessage } from 'http';
import { Agent } from 'https';
import { HttpsProxyAgent, HttpsProxyAgentOptions } from 'https-proxy-agent';
import type { AgentConnectOpts } from 'agent-base';
import { describeProxy, proxyFor, ProxyOptions } from './proxy';
import { ATTEMPT_HEADER } from './responseWatch';

/** A proxy's own answer to CONNECT when it was not 200: the request never reached Azure. */
export interface ProxyRefusal {
  status: number;
  statusText: string;
  /** The proxy, without credentials, when the client chose it. */
  proxy?: string;
}

/** The route of one request, for messages. */
export interface Route {
  agent: HttpAgent;
  /** The proxy, without credentials; undefined for a direct connection. */
  proxy?: string;
}

/**
 * Verifies neither the proxy's certificate nor, inside the tunnel, the server's: only what
 * `http.proxyStrictSSL: false` asks for. `connect` is the method agent-base documents for
 * subclasses; the target's TLS options are the request's, which node-fetch does not let us set.
 */
class LenientProxyAgent extends HttpsProxyAgent<string> {
  override connect(req: ClientRequest, opts: AgentConnectOpts): ReturnType<HttpsProxyAgent<string>['connect']> {
    return super.connect(req, opts.secureEndpoint ? { ...opts, rejectUnauthorized: false } : opts);
  }
}

export class ConnectionPool {
  private readonly direct: Agent;
  private readonly proxies = new Map<string, HttpAgent>();
  private readonly refusals = new Map<string, ProxyRefusal>();

  constructor(private readonly proxy: ProxyOptions | undefined, private readonly maxSockets: number) {
    this.direct = new Agent({ keepAlive: true, maxSockets });
  }

  routeFor(url: string): Route {
    const proxy = proxyFor(url, this.proxy);
    if (!proxy) {return { agent: this.direct };}
    const key = proxy.href;
    let agent = this.proxies.get(key);
    if (!agent) {
      const strict = this.proxy?.strictSSL !== false;
      const options: HttpsProxyAgentOptions<string> = { keepAlive: true, maxSockets: this.maxSockets, rejectUnauthorized: strict };
      const created = strict ? new HttpsProxyAgent(proxy.href, options) : new LenientProxyAgent(proxy.href, options);
      // https-proxy-agent replays a refused CONNECT's answer (407, 403, 502…) as if the server had
      // sent it; this event is how its status is told apart from Azure's.
      created.on('proxyConnect', (connect: IncomingMessage, req: ClientRequest) => {
        const status = connect.statusCode ?? 0;
        if (status === 200) {return;}
        const raw = req.getHeader(ATTEMPT_HEADER);
        const id = Array.isArray(raw) ? raw[0] : raw;
        if (typeof id === 'string') {this.refusals.set(id, { status, statusText: connect.statusMessage ?? '', proxy: describeProxy(proxy) });}
      });
      agent = created;
      this.proxies.set(key, agent);
    }
    return { agent, proxy: describeProxy(proxy) };
  }

  /** The proxy's refusal of the attempt that carried `id`, once (it is forgotten when read). */
  takeRefusal(id: string): ProxyRefusal | undefined {
    const refusal = this.refusals.get(id);
    this.refusals.delete(id);
    return refusal;
  }

  /** Closes idle keep-alive connections. */
  destroy(): void {
    this.direct.destroy();
    for (const agent of this.proxies.values()) {agent.destroy();}
    this.proxies.clear();
  }
}
