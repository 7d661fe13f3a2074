// Measures the critical path of a fan-out in requests: how many requests had to happen one after
// another, whatever ran in parallel beside them. With a fixed latency per request, that depth
// times the latency is the fastest the whole walk could possibly take (the "ideal").
//
// Every logical task runs in an AsyncLocalStorage context holding its depth. A request started
// at depth d ends at depth d+1 (two requests started together both end at d+1; one after the
// other, at d+2). A list of n pages counts n. Fan-out children start from their parent's depth.
import { AsyncLocalStorage } from 'async_hooks';
import type { ArmClient } from '../../src/azure/armClient';
import type { ArmTransport, BlobResponse, ListOptions, LongRunningOptions, QueryPage, RequestOptions } from '../../src/azure/transport';

interface Chain {
  depth: number;
}

export class DependencyDepth {
  private readonly store = new AsyncLocalStorage<Chain>();
  private deepest = 0;

  get maxDepth(): number {
    return this.deepest;
  }

  /** Runs `task` as a branch that starts where the current chain stands. */
  branch<T>(task: () => Promise<T>): Promise<T> {
    return this.store.run({ depth: this.current().depth }, task);
  }

  private current(): Chain {
    return this.store.getStore() ?? { depth: 0 };
  }

  private advance(chain: Chain, startedAt: number, steps: number): void {
    chain.depth = Math.max(chain.depth, startedAt + steps);
    this.deepest = Math.max(this.deepest, chain.depth);
  }

  /** `inner` with every call counted on the chain of whoever made it. */
  wrap(inner: ArmClient): ArmTransport {
    const once = async <T>(call: () => Promise<T>): Promise<T> => {
      const chain = this.current();
      const startedAt = chain.depth;
      try {
        return await call();
      } finally {
        this.advance(chain, startedAt, 1);
      }
    };
    const current = () => this.current();
    const advance = (chain: Chain, startedAt: number, steps: number) => this.advance(chain, startedAt, steps);
    return {
      endpoint: inner.endpoint,
      get: <T>(path: string, o?: RequestOptions) => once(() => inner.get<T>(path, o)),
      send: <T>(m: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, o?: RequestOptions) => once(() => inner.send<T>(m, path, body, o)),
      delete: (path: string, o?: RequestOptions) => once(() => inner.delete(path, o)),
      getRaw: (path: string, o?: RequestOptions) => once(() => inner.getRaw(path, o)),
      fetchUnauthenticated: (url: string, o?: { signal?: AbortSignal; headers?: Record<string, string> }): Promise<BlobResponse> => once(() => inner.fetchUnauthenticated(url, o)),
      // Polls are sequential; the bench does not start operations, so one step is close enough.
      longRunning: <T>(path: string, body: unknown, o?: LongRunningOptions) => once(() => inner.longRunning<T>(path, body, o)),
      list<T>(path: string, o?: ListOptions): AsyncIterable<T> {
        const pages = inner.list<T>(path, o);
        return {
          async *[Symbol.asyncIterator]() {
            const chain = current();
            const startedAt = chain.depth;
            try {
              yield* pages;
            } finally {
              advance(chain, startedAt, Math.max(1, pages.report.pages));
            }
          },
        };
      },
      queryPages(path: string, body: unknown, o?: RequestOptions): AsyncIterable<QueryPage> {
        return inner.queryPages(path, body, o);
      },
    };
  }
}
