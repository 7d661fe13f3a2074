// Nothing that grants access may reach a log line: bearer tokens, client secrets, SAS signatures
// and expiries, invoice download tokens, blob URL queries. Checked on the redaction functions and
// on what a real client logged while it signed in, retried, and fetched a SAS link.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactingLogger, redactText, redactUrl, registerSecret } from '../../../src/azure/log';
import { useEmulator } from '../../support/emulator';
import { collect, MemoryLogger, testClient } from './clientFixture';
import { registerLroRoutes } from './lroRoutes';
import { registerTestRoutes, TEST_API } from './testRoutes';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0aWQiOiJ0MSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('redaction', () => {
  it('drops the whole query of a blob link, keeping where it points', () => {
    const url = 'https://acct.blob.core.windows.net/invoices/G123.pdf?sv=2019-02-02&sr=b&sig=abc%2Fdef%3D&se=2024-06-01T12%3A00%3A00Z&sp=r';
    assert.equal(redactUrl(url), 'https://acct.blob.core.windows.net/invoices/G123.pdf?[redacted]');
    assert.equal(redactUrl('https://127.0.0.1:9/blob/invoices/x.pdf?se=1&sig=2'), 'https://127.0.0.1:9/blob/invoices/x.pdf?[redacted]');
  });

  it('blanks secret parameters of other URLs and keeps the rest (as the URL parser normalises it)', () => {
    const url = "https://management.azure.com/providers/Microsoft.Billing/billingAccounts/a/invoices/G1/download?api-version=2020-05-01&downloadToken=DRS_12345&$filter=x%20eq%20'y'";
    assert.equal(redactUrl(url), "https://management.azure.com/providers/Microsoft.Billing/billingAccounts/a/invoices/G1/download?api-version=2020-05-01&downloadToken=[redacted]&$filter=x%20eq%20%27y%27");
  });

  it('blanks bearer tokens, bare JWTs, known secrets, token fields in JSON and secret parameters in free text', () => {
    const text = [
      `Authorization: Bearer ${JWT}`,
      `token ${JWT} seen`,
      'client secret emu~s3cr3t-value-here',
      '{"access_token":"abc.def","url":"https://x.blob.core.windows.net/c/b?sig=zzz&se=2024"}',
      'form: grant_type=client_credentials&client_secret=hunter22&scope=x',
      'link sig=QUJD and se=2024-01-01 and downloadToken=DRS_1',
    ].join('\n');
    const out = redactText(text, ['emu~s3cr3t-value-here']);
    for (const secret of [JWT, 'emu~s3cr3t-value-here', 'abc.def', 'zzz', 'hunter22', 'QUJD', 'DRS_1', '2024-01-01']) {
      assert.ok(!out.includes(secret), `${secret} leaked in:\n${out}`);
    }
    assert.match(out, /Authorization: Bearer \[redacted\]/);
    assert.match(out, /https:\/\/x\.blob\.core\.windows\.net\/c\/b\?\[redacted\]/);
    assert.match(out, /grant_type=client_credentials/);
  });
});

describe('token fields, secrets and e-mail addresses', () => {
  it('blanks camelCase and snake_case token and secret fields in JSON, in JSON inside a string and in printed objects', () => {
    const text = [
      `{"accessToken":"${JWT}x","expiresOn":1700000000}`,
      '{"refreshToken":"0.AAAArefresh","refresh_token":"0.BBBBrefresh","id_token":"idtok-1234","idToken":"idtok-5678"}',
      '{"clientSecret":"cs-camel-9999","client_secret":"cs-snake-9999","downloadToken":"DRS_camel"}',
      'body: "{\\"access_token\\":\\"escaped-token-4321\\"}"',
      "{ accessToken: 'printed-token-2468', tokenType: 'Bearer' }",
    ].join('\n');
    const out = redactText(text);
    for (const secret of [JWT, 'AAAArefresh', 'BBBBrefresh', 'idtok-1234', 'idtok-5678', 'cs-camel-9999', 'cs-snake-9999', 'DRS_camel', 'escaped-token-4321', 'printed-token-2468']) {
      assert.ok(!out.includes(secret), `${secret} leaked in:\n${out}`);
    }
    assert.match(out, /"accessToken":"\[redacted\]","expiresOn":1700000000/);
    assert.match(out, /tokenType: 'Bearer'/, 'a field that only names a token type stays');
  });

  it('blanks camelCase and snake_case token parameters in query strings and form bodies, also percent-encoded', () => {
    const out = redactText([
      'https://login.example/cb?accessToken=qs-camel-1111&state=s1',
      'grant_type=refresh_token&refresh_token=form-snake-2222&client_id=app',
      '(refreshToken=paren-3333) id_token=idq-4444 clientSecret=csq-5555',
      'next=https%3A%2F%2Facct.blob.core.windows.net%2Fc%2Fb.pdf%3Fsv%3D1%26sig%3Denc-sig-6666 done',
      'a downloadToken="quoted-7777"',
    ].join('\n'));
    for (const secret of ['qs-camel-1111', 'form-snake-2222', 'paren-3333', 'idq-4444', 'csq-5555', 'enc-sig-6666', 'quoted-7777']) {
      assert.ok(!out.includes(secret), `${secret} leaked in:\n${out}`);
    }
    assert.match(out, /state=s1/);
    assert.match(out, /grant_type=refresh_token&refresh_token=\[redacted\]&client_id=app/);
  });

  it('blanks a registered secret in every later redaction, without it being passed again', () => {
    const secret = 'registered~Secret.Value-0042';
    assert.ok(redactText(`before: ${secret}`).includes(secret), 'not known yet');
    registerSecret(secret);
    registerSecret('ab'); // too short to blank without blanking words
    assert.equal(redactText(`MSAL said: invalid client secret ${secret}; try again`), 'MSAL said: invalid client secret [redacted]; try again');
    assert.equal(redactText('a tab and a cab'), 'a tab and a cab');
    const log = new MemoryLogger();
    redactingLogger(log).error(`token request with ${secret} failed`);
    assert.equal(log.text, 'error token request with [redacted] failed');
  });

  it('keeps only the first letter and the domain of an e-mail address', () => {
    const out = redactText('Reconnecting: signed in as jane.doe@contoso.com (upn Jane.Doe+billing@contoso.onmicrosoft.com).');
    assert.equal(out, 'Reconnecting: signed in as j***@contoso.com (upn J***@contoso.onmicrosoft.com).');
    assert.equal(redactText(out), out, 'redacting twice changes nothing');
    assert.equal(redactText('see node_modules/@azure/identity and package@1.2.3'), 'see node_modules/@azure/identity and package@1.2.3');
  });

  it('is what redactingLogger writes, at every level', () => {
    const log = new MemoryLogger();
    const logger = redactingLogger(log);
    logger.trace(`{"accessToken":"${JWT}"}`);
    logger.debug('GET https://acct.blob.core.windows.net/c/b.pdf?sig=lvl-sig-1');
    logger.info('signed in as someone@example.org');
    logger.warn(`Authorization: Bearer ${JWT}`);
    logger.error('form client_secret=lvl-secret-2');
    const logged = log.text;
    for (const secret of [JWT, 'lvl-sig-1', 'someone@', 'lvl-secret-2']) { assert.ok(!logged.includes(secret), `${secret} leaked in:\n${logged}`); }
    assert.equal(log.lines.length, 5);
  });
});

describe('URLs inside sentences', () => {
  it('keeps the punctuation after a URL with a port and still hides its secrets, without recursing', () => {
    const out = redactText('polling https://127.0.0.1:4443/ops/1?sig=abcdef123456&se=2026-01-01, then https://127.0.0.1:4443, done.');
    assert.equal(out, 'polling https://127.0.0.1:4443/ops/1?sig=[redacted]&se=[redacted], then https://127.0.0.1:4443/, done.');
  });

  it('hides the query of text that only looks like a URL', () => {
    assert.equal(redactUrl('https://[bad?sig=abcdef123456'), 'https://[bad?[redacted]');
  });
});

describe('what a working client logs', () => {
  const emu = useEmulator();

  it('holds no token, secret or SAS value after sign-in, a retry, an expired token and a blob download', async () => {
    const e = emu();
    registerTestRoutes(e);
    registerLroRoutes(e);
    e.faults.add({ kind: 'error', status: 503, retryAfterSeconds: 0, path: 'items/4', times: 1 });
    e.faults.add({ kind: 'expiredToken', path: 'items/4', times: 1 });
    const { client, log } = testClient(e);
    await collect(client.list('/providers/Test.Client/items/4/2/absent', { query: { 'api-version': TEST_API } }));
    const link = await client.longRunning<{ url: string }>('/providers/Test.Client/lro/location/1/0', undefined, { query: { 'api-version': TEST_API } });
    const blob = await client.fetchUnauthenticated(link.url);
    for await (const chunk of blob.body) { void chunk; }
    const token = (await client.get<{ headers: Record<string, string> }>('/providers/Test.Client/echo', { query: { 'api-version': TEST_API } }))?.headers.authorization.slice(7) ?? '';
    const logged = log.text;
    assert.ok(logged.includes('503') && logged.includes('ExpiredAuthenticationToken') && logged.includes('/testblob/invoices/'), `the log should tell the story:\n${logged}`);
    const sasQuery = new URL(link.url).searchParams;
    for (const [what, value] of [['token', token], ['client secret', e.clientSecret], ['sig', sasQuery.get('sig') ?? 'x'], ['sig (encoded)', encodeURIComponent(sasQuery.get('sig') ?? 'x')], ['se', encodeURIComponent(sasQuery.get('se') ?? 'x')]]) {
      assert.ok(value.length > 4 && !logged.includes(value), `${what} leaked into the log`);
    }
    client.dispose();
  });
});
