// The fault rules themselves: `skip` lets the first matching requests through, `stall` sends the
// headers (or half the body) and then nothing while the connection stays open. Read with Node's own
// https client, byte by byte, so nothing in between hides what the wire carried.
import * as assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import * as https from 'node:https';
import { describe, it } from 'node:test';
import { parseFaultHeader } from '../../emulator/faults';
import { armFetch, useEmulator } from '../../support/emulator';

const ACCOUNTS = '/providers/Microsoft.Billing/billingAccounts?api-version=2020-05-01';

interface Observed {
  status: number;
  contentLength: number;
  received: number;
  complete: boolean;
}

/** GETs `path`, keeps what arrives for `watchMs` after the headers, then hangs up. */
function readFor(baseUrl: string, path: string, token: string, watchMs: number): Promise<Observed> {
  return new Promise((resolve, reject) => {
    const req = https.get(new URL(path, baseUrl), { headers: { authorization: `Bearer ${token}` } }, (res: IncomingMessage) => {
      let received = 0;
      res.on('data', (chunk: Buffer) => (received += chunk.length));
      res.on('error', () => undefined);
      setTimeout(() => {
        const seen = { status: res.statusCode ?? 0, contentLength: Number(res.headers['content-length']), received, complete: res.complete };
        req.destroy();
        resolve(seen);
      }, watchMs);
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
  });
}

describe('emulator: fault rules', () => {
  const emu = useEmulator();

  it('skip: the first matching request goes through, the second is hit, the third is clean again', async () => {
    const e = emu();
    e.faults.clear();
    e.faults.add({ kind: 'error', status: 500, path: '/billingAccounts', skip: 1, times: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) { statuses.push((await armFetch(e, ACCOUNTS)).status); }
    assert.deepEqual(statuses, [200, 500, 200]);
    assert.deepEqual(e.faults.list(), []);
  });

  it('skip: a rule still skipping lets the request on to the rules after it', async () => {
    const e = emu();
    e.faults.clear();
    e.faults.add({ kind: 'error', status: 500, path: '/billingAccounts', skip: 1, times: 1 });
    e.faults.add({ kind: 'forbidden', path: '/billingAccounts', times: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) { statuses.push((await armFetch(e, ACCOUNTS)).status); }
    assert.deepEqual(statuses, [403, 500, 200]);
  });

  it('stall at the headers: the status and Content-Length arrive, no byte of the body, the connection stays open', async () => {
    const e = emu();
    e.faults.clear();
    e.faults.add({ kind: 'stall', path: '/billingAccounts', times: 1 });
    const seen = await readFor(e.baseUrl, ACCOUNTS, e.issueToken(), 300);
    assert.equal(seen.status, 200);
    assert.ok(seen.contentLength > 0);
    assert.equal(seen.received, 0);
    assert.equal(seen.complete, false);
    assert.equal((await armFetch(e, ACCOUNTS)).status, 200, 'the next request is answered');
  });

  it('stall mid-body: half the body arrives, then nothing', async () => {
    const e = emu();
    e.faults.clear();
    e.faults.add({ kind: 'stall', stallAt: 'midBody', path: '/billingAccounts', times: 1 });
    const seen = await readFor(e.baseUrl, ACCOUNTS, e.issueToken(), 300);
    assert.equal(seen.status, 200);
    assert.equal(seen.received, Math.floor(seen.contentLength / 2));
    assert.equal(seen.complete, false);
  });

  it('reads stall and skip from the request header too, and refuses an unknown stall point', () => {
    assert.deepEqual(parseFaultHeader('stall; stallAt=midBody; skip=1'), { kind: 'stall', stallAt: 'midBody', skip: 1 });
    assert.throws(() => parseFaultHeader('stall; stallAt=forever'), /stallAt/);
    assert.throws(() => emu().faults.add({ kind: 'error', skip: -1 }), /skip/);
  });
});
