// The blob origin: on Azure, invoice download links and the RateCard document live on storage
// (`*.blob.core.windows.net`), another host than ARM, and clients rely on that (one that drops
// `Authorization` when a redirect changes host works on Azure). The emulator serves every blob link
// from a second HTTPS listener on another host name and port, with the same CA: it still refuses a
// request carrying Authorization and expired links, serves nothing but blobs, is named in the info
// route and the command line's --json line, and closes with the emulator.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { describe, it } from 'node:test';
import { startEmulator } from '../../emulator/server';
import type { Emulator } from '../../emulator/server';
import { ArmPage, armFetch, billingAccountOf, FIXED_AS_OF, jsonAs, useEmulator } from '../../support/emulator';
import { repoRoot, testCaDir } from '../../support/paths';
import type { ArmError, DownloadLink, Invoice, RateCardDocument } from '../../support/wireShapes';

/** The emulator's own addresses, as the info route and the command line's --json line name them. */
type EmulatorInfo = Pick<Emulator, 'baseUrl' | 'blobBaseUrl'>;

const BA = '/providers/Microsoft.Billing/billingAccounts';

const rateCardPath = (subscriptionId: string, apiVersion: string) =>
  `/subscriptions/${subscriptionId}/providers/Microsoft.Commerce/RateCard?api-version=${apiVersion}&$filter=${encodeURIComponent("OfferDurableId eq 'MS-AZR-0003P' and Currency eq 'USD' and Locale eq 'en-US' and RegionInfo eq 'US'")}`;

/** A link as the blob origin hands it out: its origin, `/blob/…`, a SAS-like query; served without a token. */
async function assertBlobLink(e: Emulator, link: string, contentType: RegExp, what: string): Promise<void> {
  const url = new URL(link);
  assert.equal(url.origin, e.blobBaseUrl, `${what}: on the blob origin`);
  assert.match(url.pathname, /^\/blob\/[^/]+\/[^/]+$/, `${what}: a /blob/ path`);
  assert.ok(url.searchParams.get('sig') && url.searchParams.get('se'), `${what}: sig and se`);
  const plain = await fetch(url);
  assert.equal(plain.status, 200, `${what}: served without a token`);
  assert.match(plain.headers.get('content-type') ?? '', contentType, what);
  await plain.arrayBuffer();
  const withToken = await fetch(url, { headers: { authorization: `Bearer ${e.issueToken()}` } });
  assert.equal(withToken.status, 400, `${what}: a token is refused as storage refuses it with a SAS`);
  assert.match(await withToken.text(), /InvalidAuthenticationInfo/);
}

describe('emulator: the blob origin', () => {
  const emu = useEmulator({ settings: { downloadPolls: 0 } });

  /** POST → 202 → the Location's 200 `{url, expiryTime}`: the link. */
  async function linkOf(postPath: string, body?: unknown): Promise<string> {
    const e = emu();
    const init: RequestInit = body === undefined ? { method: 'POST' } : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
    const started = await armFetch(e, postPath, init);
    assert.equal(started.status, 202, `POST ${postPath}: ${await started.clone().text()}`);
    const location = started.headers.get('location') ?? '';
    assert.equal(new URL(location).origin, e.baseUrl, 'the operation stays on ARM');
    const done = await armFetch(e, location);
    assert.equal(done.status, 200);
    return (await jsonAs<DownloadLink>(done)).url;
  }
  const accountOf = (type: string) => billingAccountOf(emu(), type);
  const invoicesAt = async (e: Emulator, path: string) => (await jsonAs<ArmPage<Invoice>>(await armFetch(e, path))).value;

  it('is another host name and port than ARM, named on the Emulator object and by the info route', async () => {
    const e = emu();
    const arm = new URL(e.baseUrl);
    const blob = new URL(e.blobBaseUrl);
    assert.equal(blob.protocol, 'https:');
    assert.equal(blob.hostname, 'localhost');
    assert.notEqual(blob.hostname, arm.hostname, 'a client comparing host names only sees a change of host');
    assert.notEqual(blob.port, arm.port);
    const info = await jsonAs<EmulatorInfo>(await fetch(new URL('/_emulator/info', e.baseUrl)));
    assert.equal(info.baseUrl, e.baseUrl);
    assert.equal(info.blobBaseUrl, e.blobBaseUrl);
  });

  it('hands out every download link on the blob origin: each api-version, the subscription route, the EA summary and the multi-document ZIP', async () => {
    const e = emu();
    const mca = await accountOf('MicrosoftCustomerAgreement');
    const invoices = await invoicesAt(e, `${BA}/${mca.name}/invoices?api-version=2024-04-01`);
    const inv = invoices.find((i) => i.properties.documentType === 'Invoice');
    assert.ok(inv, 'an invoice');
    const profileName = inv.properties.billingProfileId?.split('/').pop();
    const pdf = /application\/pdf/;
    await assertBlobLink(e, await linkOf(`${BA}/${mca.name}/invoices/${inv.name}/download?api-version=2024-04-01&documentName=${inv.properties.documents[0].name}`), pdf, '2024-04-01 download');
    const old = (await jsonAs<Invoice>(await armFetch(e, `${BA}/${mca.name}/invoices/${inv.name}?api-version=2020-05-01`))).properties.documents[0].url;
    await assertBlobLink(e, await linkOf(new URL(old).pathname + new URL(old).search), pdf, '2020-05-01 download');
    await assertBlobLink(e, await linkOf(`${BA}/${mca.name}/billingProfiles/${profileName}/invoices/${inv.name}/download?api-version=2019-10-01-preview`), pdf, 'preview download');
    const ea = await accountOf('EnterpriseAgreement');
    const eaInv = (await invoicesAt(e, `${BA}/${ea.name}/invoices?api-version=2024-04-01`))[0];
    await assertBlobLink(e, await linkOf(`${BA}/${ea.name}/invoices/${eaInv.name}/downloadSummary?api-version=2024-04-01`), pdf, 'EA summary');
    const mosp = await accountOf('MicrosoftOnlineServicesProgram');
    const sub = e.world.subscriptions.find((s) => s.billingAccountName === mosp.name);
    assert.ok(sub);
    const subInv = (await invoicesAt(e, `${BA}/default/billingSubscriptions/${sub.subscriptionId}/invoices?api-version=2024-04-01`))[0];
    await assertBlobLink(e, await linkOf(`${BA}/default/billingSubscriptions/${sub.subscriptionId}/invoices/${subInv.name}/download?api-version=2024-04-01`), pdf, 'subscription invoice');
    const zip = /application\/zip/;
    await assertBlobLink(e, await linkOf(`${BA}/${mca.name}/downloadDocuments?api-version=2024-04-01`, [{ invoiceName: inv.name, documentName: inv.properties.documents[0].name }]), zip, '2024-04-01 ZIP');
    await assertBlobLink(e, await linkOf(`${BA}/${mca.name}/downloadDocuments?api-version=2020-05-01`, [old]), zip, '2020-05-01 ZIP');
    await assertBlobLink(e, await linkOf(`${BA}/default/billingSubscriptions/${sub.subscriptionId}/downloadDocuments?api-version=2024-04-01`, [{ invoiceName: subInv.name }]), zip, 'subscription ZIP');
  });

  it('redirects the RateCard to the blob origin on both api-versions', async () => {
    const e = emu();
    const payg = e.world.subscriptions.find((s) => s.offerId === 'MS-AZR-0003P');
    assert.ok(payg);
    for (const version of ['2015-06-01-preview', '2016-08-31-preview']) {
      const res = await armFetch(e, rateCardPath(payg.subscriptionId, version), { token: e.issueToken(payg.tenantId), redirect: 'manual' });
      assert.equal(res.status, 302, version);
      await assertBlobLink(e, res.headers.get('location') ?? '', /application\/json/, `RateCard ${version}`);
    }
  });

  it('serves the RateCard to a client that keeps its token for ARM and drops it when a redirect changes host, as it would on Azure', async () => {
    const e = emu();
    const payg = e.world.subscriptions.find((s) => s.offerId === 'MS-AZR-0003P');
    assert.ok(payg);
    const token = e.issueToken(payg.tenantId);
    // Node's fetch drops Authorization on a redirect to another origin (the fetch standard).
    const followed = await fetch(new URL(rateCardPath(payg.subscriptionId, '2015-06-01-preview'), e.baseUrl), { headers: { authorization: `Bearer ${token}` } });
    assert.equal(followed.status, 200, await followed.clone().text());
    assert.ok((await jsonAs<RateCardDocument>(followed)).Meters.length > 0);
    // A client that keeps the header while the host name stays and drops it when the host name changes.
    const first = await armFetch(e, rateCardPath(payg.subscriptionId, '2015-06-01-preview'), { token, redirect: 'manual' });
    const target = new URL(first.headers.get('location') ?? '', e.baseUrl);
    const sameHost = target.hostname === new URL(e.baseUrl).hostname;
    assert.equal(sameHost, false);
    const hop = await fetch(target, { headers: sameHost ? { authorization: `Bearer ${token}` } : {} });
    assert.equal(hop.status, 200);
    await hop.arrayBuffer();
  });

  it('serves nothing but blobs, and ARM serves no blob', async () => {
    const e = emu();
    const mca = await accountOf('MicrosoftCustomerAgreement');
    const inv = (await invoicesAt(e, `${BA}/${mca.name}/invoices?api-version=2024-04-01`))[0];
    const link = new URL(await linkOf(`${BA}/${mca.name}/invoices/${inv.name}/download?api-version=2024-04-01`));
    // The same link on ARM's origin is no blob there: ARM wants a token, and has no such route.
    const anonymous = await fetch(new URL(link.pathname + link.search, e.baseUrl));
    assert.equal(anonymous.status, 401);
    await anonymous.arrayBuffer();
    const onArm = await armFetch(e, link.pathname + link.search);
    assert.equal(onArm.status, 404);
    assert.equal((await jsonAs<ArmError>(onArm)).error.code, 'NotFound');
    // ARM routes, the token endpoint and the control routes are not on the blob origin.
    const bearer = { authorization: `Bearer ${e.issueToken()}` };
    for (const [method, where, headers] of [
      ['GET', `${BA}?api-version=2024-04-01`, bearer],
      ['GET', `/subscriptions?api-version=2022-12-01`, bearer],
      ['POST', `/${e.tenantId}/oauth2/v2.0/token`, {}],
      ['GET', '/_emulator/info', {}],
      ['GET', '/api/retail/prices', {}],
    ] as const) {
      const res = await fetch(new URL(where, e.blobBaseUrl), { method, headers });
      assert.equal(res.status, 404, `${method} ${where}`);
      assert.match(await res.text(), /<Code>ResourceNotFound<\/Code>/, `${method} ${where}`);
    }
    const post = await fetch(link, { method: 'POST' });
    assert.equal(post.status, 405);
    await post.arrayBuffer();
  });

  it('expires links and answers a bad signature as storage does', async () => {
    const e = emu();
    const mca = await accountOf('MicrosoftCustomerAgreement');
    const inv = (await invoicesAt(e, `${BA}/${mca.name}/invoices?api-version=2024-04-01`))[0];
    e.settings.blobUrlLifetimeSeconds = 1;
    try {
      const link = new URL(await linkOf(`${BA}/${mca.name}/invoices/${inv.name}/download?api-version=2024-04-01`));
      const forged = new URL(link);
      forged.searchParams.set('sig', 'AAAA');
      const refused = await fetch(forged);
      assert.equal(refused.status, 403);
      assert.match(await refused.text(), /AuthenticationFailed/);
      await new Promise((r) => setTimeout(r, 1100));
      const expired = await fetch(link);
      assert.equal(expired.status, 403);
      assert.match(await expired.text(), /Signature not valid in the specified time frame/);
    } finally {
      e.settings.blobUrlLifetimeSeconds = 300;
    }
  });

  it('takes the faults of the emulator, as every request does', async () => {
    const e = emu();
    const mca = await accountOf('MicrosoftCustomerAgreement');
    const inv = (await invoicesAt(e, `${BA}/${mca.name}/invoices?api-version=2024-04-01`))[0];
    const link = await linkOf(`${BA}/${mca.name}/invoices/${inv.name}/download?api-version=2024-04-01`);
    e.faults.add({ kind: 'error', status: 503, path: '/blob/', times: 1 });
    const faulted = await fetch(link);
    assert.equal(faulted.status, 503);
    assert.ok(faulted.headers.get('retry-after'));
    await faulted.arrayBuffer();
    const again = await fetch(link);
    assert.equal(again.status, 200);
    await again.arrayBuffer();
  });
});

describe('emulator: the blob origin starts and stops with the emulator', () => {
  it('listens on a chosen port and refuses connections once the emulator is closed', async () => {
    const probe = await startEmulator({ caDir: testCaDir, asOf: FIXED_AS_OF });
    const port = Number(new URL(probe.blobBaseUrl).port);
    await probe.close();
    const e = await startEmulator({ caDir: testCaDir, asOf: FIXED_AS_OF, blobPort: port });
    try {
      assert.equal(e.blobBaseUrl, `https://localhost:${port}`);
      const res = await fetch(new URL('/blob/none/none', e.blobBaseUrl));
      assert.equal(res.status, 403);
      await res.arrayBuffer();
    } finally {
      await e.close();
    }
    await assert.rejects(fetch(new URL('/blob/none/none', e.blobBaseUrl)), 'nothing listens on the blob origin any more');
    await assert.rejects(fetch(new URL('/_emulator/info', e.baseUrl)), 'nor on ARM');
  });

  it('names the blob origin in the --json line of the command line', async () => {
    const cli = spawn(process.execPath, [path.join(repoRoot, 'out', 'test', 'emulator', 'cli.js'), '--json', '--ca-dir', testCaDir, '--as-of', FIXED_AS_OF], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: cli.stdout }).once('line', resolve);
        cli.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before its first line`)));
      });
      const info = JSON.parse(line) as EmulatorInfo;
      assert.deepEqual(Object.keys(info), ['baseUrl', 'blobBaseUrl', 'caCertPath', 'tenantId', 'clientId', 'clientSecret', 'asOf']);
      assert.match(info.blobBaseUrl, /^https:\/\/localhost:\d+$/);
      const served = await jsonAs<EmulatorInfo>(await fetch(new URL('/_emulator/info', info.baseUrl)));
      assert.equal(served.blobBaseUrl, info.blobBaseUrl);
      const blob = await fetch(new URL('/blob/none/none', info.blobBaseUrl));
      assert.equal(blob.status, 403);
      await blob.arrayBuffer();
    } finally {
      if (cli.exitCode === null && cli.signalCode === null) {
        const exited = new Promise((r) => cli.once('exit', r));
        cli.kill('SIGTERM');
        await exited;
      }
    }
  });
});
