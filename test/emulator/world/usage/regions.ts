// Azure regions the world's meters and resources live in. `displayName` is the spelling of
// RateCard `MeterRegion` and retail `location`; `armName` is a resource's `location`. The two
// are deliberately different strings, as in Azure, so that nobody joins on them.

export interface Region {
  armName: string;
  displayName: string;
  /** Bandwidth is billed per zone, not per region. */
  bandwidthZone: 'Zone 1' | 'Zone 2' | 'Zone 3';
}

const ALL: Region[] = [
  { armName: 'eastus', displayName: 'US East', bandwidthZone: 'Zone 1' },
  { armName: 'westus2', displayName: 'US West 2', bandwidthZone: 'Zone 1' },
  { armName: 'westeurope', displayName: 'EU West', bandwidthZone: 'Zone 1' },
  { armName: 'northeurope', displayName: 'EU North', bandwidthZone: 'Zone 1' },
  { armName: 'japaneast', displayName: 'JA East', bandwidthZone: 'Zone 2' },
  { armName: 'southeastasia', displayName: 'AP Southeast', bandwidthZone: 'Zone 2' },
  // Only in the large world, with the full rate card.
  { armName: 'centralus', displayName: 'US Central', bandwidthZone: 'Zone 1' },
  { armName: 'eastus2', displayName: 'US East 2', bandwidthZone: 'Zone 1' },
  { armName: 'southcentralus', displayName: 'US South Central', bandwidthZone: 'Zone 1' },
  { armName: 'canadacentral', displayName: 'CA Central', bandwidthZone: 'Zone 1' },
  { armName: 'uksouth', displayName: 'UK South', bandwidthZone: 'Zone 1' },
  { armName: 'francecentral', displayName: 'FR Central', bandwidthZone: 'Zone 1' },
  { armName: 'germanywestcentral', displayName: 'DE West Central', bandwidthZone: 'Zone 1' },
  { armName: 'swedencentral', displayName: 'SE Central', bandwidthZone: 'Zone 1' },
  { armName: 'switzerlandnorth', displayName: 'CH North', bandwidthZone: 'Zone 1' },
  { armName: 'australiaeast', displayName: 'AU East', bandwidthZone: 'Zone 2' },
  { armName: 'koreacentral', displayName: 'KR Central', bandwidthZone: 'Zone 2' },
  { armName: 'centralindia', displayName: 'IN Central', bandwidthZone: 'Zone 2' },
  { armName: 'brazilsouth', displayName: 'BR South', bandwidthZone: 'Zone 3' },
  { armName: 'southafricanorth', displayName: 'ZA North', bandwidthZone: 'Zone 3' },
];

export function regionsFor(scale: 'small' | 'large'): readonly Region[] {
  return scale === 'large' ? ALL : ALL.slice(0, 6);
}

/**
 * Regions only the price lists know in the small world: no resource lives there, so what-if can ask
 * what moving costs and meet meters that are not sold there [inf: which services a region lacks is
 * the emulator's choice; Azure's availability differs per region and changes over time].
 */
export interface PricingOnlyRegion extends Region {
  /** Meter kinds (service kinds, or VM series as `vm:<series>`) that have no meter here. */
  notSold: readonly string[];
  /** Price factor against the US list price. */
  factor: number;
}

const PRICING_ONLY: PricingOnlyRegion[] = [
  { armName: 'koreacentral', displayName: 'KR Central', bandwidthZone: 'Zone 2', notSold: ['appService', 'vm:Ev3'], factor: 1.21 },
  { armName: 'brazilsouth', displayName: 'BR South', bandwidthZone: 'Zone 3', notSold: ['sqlVcore', 'sqlStorage', 'vm:Fsv2'], factor: 1.46 },
];

export function pricingOnlyRegionsFor(scale: 'small' | 'large'): readonly PricingOnlyRegion[] {
  // The large world has these regions with resources in them and every meter.
  return scale === 'large' ? [] : PRICING_ONLY;
}
