// Reading an answer's body whole, inside the attempt that asked for it. A body that breaks, stops
// arriving or turns out unreadable is then one more failed attempt, retried like any other, and no
// caller is ever handed half of one. Two limits guard the read: how long the body may send nothing
// (a server that sent its headers and then stalled would otherwise hold the call until cancelled),
// and how large it may grow.

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limitBytes: number) {
    const limit = limitBytes >= 1024 * 1024 ? `${Math.round(limitBytes / 1024 / 1024)} MB` : `${limitBytes} bytes`;
    super(`The answer is larger than ${limit}; refusing to read it.`);
  }
}

export interface BodyReadLimits {
  /** Longest silence allowed between two pieces of the body (and before the first). */
  idleTimeoutMs: number;
  /** Ceiling for the whole body; undefined: none. */
  maxBytes?: number;
  /** Called when the body went silent for too long: must end the request, which fails the read. */
  onIdle(): void;
  /** Called when the body grew past `maxBytes`: must end the request. */
  onTooLarge(): void;
}

/**
 * The whole body. Rejects with the stream's own error when the connection breaks or the request is
 * ended (the caller tells why), and with `BodyTooLargeError` past the ceiling.
 */
export function readWholeBody(body: NodeJS.ReadableStream, limits: BodyReadLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    let pieces = 0;
    const armIdle = () => {
      if (idle) { clearTimeout(idle); }
      if (!(limits.idleTimeoutMs > 0 && Number.isFinite(limits.idleTimeoutMs))) { return; }
      const seen = pieces;
      // After the event loop was blocked (a busy editor, a loaded machine) timers run before the
      // I/O that waited meanwhile: let that I/O be read first, and only call the body silent when
      // nothing arrived even then.
      idle = setTimeout(() => setImmediate(() => setImmediate(() => {
        if (!settled && pieces === seen) { limits.onIdle(); }
      })), limits.idleTimeoutMs);
    };
    const finish = (error?: Error) => {
      if (settled) { return; }
      settled = true;
      if (idle) { clearTimeout(idle); }
      body.removeListener('data', onData);
      body.removeListener('end', onEnd);
      if (error) { reject(error); }
      else { resolve(Buffer.concat(chunks, size)); }
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (limits.maxBytes !== undefined && size > limits.maxBytes) {
        limits.onTooLarge();
        finish(new BodyTooLargeError(limits.maxBytes));
        return;
      }
      chunks.push(buffer);
      pieces += 1;
      armIdle();
    };
    const onEnd = () => finish();
    // Kept after settling: a stream destroyed later must not throw an unhandled 'error'.
    body.on('error', (error: Error) => finish(error));
    body.on('data', onData);
    body.once('end', onEnd);
    armIdle();
  });
}
