// What kinds of meters exist: virtual machine sizes (each in Linux, Windows, Spot and Low Priority
// flavours, as the retail catalogue has them) and the other services resources use. Prices are
// USD list prices per rate-card unit; tiers are cumulative thresholds within a month.

export interface Tier {
  /** Cumulative quantity (after IncludedQuantity) from which `price` applies. */
  from: number;
  price: number;
}

export interface VmSize {
  series: string; // 'Dsv3'
  productName: string; // 'Virtual Machines Dsv3 Series'
  name: string; // 'D2s v3'
  armSkuName: string; // 'Standard_D2s_v3'
  vcpus: number;
  linuxUsd: number;
  /** Other sizes billed on the same meter (retail alias rows). */
  aliases?: Array<{ name: string; armSkuName: string }>;
  /** Savings-plan prices exist for this size's Linux meter. */
  savingsPlan?: boolean;
}

export type ServiceKind =
  | 'blobData' | 'blobWrites' | 'premiumDisk' | 'classicStorage' | 'sqlVcore' | 'sqlStorage'
  | 'appService' | 'logIngestion' | 'keyVaultOps' | 'bandwidth' | 'dnsQueries' | 'defenderNode';

export interface ServiceTemplate {
  kind: ServiceKind;
  meterName: string;
  meterCategory: string;
  meterSubCategory: string;
  rateCardUnit: string;
  usageUnit: string;
  serviceFamily: string;
  productName: string;
  skuName: string;
  usdTiers: Tier[];
  includedQuantity: number;
  /** regional: one meter per region; zone: one per bandwidth zone; global: armRegionName 'Global'; none: armRegionName ''. */
  placement: 'regional' | 'zone' | 'global' | 'none';
}

const VM_SIZES_SMALL: VmSize[] = [
  { series: 'Dsv3', productName: 'Virtual Machines Dsv3 Series', name: 'D2s v3', armSkuName: 'Standard_D2s_v3', vcpus: 2, linuxUsd: 0.096, savingsPlan: true },
  { series: 'Dsv3', productName: 'Virtual Machines Dsv3 Series', name: 'D4s v3', armSkuName: 'Standard_D4s_v3', vcpus: 4, linuxUsd: 0.192, savingsPlan: true },
  { series: 'BS', productName: 'Virtual Machines BS Series', name: 'B1s', armSkuName: 'Standard_B1s', vcpus: 1, linuxUsd: 0.0104 },
  { series: 'BS', productName: 'Virtual Machines BS Series', name: 'B2s', armSkuName: 'Standard_B2s', vcpus: 2, linuxUsd: 0.0416 },
  {
    series: 'Ev3', productName: 'Virtual Machines Ev3 Series', name: 'E16 v3', armSkuName: 'Standard_E16_v3', vcpus: 16, linuxUsd: 1.008,
    aliases: [
      { name: 'E16s v3', armSkuName: 'Standard_E16s_v3' },
      { name: 'E16-4s v3', armSkuName: 'Standard_E16-4s_v3' },
      { name: 'E16-8s v3', armSkuName: 'Standard_E16-8s_v3' },
    ],
  },
  { series: 'Fsv2', productName: 'Virtual Machines FSv2 Series', name: 'F4s v2', armSkuName: 'Standard_F4s_v2', vcpus: 4, linuxUsd: 0.169, savingsPlan: true },
];

/** The large world's full rate card: every series in more sizes. */
function largeVmSizes(): VmSize[] {
  const out = [...VM_SIZES_SMALL];
  const more: Array<[string, string, (n: number) => string, (n: number) => string, number, number[]]> = [
    ['Dsv3', 'Virtual Machines Dsv3 Series', (n) => `D${n}s v3`, (n) => `Standard_D${n}s_v3`, 0.048, [8, 16, 32, 48, 64]],
    ['Ev3', 'Virtual Machines Ev3 Series', (n) => `E${n} v3`, (n) => `Standard_E${n}_v3`, 0.063, [2, 4, 8, 20, 32, 48, 64]],
    ['Fsv2', 'Virtual Machines FSv2 Series', (n) => `F${n}s v2`, (n) => `Standard_F${n}s_v2`, 0.04225, [2, 8, 16, 32, 48, 64, 72]],
    ['Dv4', 'Virtual Machines Dv4 Series', (n) => `D${n} v4`, (n) => `Standard_D${n}_v4`, 0.048, [2, 4, 8, 16, 32, 48, 64]],
    ['Easv5', 'Virtual Machines Easv5 Series', (n) => `E${n}as v5`, (n) => `Standard_E${n}as_v5`, 0.0565, [2, 4, 8, 16, 32, 48, 64, 96]],
  ];
  for (const [series, productName, name, arm, perCore, sizes] of more) {
    for (const n of sizes) {
      if (out.some((s) => s.name === name(n))) { continue; }
      out.push({ series, productName, name: name(n), armSkuName: arm(n), vcpus: n, linuxUsd: Math.round(perCore * n * 1e4) / 1e4, savingsPlan: series !== 'Ev3' });
    }
  }
  return out;
}

export function vmSizesFor(scale: 'small' | 'large'): readonly VmSize[] {
  return scale === 'large' ? largeVmSizes() : VM_SIZES_SMALL;
}

export const SERVICE_TEMPLATES: readonly ServiceTemplate[] = [
  {
    kind: 'blobData', meterName: 'Hot LRS Data Stored', meterCategory: 'Storage', meterSubCategory: 'General Block Blob v2',
    rateCardUnit: '1 GB/Month', usageUnit: 'GB', serviceFamily: 'Storage', productName: 'General Block Blob v2', skuName: 'Hot LRS',
    usdTiers: [{ from: 0, price: 0.0184 }, { from: 51200, price: 0.0177 }, { from: 512000, price: 0.017 }], includedQuantity: 0, placement: 'regional',
  },
  {
    kind: 'blobWrites', meterName: 'Hot LRS Write Operations', meterCategory: 'Storage', meterSubCategory: 'General Block Blob v2',
    rateCardUnit: '10K', usageUnit: '10,000s', serviceFamily: 'Storage', productName: 'General Block Blob v2', skuName: 'Hot LRS',
    usdTiers: [{ from: 0, price: 0.055 }], includedQuantity: 0, placement: 'regional',
  },
  {
    kind: 'premiumDisk', meterName: 'P10 LRS Disk', meterCategory: 'Storage', meterSubCategory: 'Premium SSD Managed Disks',
    rateCardUnit: '1/Month', usageUnit: 'Disks', serviceFamily: 'Storage', productName: 'Premium SSD Managed Disks', skuName: 'P10 LRS',
    usdTiers: [{ from: 0, price: 19.71 }], includedQuantity: 0, placement: 'regional',
  },
  {
    kind: 'classicStorage', meterName: 'Standard IO - Page Blob/Disk (GB)', meterCategory: 'Storage', meterSubCategory: 'Locally Redundant',
    rateCardUnit: '1 GB/Month', usageUnit: 'GB', serviceFamily: 'Storage', productName: 'Storage - Standard Page Blob', skuName: 'Standard LRS',
    usdTiers: [{ from: 0, price: 0.045 }, { from: 1024, price: 0.04 }], includedQuantity: 0, placement: 'regional',
  },
  {
    kind: 'sqlVcore', meterName: 'vCore', meterCategory: 'SQL Database', meterSubCategory: 'Single General Purpose - Compute Gen5',
    rateCardUnit: '1 Hour', usageUnit: 'Hours', serviceFamily: 'Databases', productName: 'SQL Database Single General Purpose - Compute Gen5', skuName: 'vCore',
    usdTiers: [{ from: 0, price: 0.2522 }], includedQuantity: 0, placement: 'regional',
  },
  {
    kind: 'sqlStorage', meterName: 'General Purpose Data Stored', meterCategory: 'SQL Database', meterSubCategory: 'Single/Elastic Pool General Purpose - Storage',
    rateCardUnit: '1 GB/Month', usageUnit: 'GB', serviceFamily: 'Databases', productName: 'SQL Database Single/Elastic Pool General Purpose - Storage', skuName: 'General Purpose',
    usdTiers: [{ from: 0, price: 0.115 }], includedQuantity: 0, placement: 'regional',
  },
  {
    kind: 'appService', meterName: 'B1 App', meterCategory: 'Azure App Service', meterSubCategory: 'Basic Plan - Linux',
    rateCardUnit: '1 Hour', usageUnit: 'Hours', serviceFamily: 'Compute', productName: 'Azure App Service Basic Plan - Linux', skuName: 'B1',
    usdTiers: [{ from: 0, price: 0.075 }], includedQuantity: 0, placement: 'regional',
  },
  {
    kind: 'logIngestion', meterName: 'Pay-as-you-go Data Ingestion', meterCategory: 'Log Analytics', meterSubCategory: '',
    rateCardUnit: '1 GB', usageUnit: 'GB', serviceFamily: 'Management and Governance', productName: 'Log Analytics', skuName: 'Pay-as-you-go',
    usdTiers: [{ from: 0, price: 2.76 }], includedQuantity: 5, placement: 'regional',
  },
  {
    kind: 'keyVaultOps', meterName: 'Standard Operations', meterCategory: 'Key Vault', meterSubCategory: '',
    rateCardUnit: '10K', usageUnit: '10,000s', serviceFamily: 'Security', productName: 'Key Vault', skuName: 'Standard',
    usdTiers: [{ from: 0, price: 0.03 }], includedQuantity: 0, placement: 'regional',
  },
  {
    // Tier thresholds far below Azure's (100 GB, not 10 TB) so that a small subscription crosses one mid-month.
    kind: 'bandwidth', meterName: 'Standard Data Transfer Out', meterCategory: 'Bandwidth', meterSubCategory: '',
    rateCardUnit: '1 GB', usageUnit: 'GB', serviceFamily: 'Networking', productName: 'Bandwidth', skuName: 'Standard',
    usdTiers: [{ from: 0, price: 0.087 }, { from: 100, price: 0.083 }, { from: 500, price: 0.07 }], includedQuantity: 5, placement: 'zone',
  },
  {
    kind: 'dnsQueries', meterName: 'Public Queries', meterCategory: 'Azure DNS', meterSubCategory: '',
    rateCardUnit: '1M', usageUnit: '1,000,000s', serviceFamily: 'Networking', productName: 'Azure DNS', skuName: 'Public',
    usdTiers: [{ from: 0, price: 0.4 }, { from: 1000, price: 0.2 }], includedQuantity: 0, placement: 'global',
  },
  {
    kind: 'defenderNode', meterName: 'Standard Node', meterCategory: 'Microsoft Defender for Cloud', meterSubCategory: 'Defender for Servers',
    rateCardUnit: '1 Hour', usageUnit: 'Hours', serviceFamily: 'Security', productName: 'Microsoft Defender for Servers', skuName: 'Standard',
    usdTiers: [{ from: 0, price: 0.02 }], includedQuantity: 0, placement: 'none',
  },
];

/** Windows licence per vCPU-hour on top of the Linux price; Spot and Low Priority as fractions of Linux. */
export const WINDOWS_PER_VCPU_USD = 0.046;
export const SPOT_FRACTION = 0.18;
export const LOW_PRIORITY_FRACTION = 0.2;
