// Reading requests and writing answers, including the faults that damage an answer on the wire.
import type { IncomingMessage, ServerResponse } from 'http';
import type { FaultRule } from './faults';
import type { EmuResponse } from './http';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Sends `out`; a `malformed` fault cuts the body in half, a `dropMidBody` fault closes the socket
 * halfway, a `stall` fault sends the headers (and half the body at `midBody`) and then nothing more,
 * leaving the connection open until the client gives up or the emulator closes.
 */
export async function writeResponse(res: ServerResponse, out: EmuResponse, fault: FaultRule | undefined): Promise<void> {
  const headers: Record<string, string | number> = { ...out.headers };
  let body: Buffer | undefined;
  if (out.json !== undefined) {
    body = Buffer.from(JSON.stringify(out.json));
    headers['content-type'] = 'application/json; charset=utf-8';
  } else if (out.body !== undefined) {
    body = typeof out.body === 'string' ? Buffer.from(out.body) : out.body;
  }
  if (fault?.kind === 'malformed' && body) { body = body.subarray(0, Math.max(1, Math.floor(body.length / 2))); }
  if (body) { headers['content-length'] = body.length; }
  if (fault?.kind === 'dropMidBody' && body) {
    res.writeHead(out.status, headers);
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    await sleep(20);
    res.socket?.destroy();
    return;
  }
  if (fault?.kind === 'stall') {
    res.writeHead(out.status, headers);
    if (fault.stallAt === 'midBody' && body) { res.write(body.subarray(0, Math.floor(body.length / 2))); }
    else { res.flushHeaders(); }
    return;
  }
  res.writeHead(out.status, headers);
  res.end(body);
}

/** The same answer with no items: lists get an empty `value`, Cost Management and 204-style APIs get 204. */
export function emptied(out: EmuResponse): EmuResponse {
  const json = out.json as Record<string, unknown> | undefined;
  if (!json || out.status >= 300) { return out; }
  if (Array.isArray(json.value)) { return { ...out, json: { ...json, value: [], nextLink: undefined } }; }
  if (Array.isArray(json.Items)) { return { ...out, json: { ...json, Items: [], Count: 0, NextPageLink: null } }; }
  return { status: 204, headers: out.headers };
}
