// What a usage line is about — its resource and its meter — interned once per distinct value so
// that a year of rows costs memory per resource and meter, not per row. Every grouping (meter
// category, service, resource group, region, resource, tag) is derived from these two records.

export interface ResourceInfo {
  /** Lower-cased resource URI (casing is not normalised by Azure); "" when the row names none. */
  key: string;
  /** The URI as first seen, for display. */
  uri: string;
  name: string;
  resourceGroup: string;
  /** "microsoft.compute/virtualmachines"-style type from the URI, or the legacy metered service. */
  service: string;
  /** ARM region name ("westus"), falling back to the meter's display region. */
  region: string;
  tags: Readonly<Record<string, string>>;
}

export interface MeterInfo {
  meterId: string;
  name: string;
  category: string;
  subCategory: string;
  region: string;
  unit: string;
}

const RESOURCE_GROUP = /\/resourcegroups\/([^/]+)/i;
const PROVIDER_TYPE = /\/providers\/([^/]+)\/([^/]+)/i;

export function describeResourceUri(uri: string): Pick<ResourceInfo, 'name' | 'resourceGroup' | 'service'> {
  const rg = RESOURCE_GROUP.exec(uri);
  // The last provider segment names the resource's own type (nested types keep the parent's).
  const providers = [...uri.matchAll(new RegExp(PROVIDER_TYPE, 'gi'))];
  const type = providers.length > 0 ? `${providers[0][1]}/${providers[0][2]}`.toLowerCase() : '';
  const segments = uri.split('/').filter((s) => s.length > 0);
  return {
    name: segments.length > 0 ? segments[segments.length - 1] : '',
    resourceGroup: rg ? rg[1].toLowerCase() : '',
    service: type,
  };
}

/** Interns resources and meters by key so equal ones share one object. */
export class DimensionTable {
  private readonly resources = new Map<string, ResourceInfo>();
  private readonly meters = new Map<string, MeterInfo>();

  resource(key: string, make: () => ResourceInfo): ResourceInfo {
    let found = this.resources.get(key);
    if (!found) {
      found = make();
      this.resources.set(key, found);
    }
    return found;
  }

  meter(key: string, make: () => MeterInfo): MeterInfo {
    let found = this.meters.get(key);
    if (!found) {
      found = make();
      this.meters.set(key, found);
    }
    return found;
  }

  /** Resources by key, e.g. to give Cost Management rows the tags and regions usage rows carry. */
  findResource(key: string): ResourceInfo | undefined {
    return this.resources.get(key.toLowerCase());
  }

  get resourceCount(): number {
    return this.resources.size;
  }
}
