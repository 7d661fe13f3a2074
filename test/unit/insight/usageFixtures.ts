// Builders for hand-written usage rows and rate cards, so each test states only what it is about.

import { dayFromParts } from '../../../src/insight/calendar';
import { DayRange } from '../../../src/insight/costCube';
import { RateCard, RateCardMeter, UsageRecord } from '../../../src/insight/inputs';

export const SUB = '00000000-0000-0000-0000-000000000001';

export function vmUri(name: string, resourceGroup = 'rg1'): string {
  return `/subscriptions/${SUB}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/virtualMachines/${name}`;
}

export interface RowSpec {
  /** Usage start as ISO text; daily rows last 24 h unless `hours` says otherwise. */
  start: string;
  quantity: number;
  meterId?: string;
  unit?: string;
  hours?: number;
  resourceUri?: string;
  tags?: Record<string, string>;
  meterCategory?: string;
  location?: string;
  subscriptionId?: string;
}

export function row(spec: RowSpec): UsageRecord {
  const start = new Date(spec.start);
  return {
    subscriptionId: spec.subscriptionId ?? SUB,
    usageStartTime: start,
    usageEndTime: new Date(start.getTime() + (spec.hours ?? 24) * 3_600_000),
    meterId: spec.meterId ?? 'meter-a',
    meterName: `Meter ${spec.meterId ?? 'meter-a'}`,
    meterCategory: spec.meterCategory ?? 'Virtual Machines',
    unit: spec.unit ?? 'Hours',
    quantity: spec.quantity,
    instanceData: {
      resourceUri: spec.resourceUri ?? vmUri('vm1'),
      location: spec.location ?? 'westus',
      tags: spec.tags,
    },
  };
}

export function rate(
  meterId: string,
  rates: Record<string, number>,
  options: { included?: number; unit?: string; effective?: string } = {},
): RateCardMeter {
  return {
    meterId,
    unit: options.unit ?? '1 Hour',
    meterRates: Object.entries(rates).map(([threshold, price]) => ({ threshold: Number(threshold), price })),
    effectiveDate: new Date(options.effective ?? '2020-01-01T00:00:00Z'),
    includedQuantity: options.included ?? 0,
  };
}

export function card(meters: RateCardMeter[], currency = 'USD'): RateCard {
  return { currency, meters };
}

export function days(first: string, last: string): DayRange {
  const [a, b] = [first, last].map((d) => d.split('-').map(Number));
  return { first: dayFromParts(a[0], a[1], a[2]), last: dayFromParts(b[0], b[1], b[2]) };
}
