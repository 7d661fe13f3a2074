// Every error-body shape docs/azure-apis.md#error-bodies names, read into
// the same fields, and the classification of statuses into kinds a view can act on.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseErrorBody } from '../../../src/azure/errorBody';
import { errorFromResponse } from '../../../src/azure/errors';

describe('parseErrorBody', () => {
  it('reads the ARM shape with target and details', () => {
    const body = parseErrorBody(JSON.stringify({ error: { code: 'BadRequest', message: 'Invalid billing account name.', target: 'billingAccountName', details: [{ code: 'InvalidInput', message: 'name' }] } }));
    assert.deepEqual(body, { code: 'BadRequest', message: 'Invalid billing account name.', target: 'billingAccountName', details: [{ code: 'InvalidInput', message: 'name', target: undefined }] });
  });

  it('reads the numeric-string code of Cost Management throttling', () => {
    assert.equal(parseErrorBody('{"error":{"code":"429","message":"Too many requests. Please retry."}}').code, '429');
  });

  it('reads the flat Commerce shape', () => {
    const body = parseErrorBody('{"code":"InvalidSubscription","message":"Subscription not found."}');
    assert.equal(body.code, 'InvalidSubscription');
    assert.equal(body.message, 'Subscription not found.');
  });

  it('reads capitalised Code/Message, and RateCard\'s lone Message', () => {
    assert.deepEqual([parseErrorBody('{"Code":"X","Message":"Y"}').code, parseErrorBody('{"Code":"X","Message":"Y"}').message], ['X', 'Y']);
    const rateCard = parseErrorBody('{"Message":"Invalid query specified. Please specify valid values for OfferDurableId, Currency, Locale and RegionInfo."}');
    assert.equal(rateCard.code, undefined);
    assert.match(rateCard.message ?? '', /^Invalid query specified/);
  });

  it('reads the retail prices shape {"Error":{"Code","Message"}}', () => {
    const body = parseErrorBody('{"Error":{"Code":"BadRequest","Message":"Unsupported API version"}}');
    assert.equal(body.code, 'BadRequest');
    assert.equal(body.message, 'Unsupported API version');
  });

  it('reads storage XML', () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Signature not valid in the specified time frame.</Message></Error>';
    const body = parseErrorBody(xml, 'application/xml');
    assert.equal(body.code, 'AuthenticationFailed');
    assert.equal(body.message, 'Signature not valid in the specified time frame.');
  });

  it('keeps a readable, bounded message from a non-JSON body, even one labelled JSON', () => {
    assert.equal(parseErrorBody('<html><body><h1>502 Bad Gateway</h1></body></html>').message, '502 Bad Gateway');
    assert.equal(parseErrorBody('upstream connect error', 'application/json').message, 'upstream connect error');
    assert.equal((parseErrorBody('x'.repeat(1000)).message ?? '').length, 301);
    assert.deepEqual(parseErrorBody(''), { details: [] });
  });
});

describe('errorFromResponse', () => {
  const failure = (status: number, url = 'https://management.azure.com/subscriptions/s1/providers/Microsoft.Consumption/usageDetails') => ({
    status, url, method: 'GET', text: '{"error":{"code":"C","message":"M"}}',
    headers: { 'x-ms-request-id': 'req-1', 'x-ms-correlation-request-id': 'corr-1', 'content-type': 'application/json' },
  });

  it('maps statuses to kinds', () => {
    const kinds = [400, 401, 403, 404, 409, 429, 500, 503].map((s) => errorFromResponse(failure(s)).kind);
    assert.deepEqual(kinds, ['badRequest', 'auth', 'permission', 'notFound', 'conflict', 'throttled', 'server', 'server']);
  });

  it('carries status, code, message and both request ids', () => {
    const error = errorFromResponse(failure(404));
    assert.equal(error.status, 404);
    assert.equal(error.code, 'C');
    assert.match(error.message, /^GET \/subscriptions\/s1\/providers\/Microsoft\.Consumption\/usageDetails failed: 404 C: M$/);
    assert.equal(error.requestId, 'req-1');
    assert.equal(error.correlationId, 'corr-1');
  });

  it('names the billing role only for billing scopes', () => {
    const billing = errorFromResponse(failure(403, 'https://management.azure.com/providers/Microsoft.Billing/billingAccounts/a/invoices'));
    assert.equal(billing.needsBillingRole, true);
    assert.match(billing.message, /billing role/);
    assert.equal(errorFromResponse(failure(403)).needsBillingRole, false);
  });
});
