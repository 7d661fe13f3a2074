// Dimension values of a cost row. Cost Management reports resource ids, groups, types and
// locations lower-cased, whatever casing ARM used when the resource was made [inf].
import type { WorldSubscription } from '../../world/types';
import type { Stream } from '../../world/usage/resources';

export interface Dimension {
  /** The name as Cost Management spells it in columns. */
  name: string;
  value(stream: Stream, sub: WorldSubscription): string;
}

const dims: Dimension[] = [
  { name: 'ServiceName', value: (s) => s.meter.meterCategory },
  { name: 'MeterCategory', value: (s) => s.meter.meterCategory },
  { name: 'MeterSubCategory', value: (s) => s.meter.meterSubCategory },
  { name: 'Meter', value: (s) => s.meter.meterName },
  { name: 'MeterId', value: (s) => s.meter.meterId },
  { name: 'ResourceGroup', value: (s) => s.resource.resourceGroup.toLowerCase() },
  { name: 'ResourceGroupName', value: (s) => s.resource.resourceGroup.toLowerCase() },
  { name: 'ResourceLocation', value: (s) => s.resource.location },
  { name: 'ResourceId', value: (s) => s.resource.resourceId.toLowerCase() },
  { name: 'ResourceType', value: (s) => s.resource.type.toLowerCase() },
  { name: 'SubscriptionId', value: (_s, sub) => sub.subscriptionId },
  { name: 'SubscriptionName', value: (_s, sub) => sub.displayName },
  { name: 'ChargeType', value: () => 'Usage' },
  { name: 'PublisherType', value: () => 'Azure' },
  { name: 'PricingModel', value: () => 'OnDemand' },
];

/** By lower-case name. */
export const DIMENSIONS: Readonly<Record<string, Dimension>> = Object.fromEntries(dims.map((d) => [d.name.toLowerCase(), d]));

/** A tag's value on the stream's resource, matched by key case-insensitively; undefined when absent. */
export function tagValue(stream: Stream, key: string): string | undefined {
  const tags = stream.resource.tags;
  if (!tags) { return undefined; }
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(tags)) { if (k.toLowerCase() === lower) { return v; } }
  return undefined;
}
