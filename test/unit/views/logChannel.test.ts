// The "Azure Billing" log channel writes nothing that grants access or names the person, whoever
// logs and at whatever level: the patterns of the one redaction, and the client secret of the
// service principal the session signed in with (which the channel is never handed itself).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { customCloud } from '../../../src/azure/clouds';
import { AzureError } from '../../../src/azure/errors';
import { redactedChannelLogger } from '../../../src/views/log/redactedChannel';
import { BillingSession, environmentTokenSource } from '../../../src/views/session/billingSession';
import { MemoryLogger } from '../azure/clientFixture';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvaWQiOiJvMSJ9.c2lnLXNpZy1zaWctc2ln';

describe('views: the log channel', () => {
  it('writes every level through the redaction: tokens, signed links, token fields, e-mail addresses', () => {
    const channel = new MemoryLogger();
    const logger = redactedChannelLogger(channel);
    logger.trace(`token response {"accessToken":"${JWT}","refresh_token":"0.AR-refresh-1"}`);
    logger.debug(`GET https://acct.blob.core.windows.net/invoices/G1.pdf?sv=1&sig=SiGvalue1 → 200; Authorization: Bearer ${JWT}`);
    logger.info('Reconnecting: signed in as jane.doe@contoso.com.');
    logger.warn('POST /download?api-version=2020-05-01&downloadToken=DRS_value2 failed');
    logger.error("form: grant_type=client_credentials&client_secret=form-secret-3; { clientSecret: 'printed-secret-4', id_token: 'idt-5' }");
    const written = channel.text;
    for (const secret of [JWT, 'AR-refresh-1', 'SiGvalue1', 'jane.doe', 'DRS_value2', 'form-secret-3', 'printed-secret-4', 'idt-5']) {
      assert.ok(!written.includes(secret), `${secret} reached the channel:\n${written}`);
    }
    assert.equal(channel.lines.length, 5, 'every line is written, none dropped');
    assert.match(written, /info Reconnecting: signed in as j\*\*\*@contoso\.com\./);
  });

  it("blanks the session's client secret in lines and errors that never passed through its HTTP client", () => {
    const secret = 'sp~Secret.From-The-Environment_77';
    const cloud = customCloud({ resourceManagerEndpoint: 'https://arm.example' });
    const channel = new MemoryLogger();
    const logger = redactedChannelLogger(channel);
    const env = { AZURE_TENANT_ID: 'tenant-1', AZURE_CLIENT_ID: 'client-1', AZURE_CLIENT_SECRET: secret };
    const { tokenSource, knownSecrets } = environmentTokenSource('servicePrincipal', cloud, env);
    const session = new BillingSession({ method: 'servicePrincipal', cloud, tokenSource, knownSecrets, logger });
    try {
      logger.error(`azureBilling.refresh: failed: AADSTS7000215: Invalid client secret provided (${secret}).`);
      const error = new AzureError({ kind: 'auth', message: `Signing in with servicePrincipal failed: the secret ${secret} has expired.` });
      logger.warn(error.message);
      assert.ok(!channel.text.includes(secret), `the secret reached the channel:\n${channel.text}`);
      assert.ok(!error.message.includes(secret), 'the error message is redacted too');
      assert.match(channel.text, /Invalid client secret provided \(\[redacted\]\)/);
    } finally {
      session.dispose();
    }
  });
});
