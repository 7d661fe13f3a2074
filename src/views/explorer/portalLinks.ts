// "Open in Azure Portal": the portal of the cloud the extension talks to, and the resource's page
// there. The portal opens any ARM id at `#@{tenant}/resource{id}`, in the directory it belongs to.
import type { CloudName } from '../../azure/clouds';

const PORTALS: Record<CloudName, string> = {
  AzureCloud: 'https://portal.azure.com',
  AzureChinaCloud: 'https://portal.azure.cn',
  AzureUSGovernment: 'https://portal.azure.us',
  // A custom ARM host (Azure Stack, the emulator) has no portal of its own we could know; the public
  // portal is where its resources' ids make sense to a person.
  Custom: 'https://portal.azure.com',
};

export function portalBase(cloud: string | undefined): string {
  return PORTALS[(cloud ?? 'AzureCloud') as CloudName] ?? PORTALS.AzureCloud;
}

/** The portal page of an ARM resource id (billing accounts, profiles, invoices, subscriptions). */
export function portalResourceUrl(cloud: string | undefined, tenantId: string | undefined, armId: string): string {
  const id = armId.startsWith('/') ? armId : `/${armId}`;
  // Each segment is encoded as the portal expects (`:` in MCA account names stays readable).
  const path = id
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%3A/gi, ':'))
    .join('/');
  const tenant = tenantId ? `@${encodeURIComponent(tenantId)}` : '';
  return `${portalBase(cloud)}/#${tenant}/resource${path}`;
}

/** An Azure subscription's overview page. */
export function portalSubscriptionUrl(cloud: string | undefined, tenantId: string | undefined, subscriptionId: string): string {
  return portalResourceUrl(cloud, tenantId, `/subscriptions/${subscriptionId}/overview`);
}
