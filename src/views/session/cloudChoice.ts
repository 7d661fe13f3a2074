// Which cloud the extension talks to, from its settings and (for the editor's sign-in) the
// editor's own sovereign-cloud setting. Plain data in, plain data out: tested in Node.
import { AZURE_CHINA_CLOUD, AZURE_CLOUD, AZURE_US_GOVERNMENT, CloudEndpoints, customCloud } from '../../azure/clouds';
import type { EditorCloudEnvironment } from '../../azure/editorSignIn';

export type AuthenticationMethod = 'editor' | 'azureCli' | 'servicePrincipal' | 'managedIdentity';
export const AUTHENTICATION_METHODS: readonly AuthenticationMethod[] = ['editor', 'azureCli', 'servicePrincipal', 'managedIdentity'];

export interface BillingSettings {
  authentication: AuthenticationMethod;
  /** `AzureCloud`, `AzureChinaCloud`, `AzureUSGovernment` or `Custom`. */
  cloud: string;
  customCloud: { resourceManagerEndpoint?: string; authorityHost?: string; retailPricesEndpoint?: string; audience?: string };
}

export interface CloudChoice {
  cloud: CloudEndpoints;
  /** Something the person should know (shown in the log): a setting was ignored or is incomplete. */
  warning?: string;
}

/** Reads raw setting values as a person may have typed them, falling back to the defaults. */
export function normaliseSettings(raw: { authentication?: unknown; cloud?: unknown; customCloud?: unknown }): BillingSettings {
  const authentication = AUTHENTICATION_METHODS.includes(raw.authentication as AuthenticationMethod) ? (raw.authentication as AuthenticationMethod) : 'editor';
  const cloud = typeof raw.cloud === 'string' && raw.cloud ? raw.cloud : 'AzureCloud';
  const custom = (raw.customCloud && typeof raw.customCloud === 'object' ? raw.customCloud : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    authentication,
    cloud,
    customCloud: {
      resourceManagerEndpoint: text(custom.resourceManagerEndpoint),
      authorityHost: text(custom.authorityHost),
      retailPricesEndpoint: text(custom.retailPricesEndpoint),
      audience: text(custom.audience),
    },
  };
}

const httpsOnly = (url: string | undefined) => (url && /^https:\/\//i.test(url) ? url : undefined);

/**
 * The cloud to use. `Custom` needs an https ARM endpoint (tokens must never travel in clear text);
 * without one the public cloud is used and the warning says why. With the editor's sign-in and the
 * default `AzureCloud`, the editor's `microsoft-sovereign-cloud.environment` decides, so a person
 * who set up a sovereign cloud for every Azure extension needs no second setting here.
 */
export function chooseCloud(settings: BillingSettings, editorEnv?: EditorCloudEnvironment): CloudChoice {
  switch (settings.cloud) {
    case 'Custom': {
      const arm = httpsOnly(settings.customCloud.resourceManagerEndpoint);
      if (!arm) {
        return { cloud: AZURE_CLOUD, warning: 'azureBilling.cloud is Custom but azureBilling.customCloud.resourceManagerEndpoint is not an https:// address; using AzureCloud.' };
      }
      return {
        cloud: customCloud({
          resourceManagerEndpoint: arm,
          authorityHost: httpsOnly(settings.customCloud.authorityHost),
          retailPricesEndpoint: httpsOnly(settings.customCloud.retailPricesEndpoint),
          audience: httpsOnly(settings.customCloud.audience),
        }),
      };
    }
    case 'AzureChinaCloud':
      return { cloud: AZURE_CHINA_CLOUD, warning: editorMismatch(settings, editorEnv, 'AzureChinaCloud') };
    case 'AzureUSGovernment':
      return { cloud: AZURE_US_GOVERNMENT, warning: editorMismatch(settings, editorEnv, 'AzureUSGovernment') };
    case 'AzureCloud':
      if (settings.authentication === 'editor' && editorEnv) { return { cloud: cloudOfEditor(editorEnv) }; }
      return { cloud: AZURE_CLOUD };
    default:
      return { cloud: AZURE_CLOUD, warning: `azureBilling.cloud '${settings.cloud}' is not known; using AzureCloud.` };
  }
}

/** The editor's sovereign environment as endpoints. */
export function cloudOfEditor(env: EditorCloudEnvironment): CloudEndpoints {
  if (env.name === 'AzureChinaCloud') { return AZURE_CHINA_CLOUD; }
  if (env.name === 'AzureUSGovernment') { return AZURE_US_GOVERNMENT; }
  if (!env.isCustomCloud) { return AZURE_CLOUD; }
  return customCloud({
    resourceManagerEndpoint: env.resourceManagerEndpointUrl,
    authorityHost: env.activeDirectoryEndpointUrl,
    audience: env.managementEndpointUrl.endsWith('/') ? env.managementEndpointUrl : `${env.managementEndpointUrl}/`,
  });
}

/** With the editor's sign-in, tokens come from the editor's cloud: say so when it differs. */
function editorMismatch(settings: BillingSettings, editorEnv: EditorCloudEnvironment | undefined, wanted: string): string | undefined {
  if (settings.authentication !== 'editor' || !editorEnv || editorEnv.name === wanted) { return undefined; }
  return `azureBilling.cloud is ${wanted} but the editor signs in to ${editorEnv.name}; set microsoft-sovereign-cloud.environment to match, or tokens will be refused.`;
}
