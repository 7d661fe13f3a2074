// The wrapper every command runs in, inside a real VS Code: a failure becomes advice that names
// what to do (here: the role a refused call needs), and a cancelled command leaves no trace.
import * as assert from 'assert';
import { addFault, clearFaults } from './support/emulatorControl';
import { extensionApi } from './support/extensionApi';

describe('Azure Billing: the command wrapper', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await clearFaults();
  });

  it('turns a refused request into advice naming the missing role, and logs the command', async () => {
    const api = await extensionApi();
    await addFault({ kind: 'forbidden', path: '/providers/Microsoft.Billing/billingAccounts' });
    const transport = api.sessions.session().transportFor();
    const result = await api.commands.run('test.listBillingAccounts', () =>
      transport.get('/providers/Microsoft.Billing/billingAccounts', { query: { 'api-version': '2020-05-01' } }),
    );
    assert.strictEqual(result, undefined, 'a failed command resolves, it does not throw at the caller');
    const failure = api.commands.lastFailure;
    assert.ok(failure, 'the failure was recorded');
    assert.strictEqual(failure.commandId, 'test.listBillingAccounts');
    assert.deepStrictEqual(failure.advice, { kind: 'missingBillingRole', role: 'Billing account reader' });
  });

  it('stays silent when the work was cancelled', async () => {
    const api = await extensionApi();
    const before = api.commands.lastFailure;
    const controller = new AbortController();
    controller.abort();
    const transport = api.sessions.session().transportFor();
    await api.commands.run('test.cancelled', () => transport.get('/tenants', { query: { 'api-version': '2022-12-01' }, signal: controller.signal }));
    assert.strictEqual(api.commands.lastFailure, before);
  });
});
