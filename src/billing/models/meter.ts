// What UsageAggregates rows and RateCard meters both say about a meter. Join the two on `meterId`
// only (azure-billing-api.md §4.3): names, units and regions are spelled differently in each.

export interface MeterDescription {
  meterId: string;
  meterName?: string;
  meterCategory?: string;
  meterSubCategory?: string;
  /** Display name (`US West`); not the ARM region. */
  meterRegion?: string;
  unit: string;
}
