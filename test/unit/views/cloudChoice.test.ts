// Which cloud the extension talks to, from its settings and the editor's sovereign-cloud setting.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { EditorCloudEnvironment } from '../../../src/azure/editorSignIn';
import { chooseCloud, normaliseSettings } from '../../../src/views/session/cloudChoice';

const editorChina: EditorCloudEnvironment = {
  name: 'AzureChinaCloud',
  isCustomCloud: false,
  resourceManagerEndpointUrl: 'https://management.chinacloudapi.cn/',
  activeDirectoryEndpointUrl: 'https://login.chinacloudapi.cn/',
  managementEndpointUrl: 'https://management.core.chinacloudapi.cn/',
};

describe('views: choosing the cloud', () => {
  it('points ARM at a Custom host with its own audience, and the authority nowhere it was not told (how tests and the demo reach the emulator)', () => {
    const settings = normaliseSettings({ authentication: 'servicePrincipal', cloud: 'Custom', customCloud: { resourceManagerEndpoint: 'https://127.0.0.1:4443/' } });
    const { cloud, warning } = chooseCloud(settings);
    assert.equal(warning, undefined);
    assert.equal(cloud.resourceManagerEndpoint, 'https://127.0.0.1:4443');
    assert.equal(cloud.authorityHost, undefined);
    assert.equal(cloud.scope, 'https://127.0.0.1:4443/.default');
    assert.equal(cloud.retailPricesEndpoint, 'https://127.0.0.1:4443');
    assert.equal(cloud.knownAuthority, false);
  });

  it('keeps separate authority and price hosts of a Custom cloud', () => {
    const settings = normaliseSettings({
      cloud: 'Custom',
      customCloud: { resourceManagerEndpoint: 'https://arm.example', authorityHost: 'https://login.example', retailPricesEndpoint: 'https://prices.example' },
    });
    const { cloud } = chooseCloud(settings);
    assert.deepEqual([cloud.resourceManagerEndpoint, cloud.authorityHost, cloud.retailPricesEndpoint], ['https://arm.example', 'https://login.example', 'https://prices.example']);
    const withAudience = chooseCloud(normaliseSettings({ cloud: 'Custom', customCloud: { resourceManagerEndpoint: 'https://arm.example', audience: 'https://api.example/' } })).cloud;
    assert.equal(withAudience.scope, 'https://api.example/.default');
    const clearText = chooseCloud(normaliseSettings({ cloud: 'Custom', customCloud: { resourceManagerEndpoint: 'https://arm.example', audience: 'http://api.example/' } })).cloud;
    assert.equal(clearText.scope, 'https://arm.example/.default', 'an http audience is ignored');
  });

  it('refuses to send tokens to a Custom host over plain http', () => {
    const settings = normaliseSettings({ cloud: 'Custom', customCloud: { resourceManagerEndpoint: 'http://arm.example' } });
    const { cloud, warning } = chooseCloud(settings);
    assert.equal(cloud.resourceManagerEndpoint, 'https://management.azure.com');
    assert.match(warning ?? '', /https/);
  });

  it("follows the editor's sovereign cloud when signing in with the editor's account", () => {
    const { cloud } = chooseCloud(normaliseSettings({ authentication: 'editor', cloud: 'AzureCloud' }), editorChina);
    assert.equal(cloud.resourceManagerEndpoint, 'https://management.chinacloudapi.cn');
  });

  it("ignores the editor's cloud for other sign-in methods", () => {
    const { cloud } = chooseCloud(normaliseSettings({ authentication: 'azureCli', cloud: 'AzureCloud' }), editorChina);
    assert.equal(cloud.resourceManagerEndpoint, 'https://management.azure.com');
  });

  it("uses a custom environment of the editor's sign-in, with its own token audience", () => {
    const env: EditorCloudEnvironment = {
      name: 'Contoso Stack',
      isCustomCloud: true,
      resourceManagerEndpointUrl: 'https://management.stack.example/',
      activeDirectoryEndpointUrl: 'https://login.stack.example/',
      managementEndpointUrl: 'https://management.stack.example/12345',
    };
    const { cloud } = chooseCloud(normaliseSettings({ authentication: 'editor' }), env);
    assert.equal(cloud.resourceManagerEndpoint, 'https://management.stack.example');
    assert.equal(cloud.scope, 'https://management.stack.example/12345/.default');
  });

  it('warns when the chosen sovereign cloud is not the one the editor signs in to', () => {
    const { cloud, warning } = chooseCloud(normaliseSettings({ authentication: 'editor', cloud: 'AzureUSGovernment' }), editorChina);
    assert.equal(cloud.resourceManagerEndpoint, 'https://management.usgovcloudapi.net');
    assert.match(warning ?? '', /microsoft-sovereign-cloud\.environment/);
  });

  it('reads settings a person mistyped as the defaults', () => {
    assert.deepEqual(normaliseSettings({ authentication: 'password', cloud: 42, customCloud: 'x' }), {
      authentication: 'editor',
      cloud: 'AzureCloud',
      customCloud: { resourceManagerEndpoint: undefined, authorityHost: undefined, retailPricesEndpoint: undefined, audience: undefined },
    });
    assert.match(chooseCloud(normaliseSettings({ cloud: 'Moon' })).warning ?? '', /not known/);
  });
});
