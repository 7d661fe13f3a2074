// The meter catalogue: every (VM size × flavour × region) and (service × region) meter, with its
// id, names, units and USD price history. The same meterIds key usage rows, rate cards, price
// lists and the retail catalogue, as in Azure (docs/azure-apis.md#retail-prices-join-keys).
import { Random } from '../random';
import { addMonths, dayNumber } from './calendar';
import { pricingOnlyRegionsFor, Region, regionsFor } from './regions';
import {
  LOW_PRIORITY_FRACTION, SERVICE_TEMPLATES, ServiceKind, ServiceTemplate, SPOT_FRACTION, Tier, VmSize, vmSizesFor, WINDOWS_PER_VCPU_USD,
} from './meterTemplates';

export type VmVariant = 'linux' | 'windows' | 'spot' | 'lowPriority';

export interface PriceRow {
  /** First day (day number) the row applies. */
  effectiveDay: number;
  tiers: Tier[];
}

export interface Meter {
  index: number;
  meterId: string;
  key: string;
  meterName: string;
  meterCategory: string;
  meterSubCategory: string;
  /** Retail `armRegionName`: 'eastus', 'Zone 1', 'Global' or ''. */
  armRegionName: string;
  /** RateCard `MeterRegion` and retail `location`: 'US East', 'Zone 1', 'Global', ''. */
  regionDisplayName: string;
  rateCardUnit: string;
  usageUnit: string;
  serviceFamily: string;
  productName: string;
  skuName: string;
  armSkuName: string;
  productId: string;
  skuId: string;
  serviceId: string;
  /** USD list prices, oldest first; most meters have one row, one meter has a price change. */
  usdHistory: PriceRow[];
  includedQuantity: number;
  vm?: { size: VmSize; variant: VmVariant };
  service?: ServiceKind;
}

const CATALOGUE_START = dayNumber('2016-01-01');

function regionFactor(armName: string): number {
  if (/^(eastus|westus2|centralus|eastus2|southcentralus)$/.test(armName)) { return 1; }
  if (/europe|uk|france|germany|sweden|switzerland/.test(armName)) { return 1.1; }
  if (armName === 'japaneast') { return 1.25; }
  return 1.18;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export class MeterCatalogue {
  readonly meters: Meter[] = [];
  private readonly byId = new Map<string, Meter>();
  private readonly byKey = new Map<string, Meter>();
  readonly regions: readonly Region[];
  readonly vmSizes: readonly VmSize[];
  /** The meter whose price changed mid-month three months before asOf (two EffectiveDates). */
  readonly repricedMeter: Meter;

  constructor(private readonly seed: number, scale: 'small' | 'large', asOfDay: number) {
    this.regions = regionsFor(scale);
    this.vmSizes = vmSizesFor(scale);
    for (const region of this.regions) {
      for (const size of this.vmSizes) {
        for (const variant of ['linux', 'windows', 'spot', 'lowPriority'] as const) { this.addVm(size, variant, region); }
      }
      for (const t of SERVICE_TEMPLATES.filter((s) => s.placement === 'regional')) {
        this.addService(t, region.armName, region.displayName, regionFactor(region.armName));
      }
    }
    const zones = [...new Set(this.regions.map((r) => r.bandwidthZone))];
    const zoneFactor: Record<string, number> = { 'Zone 1': 1, 'Zone 2': 1.38, 'Zone 3': 2.08 };
    for (const t of SERVICE_TEMPLATES) {
      if (t.placement === 'zone') { for (const z of zones) { this.addService(t, z, z, zoneFactor[z]); } }
      if (t.placement === 'global') { this.addService(t, 'Global', 'Global', 1); }
      if (t.placement === 'none') { this.addService(t, '', '', 1); }
    }
    // Regions no resource uses, where some meters are not sold (what-if's "not sold there").
    for (const region of pricingOnlyRegionsFor(scale)) {
      for (const size of this.vmSizes.filter((s) => !region.notSold.includes(`vm:${s.series}`))) {
        for (const variant of ['linux', 'windows', 'spot', 'lowPriority'] as const) { this.addVm(size, variant, region, region.factor); }
      }
      for (const t of SERVICE_TEMPLATES.filter((s) => s.placement === 'regional' && !region.notSold.includes(s.kind))) {
        this.addService(t, region.armName, region.displayName, region.factor);
      }
    }
    // One meter changes price in the middle of a month, three months before asOf.
    this.repricedMeter = this.vmMeter(this.vmSizes[0], 'linux', this.regions[0].armName);
    const current = this.repricedMeter.usdHistory[0];
    const changeDay = addMonths(asOfDay, -3) + 15;
    this.repricedMeter.usdHistory = [
      { effectiveDay: current.effectiveDay, tiers: current.tiers.map((t) => ({ from: t.from, price: round4(t.price / 1.05) })) },
      { effectiveDay: changeDay, tiers: current.tiers },
    ];
  }

  get(meterId: string): Meter | undefined {
    return this.byId.get(meterId.toLowerCase());
  }

  vmMeter(size: VmSize, variant: VmVariant, armRegion: string): Meter {
    return this.mustKey(`vm|${size.name}|${variant}|${armRegion}`);
  }

  serviceMeter(kind: ServiceKind, armRegionOrZone: string): Meter {
    const t = SERVICE_TEMPLATES.find((s) => s.kind === kind)!;
    const place = t.placement === 'global' ? 'Global' : t.placement === 'none' ? '' : armRegionOrZone;
    return this.mustKey(`svc|${kind}|${place}`);
  }

  private mustKey(key: string): Meter {
    const m = this.byKey.get(key);
    if (!m) { throw new Error(`No meter ${key}`); }
    return m;
  }

  private ids(key: string, productName: string, serviceName: string) {
    const productId = `DZH3${Random.of(this.seed, 'product', productName).code(8)}`;
    return {
      meterId: Random.of(this.seed, 'meter', key).guid(),
      productId,
      skuId: `${productId}/${Random.of(this.seed, 'sku', key).code(4)}`,
      serviceId: `DZH3${Random.of(this.seed, 'service', serviceName).code(8)}`,
    };
  }

  private effectiveDay(key: string): number {
    return addMonths(CATALOGUE_START, Random.of(this.seed, 'effective', key).int(0, 80));
  }

  private push(meter: Omit<Meter, 'index'>): void {
    const full = { ...meter, index: this.meters.length };
    this.meters.push(full);
    this.byId.set(full.meterId, full);
    this.byKey.set(full.key, full);
  }

  private addVm(size: VmSize, variant: VmVariant, region: Region, factor = regionFactor(region.armName)): void {
    const key = `vm|${size.name}|${variant}|${region.armName}`;
    const linux = round4(size.linuxUsd * factor);
    const price = variant === 'linux' ? linux
      : variant === 'windows' ? round4(linux + WINDOWS_PER_VCPU_USD * size.vcpus)
        : variant === 'spot' ? round4(linux * SPOT_FRACTION) : round4(linux * LOW_PRIORITY_FRACTION);
    const suffix = variant === 'spot' ? ' Spot' : variant === 'lowPriority' ? ' Low Priority' : '';
    const productName = variant === 'windows' ? `${size.productName} Windows` : size.productName;
    this.push({
      ...this.ids(key, productName, 'Virtual Machines'),
      key,
      meterName: `${size.name}${suffix}`,
      meterCategory: 'Virtual Machines',
      meterSubCategory: `${size.series} Series${variant === 'windows' ? ' Windows' : ''}`,
      armRegionName: region.armName,
      regionDisplayName: region.displayName,
      rateCardUnit: '1 Hour',
      usageUnit: 'Hours',
      serviceFamily: 'Compute',
      productName,
      skuName: `${size.name}${suffix}`,
      armSkuName: size.armSkuName,
      usdHistory: [{ effectiveDay: this.effectiveDay(key), tiers: [{ from: 0, price }] }],
      includedQuantity: 0,
      vm: { size, variant },
    });
  }

  private addService(t: ServiceTemplate, armRegionName: string, displayName: string, factor: number): void {
    const key = `svc|${t.kind}|${armRegionName}`;
    this.push({
      ...this.ids(key, t.productName, t.meterCategory),
      key,
      meterName: t.meterName,
      meterCategory: t.meterCategory,
      meterSubCategory: t.meterSubCategory,
      armRegionName,
      regionDisplayName: displayName,
      rateCardUnit: t.rateCardUnit,
      usageUnit: t.usageUnit,
      serviceFamily: t.serviceFamily,
      productName: t.productName,
      skuName: t.skuName,
      armSkuName: '',
      usdHistory: [{ effectiveDay: this.effectiveDay(key), tiers: t.usdTiers.map((x) => ({ from: x.from, price: round6(x.price * factor) })) }],
      includedQuantity: t.includedQuantity,
      service: t.kind,
    });
  }
}
