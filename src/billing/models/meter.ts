// What UsageAggregates rows and RateCard meters both say about a meter. Join the two on `meterId`
// only (docs/azure-apis.md#estimating-cost-from-usage): names, units and regions are spelled
// differently in each.

export interface MeterDescription {
  meterId: string;
  meterName?: string;
  meterCategory?: string;
  meterSubCategory?: string;
  /** Display name (`US West`); not the ARM region. */
  meterRegion?: string;
  unit: string;
}
