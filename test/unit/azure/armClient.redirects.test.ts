// Redirects never carry the ARM token: a 307 from ARM to another port of the same host (the case
// node-fetch would follow with Authorization kept) reaches that server without credentials, and a
// redirect to plain http is refused before anything is sent there.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ensureCa, issueServerCertificate } from '../../emulator/tls';
import { testCaDir } from '../../support/paths';
import { failureOf, testClient, useRoutedEmulator } from './clientFixture';
import { TEST_API } from './testRoutes';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
}

function serverTls(): https.ServerOptions {
  const { certPem, keyPem } = issueServerCertificate(ensureCa(testCaDir));
  return { cert: certPem, key: keyPem };
}

/** A server on 127.0.0.1 that records every request and answers `{ from: name }`. */
async function recordingServer(secure: boolean, name: string): Promise<{ server: http.Server; origin: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ from: name }));
  };
  const server = secure ? https.createServer(serverTls(), handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `${secure ? 'https' : 'http'}://127.0.0.1:${port}`, seen };
}

describe('ArmClient: redirects carry no credentials', () => {
  let target: Awaited<ReturnType<typeof recordingServer>>;
  let plain: Awaited<ReturnType<typeof recordingServer>>;
  const emu = useRoutedEmulator((e) => {
    // GET …/Test.Client/redirect?to=<url>&status=<3xx>: ARM handing the request off elsewhere.
    e.router.add({
      method: 'GET', path: '/providers/Test.Client/redirect', apiVersions: [TEST_API], auth: 'arm',
      handler: (req) => ({ status: Number(req.q('status') ?? 307), headers: { location: req.q('to') ?? '' } }),
    });
  });

  before(async () => {
    target = await recordingServer(true, 'other port');
    plain = await recordingServer(false, 'plain http');
  });
  after(() => {
    target.server.close();
    plain.server.close();
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it(`follows a ${status} to another port of the same host without Authorization`, async () => {
      const { client } = testClient(emu());
      target.seen.length = 0;
      const answer = await client.get<{ from: string }>('/providers/Test.Client/redirect', { query: { 'api-version': TEST_API, status: String(status), to: `${target.origin}/document?x=1` } });
      assert.deepEqual(answer, { from: 'other port' });
      assert.equal(target.seen.length, 1);
      assert.equal(target.seen[0].url, '/document?x=1');
      assert.equal(target.seen[0].authorization, undefined, 'no token went to the other server');
      client.dispose();
    });
  }

  it('refuses a redirect to plain http with a typed error, and sends nothing there', async () => {
    const { client } = testClient(emu());
    const error = await failureOf(client.get('/providers/Test.Client/redirect', { query: { 'api-version': TEST_API, to: `${plain.origin}/steal` } }));
    assert.equal(error.kind, 'invalidResponse');
    assert.match(error.message, /not https; not followed/);
    assert.equal(plain.seen.length, 0);
    client.dispose();
  });

  it('hands a 3xx back untouched to callers that asked for it (getRaw)', async () => {
    const { client } = testClient(emu());
    target.seen.length = 0;
    const raw = await client.getRaw('/providers/Test.Client/redirect', { query: { 'api-version': TEST_API, status: '302', to: `${target.origin}/x` } });
    assert.equal(raw.status, 302);
    assert.equal(target.seen.length, 0);
    client.dispose();
  });
});
