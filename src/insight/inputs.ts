// The shapes insight/ computes on. They mirror what billing/ yields after parsing
// (azure-billing-api.md §4.1 UsageAggregates, §4.2 RateCard, §5.2 Cost Management query):
// dates already parsed, instanceData already decoded, MeterRates keys already numbers.
// Kept minimal so billing/'s richer models are assignable to them.

/** One UsageAggregates row (§4.1). */
export interface UsageRecord {
  subscriptionId: string;
  /** When the usage happened (not when it was reported); decides the day and hour. */
  usageStartTime: Date;
  usageEndTime: Date;
  meterId: string;
  meterName?: string;
  meterCategory?: string;
  meterSubCategory?: string;
  meterRegion?: string;
  unit: string;
  quantity: number;
  /** From instanceData["Microsoft.Resources"] (modern rows). */
  instanceData?: {
    resourceUri?: string;
    location?: string;
    tags?: Record<string, string>;
  };
  /** Legacy rows carry infoFields instead of instanceData. */
  infoFields?: {
    meteredRegion?: string;
    meteredService?: string;
    project?: string;
  };
}

/** One rate row of a RateCard (§4.2). A meter may have several rows with different EffectiveDate. */
export interface RateCardMeter {
  meterId: string;
  meterName?: string;
  meterCategory?: string;
  unit: string;
  /** Tier thresholds (cumulative monthly quantity, ascending from 0) with their unit prices. */
  meterRates: Array<{ threshold: number; price: number }>;
  effectiveDate: Date;
  /** Free units per month. */
  includedQuantity: number;
}

export interface RateCard {
  currency: string;
  meters: RateCardMeter[];
}

/** One Cost Management query row (§5.2) after mapping columns by name. */
export interface CostQueryRow {
  /** UsageDate as a calendar date "YYYY-MM-DD". */
  date: string;
  cost: { amount: number; currency: string };
  /** Grouping columns by name (ResourceId, ServiceName, MeterCategory, ResourceGroupName, TagValue…). */
  dimensions: Record<string, string | undefined>;
}
