// The question before credentials go to a Custom cloud's host, as plain logic: which hosts are
// asked about, one question however many requests wait, "Allow" remembered, "no" holding for the
// session without a second question, and no token fetched before the answer.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { AZURE_CLOUD, customCloud } from '../../../src/azure/clouds';
import type { TokenSource } from '../../../src/azure/tokenSource';
import { adviseOnFailure } from '../../../src/views/commands/failureAdvice';
import { ConsentPort, consentGatedTokenSource, credentialOrigins } from '../../../src/views/session/customHostGate';

function countingSource(): TokenSource & { calls: number } {
  const source = {
    kind: 'test',
    calls: 0,
    getToken() {
      source.calls += 1;
      return Promise.resolve({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 });
    },
  };
  return source;
}

function port(answer: boolean, approved: string[] = []): ConsentPort & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    approved: () => approved,
    remember(origins) {
      approved.push(...origins);
      return Promise.resolve();
    },
    async ask(origins) {
      asked.push([...origins]);
      await new Promise((r) => setTimeout(r, 5));
      return answer;
    },
  };
}

describe('views: consent before credentials go to a custom host', () => {
  const cloud = customCloud({ resourceManagerEndpoint: 'https://arm.example:8443/', authorityHost: 'https://login.example' });

  it('names the ARM host, and the authority only where a secret is posted and it is not Microsoft\'s', () => {
    assert.deepEqual(credentialOrigins(AZURE_CLOUD, 'https://evil.example'), [], 'Microsoft clouds ask nothing');
    assert.deepEqual(credentialOrigins(cloud), ['https://arm.example:8443']);
    assert.deepEqual(credentialOrigins(cloud, 'https://LOGIN.example/tenant'), ['https://arm.example:8443', 'https://login.example']);
    assert.deepEqual(credentialOrigins(cloud, 'https://login.microsoftonline.com'), ['https://arm.example:8443']);
  });

  it('asks once for many waiting requests, fetches no token before "Allow", and remembers it', async () => {
    const inner = countingSource();
    const answers = port(true);
    const gated = consentGatedTokenSource(inner, ['https://arm.example:8443'], answers);
    await Promise.all([gated.getToken('s'), gated.getToken('s'), gated.getToken('s')]);
    assert.deepEqual(answers.asked, [['https://arm.example:8443']]);
    assert.equal(inner.calls, 3);
    // A new session (a new gate) finds the host remembered and asks nothing.
    const again = consentGatedTokenSource(inner, ['https://arm.example:8443'], answers);
    await again.getToken('s');
    assert.equal(answers.asked.length, 1);
  });

  it('on "no" sends nothing, says what to do, and does not ask again in the same session', async () => {
    const inner = countingSource();
    const answers = port(false);
    const gated = consentGatedTokenSource(inner, ['https://arm.example:8443'], answers);
    for (let i = 0; i < 3; i++) {
      const error = await gated.getToken('s').then(() => assert.fail('a token after "no"'), (e: unknown) => e as Error);
      assert.match(error.message, /arm\.example:8443/);
      assert.match(error.message, /Sign In/);
      assert.equal(adviseOnFailure(error).kind, 'signInAgain');
    }
    assert.equal(inner.calls, 0);
    assert.equal(answers.asked.length, 1);
  });

  it('asks nothing for hosts already allowed (or named by the test host\'s environment)', async () => {
    const inner = countingSource();
    const answers = port(false, ['https://arm.example:8443']);
    await consentGatedTokenSource(inner, ['https://arm.example:8443'], answers).getToken('s');
    assert.equal(answers.asked.length, 0);
    assert.equal(inner.calls, 1);
  });
});
