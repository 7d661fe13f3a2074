// The directories (tenants) a sign-in can reach: ARM's `GET /tenants`, through the same transport
// as every other call, so it follows `azureBilling.cloud` (a Custom ARM host lists its own tenants,
// whichever sign-in is used). No `vscode` here: it is tested in Node against the emulator.
import type { ArmTransport } from '../../azure/transport';
import { AzureError } from '../../azure/errors';
import { tenantOfToken } from '../../azure/tokenSource';

/** Resource Manager's tenants list; stable for years and served by every ARM-compatible host. */
const TENANTS_API_VERSION = '2022-12-01';

export interface DirectoryTenant {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
}

interface WireTenant {
  tenantId?: unknown;
  displayName?: unknown;
  defaultDomain?: unknown;
  domains?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A name a person recognises: the display name, else the domain, else the id. */
export function tenantLabel(tenant: DirectoryTenant): string {
  return tenant.displayName ?? tenant.defaultDomain ?? tenant.tenantId;
}

/**
 * Every tenant the sign-in reaches, sorted by label (in `locale`), without duplicates.
 * `homeTenantOfToken` stands in when the host has no tenants list (404 from some ARM-compatible
 * hosts such as older Azure Stack Hub): the one tenant the token was issued for.
 */
export async function listDirectoryTenants(
  transport: ArmTransport,
  options: { signal?: AbortSignal; locale?: string; homeTenantOfToken?: () => Promise<string | undefined> } = {},
): Promise<DirectoryTenant[]> {
  const byId = new Map<string, DirectoryTenant>();
  try {
    for await (const raw of transport.list<WireTenant>('/tenants', { query: { 'api-version': TENANTS_API_VERSION }, signal: options.signal })) {
      const tenantId = text(raw.tenantId);
      if (!tenantId || byId.has(tenantId)) { continue; }
      const firstDomain = Array.isArray(raw.domains) ? text(raw.domains[0]) : undefined;
      byId.set(tenantId, { tenantId, displayName: text(raw.displayName), defaultDomain: text(raw.defaultDomain) ?? firstDomain });
    }
  } catch (error) {
    if (!(error instanceof AzureError && error.kind === 'notFound' && options.homeTenantOfToken)) { throw error; }
    const home = await options.homeTenantOfToken();
    if (!home) { throw error; }
    byId.set(home, { tenantId: home });
  }
  const collator = new Intl.Collator(options.locale ?? 'en', { sensitivity: 'base' });
  return [...byId.values()].sort((a, b) => collator.compare(tenantLabel(a), tenantLabel(b)));
}

/** The `tid` of a fresh token from `getToken`: the home tenant of a service principal or identity. */
export async function homeTenantFrom(getToken: () => Promise<{ token: string }>): Promise<string | undefined> {
  return tenantOfToken((await getToken()).token);
}
