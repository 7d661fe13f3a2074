// A real HTTP CONNECT proxy for tests (the `proxy` package, by the author of the proxy agents the
// client uses), started on a free port. It records the target of every CONNECT it is asked for,
// so a test can count the tunnels to each origin, and can ask for Basic credentials (407).
import type { IncomingMessage } from 'http';
import type { AddressInfo, Socket } from 'net';
import type * as ProxyPackage from 'proxy/dist/proxy';

// The package is an ES module behind an `exports` map, which this project's `moduleResolution:
// node` cannot read: its types come by path, the module through require (Node loads ES modules
// that way since 20.19 and 22.12).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createProxy } = require('proxy') as typeof ProxyPackage;

export interface TestProxy {
  /** `http://127.0.0.1:PORT`, without credentials. */
  readonly url: string;
  /** `host:port` of every CONNECT received, refused ones included, in order. */
  readonly connects: string[];
  /** CONNECTs refused for missing or wrong credentials. */
  readonly refused: string[];
  /** CONNECTs to `origin` (an `https://host:port` URL) so far. */
  connectsTo(origin: string): number;
  /** From now on, ask for these credentials (undefined: let everyone through). */
  requireCredentials(user: string | undefined, password?: string): void;
  close(): Promise<void>;
}

export async function startTestProxy(): Promise<TestProxy> {
  const server = createProxy();
  const connects: string[] = [];
  const refused: string[] = [];
  let expected: string | undefined;
  server.authenticate = (req: IncomingMessage) => {
    const ok = expected === undefined || req.headers['proxy-authorization'] === expected;
    if (!ok) {refused.push(req.url ?? '');}
    return ok;
  };
  // Tunnels are sockets the HTTP server no longer tracks: closing must end them too.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Registered before the library's own handler runs its (asynchronous) authentication.
  server.prependListener('connect', (req: IncomingMessage) => connects.push(req.url ?? ''));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    refused,
    connectsTo(origin) {
      const url = new URL(origin);
      const target = `${url.hostname}:${url.port || '443'}`;
      return connects.filter((c) => c === target).length;
    },
    requireCredentials(user, password = '') {
      expected = user === undefined ? undefined : `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) {socket.destroy();}
      }),
  };
}
