// Which proxy a request takes: the editor's setting before the environment, `noProxy` entries by
// host, parent domain and port, `http.proxySupport: off` turning every proxy off, and the proxy's
// credentials blanked by the redaction.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactText } from '../../../src/azure/log';
import { bypassesProxy, proxyCredentials, proxyFor, resolveProxyOptions } from '../../../src/azure/proxy';

describe('proxy options', () => {
  it('takes http.proxy before HTTPS_PROXY, HTTPS_PROXY before HTTP_PROXY, and reads a bare host:port as http', () => {
    assert.equal(resolveProxyOptions({ proxy: 'http://editor:8080' }, { HTTPS_PROXY: 'http://env:3128' }).url, 'http://editor:8080');
    assert.equal(resolveProxyOptions({ proxy: '' }, { HTTPS_PROXY: 'http://env:3128', HTTP_PROXY: 'http://plain:80' }).url, 'http://env:3128');
    assert.equal(resolveProxyOptions({}, { http_proxy: 'http://plain:80' }).url, 'http://plain:80');
    assert.equal(resolveProxyOptions({ proxy: 'corp-proxy:3128' }, {}).url, 'http://corp-proxy:3128');
    assert.deepEqual(resolveProxyOptions({}, {}), {});
  });

  it('http.proxySupport off ignores the setting and the environment', () => {
    assert.deepEqual(resolveProxyOptions({ proxy: 'http://editor:8080', support: 'off' }, { HTTPS_PROXY: 'http://env:3128' }), {});
    assert.equal(resolveProxyOptions({ proxy: 'http://editor:8080', support: 'override' }, {}).url, 'http://editor:8080');
  });

  it('strictSSL follows http.proxyStrictSSL and defaults to true; noProxy joins http.noProxy and NO_PROXY', () => {
    assert.equal(resolveProxyOptions({ proxy: 'http://p:1' }, {}).strictSSL, true);
    assert.equal(resolveProxyOptions({ proxy: 'http://p:1', strictSSL: false }, {}).strictSSL, false);
    assert.deepEqual(resolveProxyOptions({ proxy: 'http://p:1', noProxy: ['a.example'] }, { NO_PROXY: 'b.example, .c.example  d:8443' }).noProxy, ['a.example', 'b.example', '.c.example', 'd:8443']);
  });

  it('noProxy matches the host, its subdomains, `.domain`, `*.domain`, `*`, and a port only when it is the same', () => {
    const url = (u: string) => new URL(u);
    assert.equal(bypassesProxy(url('https://management.azure.com/x'), ['azure.com']), true);
    assert.equal(bypassesProxy(url('https://management.azure.com/x'), ['.azure.com']), true);
    assert.equal(bypassesProxy(url('https://management.azure.com/x'), ['*.azure.com']), true);
    assert.equal(bypassesProxy(url('https://management.azure.com/x'), ['management.azure.com']), true);
    assert.equal(bypassesProxy(url('https://notazure.com/x'), ['azure.com']), false);
    assert.equal(bypassesProxy(url('https://management.azure.com/x'), ['*']), true);
    assert.equal(bypassesProxy(url('https://management.azure.com/x'), ['management.azure.com:443']), true);
    assert.equal(bypassesProxy(url('https://management.azure.com/x'), ['management.azure.com:8443']), false);
    assert.equal(bypassesProxy(url('https://127.0.0.1:8443/x'), ['127.0.0.1:8443']), true);
    assert.equal(bypassesProxy(url('https://[::1]:8443/x'), ['[::1]:8443']), true);
    assert.equal(bypassesProxy(url('https://[::1]:8443/x'), ['::1']), true);
    assert.equal(bypassesProxy(url('https://LOCALHOST:8443/x'), ['localhost']), true);
    assert.equal(bypassesProxy(url('https://management.azure.com/x'), ['', '  ']), false);
  });

  it('proxyFor: no proxy without a URL, none for a bypassed host, the proxy otherwise', () => {
    assert.equal(proxyFor('https://management.azure.com/', {}), undefined);
    assert.equal(proxyFor('https://management.azure.com/', { url: 'http://p:3128', noProxy: ['azure.com'] }), undefined);
    assert.equal(proxyFor('https://prices.azure.com/', { url: 'http://p:3128', noProxy: ['management.azure.com'] })?.host, 'p:3128');
  });

  it('the proxy password is known to the redaction, and a proxy URL in text loses its credentials', () => {
    assert.deepEqual(proxyCredentials({ url: 'http://alice:p%40ss%20word@p:3128' }), ['p%40ss%20word', 'p@ss word', 'alice:p%40ss%20word']);
    assert.deepEqual(proxyCredentials({ url: 'http://p:3128' }), []);
    const text = redactText('tunnel via http://alice:hunter22@proxy.corp:3128 failed');
    assert.doesNotMatch(text, /hunter22|alice/);
    assert.match(text, /http:\/\/proxy\.corp:3128/);
  });
});
