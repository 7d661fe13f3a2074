// What makes a subscription's daily costs look like a real bill rather than a flat line: extra
// resources, added after a subscription's ordinary ones, each shape a few of them. Everything is
// usage (priced by the same ledger as every other row), so the estimate still equals Cost
// Management to the cent and invoices still equal the charges. Which subscription has which
// shape is fixed by name in the small world (test/emulator/README.md lists them) and drawn from
// the seed elsewhere.
import { Random } from '../random';
import type { WorldSubscription } from '../types';
import { addMonths, dayString, monthStart } from './calendar';
import type { UsageProfile } from './hourlyUsage';
import type { Meter, MeterCatalogue } from './meters';
import type { UsageWindow } from './resources';
import { QUANTITY_SCALE } from './tierCost';

export type UsageShape =
  /** Dev and build machines that run only on weekday business hours: weekends cost less. */
  | 'weekly'
  /** A scale set whose average instance count keeps rising: costs grow month after month. */
  | 'growth'
  /** Batch machines created mid-month and deleted days or weeks later: the level steps up and down. */
  | 'churn'
  /** Charges billed for the whole month on its first day (licences, reserved capacity paid monthly). */
  | 'firstDayCharges'
  /** A few days of runaway log ingestion in one month: a cost spike. */
  | 'spike';

export const USAGE_SHAPES: readonly UsageShape[] = ['weekly', 'growth', 'churn', 'firstDayCharges', 'spike'];

/** The small world's subscriptions by name; the ones not listed keep a steady bill. */
const NAMED: Record<string, UsageShape[]> = {
  'Contoso Platform Prod': ['churn', 'firstDayCharges'],
  'Contoso Platform Dev': ['weekly'],
  'Contoso Analytics Prod': ['growth', 'spike'],
  'Contoso Analytics Sandbox': ['weekly', 'growth'],
  'Contoso Web Prod': ['growth', 'firstDayCharges'],
  'Contoso EU Prod': ['churn', 'growth'],
  'Contoso EU Dev': ['weekly'],
  'Contoso Research': ['spike', 'firstDayCharges'],
  'EA Engineering Prod': ['firstDayCharges', 'churn'],
  'EA Engineering DevTest': ['weekly'],
  'EA Research Compute': ['churn', 'spike'],
  'EA Research DevTest': ['weekly'],
  'EA Finance Reporting': ['firstDayCharges', 'weekly'],
  'EA Marketing Sites': ['growth'],
  'Pay-As-You-Go': ['weekly', 'firstDayCharges'],
  'Pay-As-You-Go Tools': ['spike'],
  'Pay-As-You-Go Dev/Test': ['weekly'],
  'Fabrikam Labs Prod': ['growth', 'churn'],
  'Fabrikam Labs Experiments': ['weekly', 'spike'],
  'Woodgrove Payments': ['growth', 'firstDayCharges'],
  'Woodgrove Dev/Test': ['weekly'],
};

/** Small-world subscriptions kept steady: the disabled one, the credit offer, the CSP one, a staging copy. */
const STEADY = new Set(['Contoso Web Staging', 'Contoso Research Archive', 'Visual Studio Enterprise', 'Woodgrove Analytics (CSP)']);

/** The shapes of a subscription: by name in the small world, else each with a chance of 30 %. */
export function shapesOf(seed: number, sub: WorldSubscription): UsageShape[] {
  const named = NAMED[sub.displayName];
  if (named) {return named;}
  if (STEADY.has(sub.displayName)) {return [];}
  const r = Random.of(seed, 'usage-shapes', sub.subscriptionId);
  return USAGE_SHAPES.filter(() => r.chance(0.3));
}

/** One resource of a shape, before resources.ts gives it an id and streams. */
export interface ShapedResource {
  shape: UsageShape;
  kind: 'vm' | 'disk' | 'logAnalytics';
  type: string;
  name: string;
  firstDay: number;
  lastDay: number;
  additionalInfo?: Record<string, string>;
  uses: Array<{ meter: Meter; profile: UsageProfile }>;
}

export function shapedResources(
  seed: number, sub: WorldSubscription, shapes: readonly UsageShape[], catalogue: MeterCatalogue, window: UsageWindow, start: number, region: string,
): ShapedResource[] {
  const out: ShapedResource[] = [];
  const size = (name: string) => catalogue.vmSizes.find((s) => s.name === name) ?? catalogue.vmSizes[0];
  const vm = (shape: UsageShape, name: string, sizeName: string, profile: UsageProfile, firstDay: number, lastDay: number) => {
    const s = size(sizeName);
    out.push({
      shape, kind: 'vm', type: 'Microsoft.Compute/virtualMachines', name, firstDay, lastDay,
      additionalInfo: { ServiceType: s.armSkuName, ImageType: 'Canonical Ubuntu 22.04', VCPUs: String(s.vcpus) },
      uses: [{ meter: catalogue.vmMeter(s, 'linux', region), profile }],
    });
  };
  const last = window.lastDay;
  if (start > last) {return out;}

  for (const shape of shapes) {
    const r = Random.of(seed, 'shape', shape, sub.subscriptionId);
    switch (shape) {
      case 'weekly': {
        // Weekday 08–18 UTC only: with the always-on rest, weekends cost roughly half as much.
        const count = r.int(3, 5);
        for (let i = 0; i < count; i++) {
          vm(shape, `vm-dev-${String(i + 1).padStart(2, '0')}`, r.pick(['E16 v3', 'D4s v3', 'F4s v2', 'E16 v3']), { kind: 'business', units: QUANTITY_SCALE }, start, last);
        }
        break;
      }
      case 'growth': {
        // Average instances per hour: from 2 on the first day, rising by 1 every 40–80 days.
        const perDay = Math.round(QUANTITY_SCALE / r.int(40, 80));
        vm(shape, 'vmss-frontend', 'D4s v3', { kind: 'growing', baseUnits: 2 * QUANTITY_SCALE, growthUnitsPerDay: perDay }, start, last);
        break;
      }
      case 'churn': {
        // In about two months of three, a batch of 1–3 machines runs for 3–40 days from a day
        // between the 3rd and the 26th; some outlive their month.
        for (let m = monthStart(start); m <= last; m = addMonths(m, 1)) {
          if (!r.chance(0.65)) {continue;}
          const from = m + r.int(2, 25);
          const to = Math.min(last, from + r.int(3, 40));
          const count = r.int(1, 3);
          const sizeName = r.pick(['E16 v3', 'F4s v2', 'D4s v3']);
          if (from < start || from > last) {continue;}
          for (let i = 0; i < count; i++) {vm(shape, `vm-batch-${dayString(m).slice(0, 7)}-${i + 1}`, sizeName, { kind: 'constant', units: QUANTITY_SCALE, offDayChance: 0 }, from, to);}
        }
        break;
      }
      case 'firstDayCharges': {
        // Billed for the month up front: 3–12 P10 disk-months on each month's first day.
        out.push({
          shape, kind: 'disk', type: 'Microsoft.Compute/disks', name: 'disk-pool-reserved', firstDay: start, lastDay: last,
          uses: [{ meter: catalogue.serviceMeter('premiumDisk', region), profile: { kind: 'monthly', units: r.int(3, 12) * QUANTITY_SCALE } }],
        });
        break;
      }
      case 'spike': {
        // 2–4 days at 12–25 times the usual ingestion, in one month between the 5th and the 24th.
        const months: number[] = [];
        for (let m = monthStart(start); m <= last; m = addMonths(m, 1)) {if (m + 24 <= last) {months.push(m);}}
        const month = months.length ? r.pick(months) : monthStart(start);
        const from = Math.max(start, month + r.int(4, 20));
        const spike = { from, to: from + r.int(1, 3), factor: r.int(12, 25) };
        out.push({
          shape, kind: 'logAnalytics', type: 'Microsoft.OperationalInsights/workspaces', name: 'log-diagnostics', firstDay: start, lastDay: last,
          uses: [{ meter: catalogue.serviceMeter('logIngestion', region), profile: { kind: 'random', meanUnits: 1500, spike } }],
        });
        break;
      }
    }
  }
  return out;
}
