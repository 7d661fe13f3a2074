// Where each Azure cloud lives (docs/azure-apis.md, "Clouds"). `Custom` points the extension at
// another ARM-compatible host, which is how tests and the demo reach the local emulator. A token
// is only ever asked for the audience of the cloud it is sent to (SECURITY.md).

export type CloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment' | 'Custom';

export interface CloudEndpoints {
  name: CloudName;
  /** ARM base URL, no trailing slash. */
  resourceManagerEndpoint: string;
  /** Microsoft Entra authority host, no trailing slash; a Custom cloud has one only when it says so. */
  authorityHost: string | undefined;
  /** The audience ARM tokens are issued for (resource id, with its trailing slash). */
  audience: string;
  /** The OAuth scope to request: `${audience}.default`. */
  scope: string;
  /**
   * Retail Prices API host (docs/azure-apis.md#retail-prices); undefined where the public price
   * list does not apply.
   */
  retailPricesEndpoint?: string;
  /** False when the authority is not a Microsoft cloud, so MSAL must skip instance discovery. */
  knownAuthority: boolean;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

function cloud(name: CloudName, resourceManagerEndpoint: string, authorityHost: string | undefined, retailPricesEndpoint: string | undefined, knownAuthority: boolean, audience?: string): CloudEndpoints {
  const arm = trimSlash(resourceManagerEndpoint);
  const aud = audience ?? `${arm}/`;
  return { name, resourceManagerEndpoint: arm, authorityHost: authorityHost === undefined ? undefined : trimSlash(authorityHost), audience: aud, scope: `${aud}.default`, retailPricesEndpoint, knownAuthority };
}

export const AZURE_CLOUD = cloud('AzureCloud', 'https://management.azure.com', 'https://login.microsoftonline.com', 'https://prices.azure.com', true);
// Retail prices are a commercial-cloud list only (docs/azure-apis.md#clouds), hence none for the
// sovereign clouds.
export const AZURE_CHINA_CLOUD = cloud('AzureChinaCloud', 'https://management.chinacloudapi.cn', 'https://login.chinacloudapi.cn', undefined, true);
export const AZURE_US_GOVERNMENT = cloud('AzureUSGovernment', 'https://management.usgovcloudapi.net', 'https://login.microsoftonline.us', undefined, true);

export interface CustomCloudSettings {
  resourceManagerEndpoint: string;
  /**
   * No default: a secret goes to an authority only when the person named it. (It once defaulted
   * to the ARM host, so a repository that set the ARM host also received the client secret.)
   */
  authorityHost?: string;
  /** Defaults to the ARM endpoint (the emulator serves retail prices on the same host); no credentials go there. */
  retailPricesEndpoint?: string;
  /** Defaults to the ARM endpoint itself, so a token for public Azure is never asked for a custom host. */
  audience?: string;
}

export function customCloud(settings: CustomCloudSettings): CloudEndpoints {
  const arm = trimSlash(settings.resourceManagerEndpoint);
  const audience = settings.audience ? `${trimSlash(settings.audience)}/` : `${arm}/`;
  return cloud('Custom', arm, settings.authorityHost, trimSlash(settings.retailPricesEndpoint ?? arm), false, audience);
}

/** The endpoints of a named cloud; `Custom` needs its settings. */
export function cloudByName(name: string, custom?: CustomCloudSettings): CloudEndpoints {
  switch (name) {
    case 'AzureCloud':
      return AZURE_CLOUD;
    case 'AzureChinaCloud':
      return AZURE_CHINA_CLOUD;
    case 'AzureUSGovernment':
      return AZURE_US_GOVERNMENT;
    case 'Custom':
      if (!custom) { throw new Error('The Custom cloud needs a resource manager endpoint.'); }
      return customCloud(custom);
    default:
      throw new Error(`Unknown Azure cloud '${name}'. Known: AzureCloud, AzureChinaCloud, AzureUSGovernment, Custom.`);
  }
}

/** True when `authorityHost` belongs to one of the Microsoft clouds (instance discovery works there). */
export function isKnownAuthority(authorityHost: string): boolean {
  const host = trimSlash(authorityHost).toLowerCase();
  return [AZURE_CLOUD, AZURE_CHINA_CLOUD, AZURE_US_GOVERNMENT].some((c) => c.authorityHost?.toLowerCase() === host);
}
