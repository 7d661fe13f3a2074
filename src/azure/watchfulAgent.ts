// A keep-alive HTTPS agent that notices when a connection closes before the whole answer came.
// node-fetch v2 only detects that for chunked bodies: with a Content-Length body cut short, its
// body stream neither ends nor fails, and a reader would wait until its timeout (or forever, for
// a download). The agent sees each request and tells the attempt that sent it, so the attempt
// can fail at once as a network error and be retried.
import type { ClientRequest, IncomingMessage } from 'http';
import { Agent, AgentOptions } from 'https';

/** The header that carries the id an attempt registered under. */
export const ATTEMPT_HEADER = 'x-ms-client-request-id';

type AddRequest = (req: ClientRequest, ...rest: unknown[]) => void;

export class WatchfulAgent extends Agent {
  private readonly watchers = new Map<string, () => void>();

  constructor(options: AgentOptions) {
    super(options);
    const original = (Agent.prototype as unknown as { addRequest: AddRequest }).addRequest;
    // `addRequest` is how Node's http client hands every request to its agent (not in the typings).
    (this as unknown as { addRequest: AddRequest }).addRequest = (req, ...rest) => {
      this.observe(req);
      original.call(this, req, ...rest);
    };
  }

  /** Calls `onPrematureClose` if the answer to the request carrying `id` is cut short; returns the unwatch function. */
  watch(id: string, onPrematureClose: () => void): () => void {
    this.watchers.set(id, onPrematureClose);
    return () => {
      if (this.watchers.get(id) === onPrematureClose) { this.watchers.delete(id); }
    };
  }

  private observe(req: ClientRequest): void {
    // node-fetch hands headers over as arrays of values.
    const raw = req.getHeader(ATTEMPT_HEADER);
    const id = Array.isArray(raw) ? raw[0] : raw;
    if (typeof id !== 'string') { return; }
    req.once('response', (res: IncomingMessage) => {
      res.once('close', () => {
        // `complete` is set once the parser has the whole message, whether or not it was read yet.
        if (!res.complete) { this.watchers.get(id)?.(); }
      });
    });
  }
}
