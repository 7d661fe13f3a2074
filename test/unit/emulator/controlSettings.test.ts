// The settings control route: GET shows the live settings, PATCH merges known keys (null = back to
// the default), refuses unknown keys and wrong types whole, and the routes see a change on their
// very next request.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOSTILE_INVOICE_NAME } from '../../emulator/routes/billing/invoiceCatalog';
import { DEFAULT_SETTINGS } from '../../emulator/settingsPatch';
import type { EmulatorSettings } from '../../emulator/routes/context';
import { ArmPage, armFetch, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError } from '../../support/wireShapes';

const BA = '/providers/Microsoft.Billing/billingAccounts';

describe('emulator: /_emulator/settings', () => {
  const emu = useEmulator({ settings: { pageSize: 7 } });

  const control = (method: string, body?: unknown) =>
    fetch(new URL('/_emulator/settings', emu().baseUrl), { method, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/merge-patch+json' } }) });
  const patch = (body: unknown) => control('PATCH', body);
  const reset = () => patch({ pageSize: 7, hostileInvoiceNames: null, retailPrices: null, costManagementQpuLimits: null, downloadPolls: null });

  it('GET answers the live settings: the defaults with what the emulator was started with', async () => {
    const res = await control('GET');
    assert.equal(res.status, 200);
    assert.deepEqual(await jsonAs(res), { ...DEFAULT_SETTINGS, pageSize: 7 });
  });

  it('PATCH merges the keys it is given, nested ones key by key, and answers the whole result', async () => {
    const res = await patch({ downloadPolls: 0, retailPrices: { shuffle: true } });
    assert.equal(res.status, 200);
    const body = await jsonAs<EmulatorSettings>(res);
    assert.equal(body.downloadPolls, 0);
    assert.equal(body.pageSize, 7, 'untouched keys stay');
    assert.deepEqual(body.retailPrices, { ...DEFAULT_SETTINGS.retailPrices, shuffle: true });
    assert.deepEqual(emu().settings.retailPrices, body.retailPrices, 'the in-process settings are the same object the route changed');
    await reset();
  });

  it('null puts a setting back to its default; null is a value for the QPU limits and the retail Retry-After', async () => {
    await patch({ pageSize: 3, costManagementQpuLimits: { per10Seconds: 2, perMinute: 5, perHour: 50 }, retailPrices: { throttleRetryAfterSeconds: 5 } });
    let body = await jsonAs<EmulatorSettings>(await patch({ pageSize: null, costManagementQpuLimits: { perMinute: 6 }, retailPrices: { throttleRetryAfterSeconds: null } }));
    assert.equal(body.pageSize, DEFAULT_SETTINGS.pageSize);
    assert.deepEqual(body.costManagementQpuLimits, { per10Seconds: 2, perMinute: 6, perHour: 50 });
    assert.equal(body.retailPrices.throttleRetryAfterSeconds, null);
    body = await jsonAs<EmulatorSettings>(await patch({ costManagementQpuLimits: null }));
    assert.equal(body.costManagementQpuLimits, null);
    await reset();
  });

  it('refuses unknown keys, wrong types and bodies that are not an object with 400, naming the key, and changes nothing', async () => {
    const before = await jsonAs<EmulatorSettings>(await control('GET'));
    const cases: Array<[unknown, RegExp]> = [
      [{ pageSize: 2, hostileNames: true }, /Unknown setting 'hostileNames'.*'hostileInvoiceNames'/],
      [{ hostileInvoiceNames: 'yes' }, /'hostileInvoiceNames' must be true or false/],
      [{ pageSize: 0 }, /'pageSize' must be an integer ≥ 1/],
      [{ downloadPolls: 1.5 }, /'downloadPolls' must be an integer/],
      [{ retailPrices: { pageSize: 10, paging: 'x' } }, /Unknown setting 'paging' in 'retailPrices'/],
      [{ retailPrices: 3 }, /'retailPrices' must be an object/],
      [{ costManagementQpuLimits: { perMinute: 5 } }, /needs all of per10Seconds, perMinute, perHour/],
      [{ costManagementQpuLimits: { per10Seconds: 1, perMinute: 1, perHour: 1, perDay: 1 } }, /Unknown setting 'perDay'/],
      [[{ pageSize: 2 }], /must be a JSON object/],
      ['{"pageSize": ', /must be a JSON object/],
    ];
    for (const [body, message] of cases) {
      const res = await patch(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      const error = (await jsonAs<ArmError>(res)).error;
      assert.equal(error.code, 'BadRequest');
      assert.match(error.message, message);
    }
    assert.deepEqual(await jsonAs<EmulatorSettings>(await control('GET')), before, 'a refused patch changes nothing, not even its valid keys');
  });

  it('routes read the settings at request time: page size and hostile invoice names change on the next request', async () => {
    const e = emu();
    const firstPage = async () => (await jsonAs<ArmPage<{ name: string }>>(await armFetch(e, `${BA}/default/billingSubscriptions/${mospSub()}/invoices?api-version=2024-04-01`))).value;
    const mospSub = () => e.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftOnlineServicesProgram')!.subscriptions[0].subscriptionId;
    assert.equal((await firstPage()).length, 7);
    assert.ok(!(await firstPage()).some((i) => i.name === HOSTILE_INVOICE_NAME));

    await patch({ pageSize: 50, hostileInvoiceNames: true });
    const shown = await firstPage();
    assert.ok(shown.length > 7);
    assert.ok(shown.some((i) => i.name === HOSTILE_INVOICE_NAME), 'the hostile name appears without a restart');

    await patch({ hostileInvoiceNames: false });
    assert.ok(!(await firstPage()).some((i) => i.name === HOSTILE_INVOICE_NAME), 'and goes away again');
    await reset();
  });

  it('is a control route: no token needed, never counted; other methods are 404', async () => {
    const e = emu();
    e.resetStats();
    assert.equal((await control('GET')).status, 200);
    assert.equal((await patch({})).status, 200, 'an empty patch changes nothing and succeeds');
    assert.equal(e.stats.total, 0);
    assert.equal((await control('DELETE')).status, 404);
    assert.equal((await control('POST', { pageSize: 2 })).status, 404);
  });
});
