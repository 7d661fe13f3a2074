// Noticing an answer whose connection closed before all of it came. node-fetch v2 only detects that
// for chunked bodies: with a Content-Length body cut short, its body stream neither ends nor fails,
// and a reader would wait for its idle limit. Node publishes every HTTP request it starts on the
// documented `http.client.request.start` diagnostics channel
// (https://nodejs.org/api/diagnostics_channel.html#http); the watch finds the attempt's request by
// its `x-ms-client-request-id` and tells the attempt when its answer closes incomplete, so the
// attempt fails at once as a network error and is retried. The channel is subscribed only while
// an attempt is watching.
import * as diagnosticsChannel from 'diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'http';

/** The header that carries the id an attempt registered under. */
export const ATTEMPT_HEADER = 'x-ms-client-request-id';
const CHANNEL = 'http.client.request.start';

const watchers = new Map<string, () => void>();

function onRequestStart(message: unknown): void {
  const request = (message as { request?: ClientRequest }).request;
  if (!request || typeof request.getHeader !== 'function') {return;}
  // node-fetch hands headers over as arrays of values.
  const raw = request.getHeader(ATTEMPT_HEADER);
  const id = Array.isArray(raw) ? raw[0] : raw;
  if (typeof id !== 'string' || !watchers.has(id)) {return;}
  request.once('response', (response: IncomingMessage) => {
    response.once('close', () => {
      // `complete` is set once the parser has the whole message, whether or not it was read yet.
      if (!response.complete) {watchers.get(id)?.();}
    });
  });
}

/** Calls `onPrematureClose` if the answer to the request carrying `id` is cut short; returns the unwatch function. */
export function watchAnswer(id: string, onPrematureClose: () => void): () => void {
  if (watchers.size === 0) {diagnosticsChannel.subscribe(CHANNEL, onRequestStart);}
  watchers.set(id, onPrematureClose);
  return () => {
    if (watchers.get(id) !== onPrematureClose) {return;}
    watchers.delete(id);
    if (watchers.size === 0) {diagnosticsChannel.unsubscribe(CHANNEL, onRequestStart);}
  };
}
