// The shapes insight/ computes on: the parts of billing/'s parsed models it reads
// (docs/azure-apis.md#usageaggregates, #ratecard and #cost-management-query) —
// dates already parsed, instanceData already decoded, MeterRates keys already numbers.
// Narrowed with Pick so hand-written test rows need only what matters.

import type { DailyCostRow } from '../billing/models/cost';
import type { OfferTerm, RateCardMeter as BillingRateCardMeter } from '../billing/models/rateCard';
import type { UsageAggregate } from '../billing/models/usage';

/**
 * One UsageAggregates row (docs/azure-apis.md#usageaggregates): the fields of billing/'s parsed row
 * that pricing and grouping read.
 */
export type UsageRecord = Pick<UsageAggregate, 'subscriptionId' | 'usageStartTime' | 'usageEndTime' | 'meterId' | 'unit' | 'quantity'> &
  Partial<Pick<UsageAggregate, 'meterName' | 'meterCategory' | 'meterSubCategory' | 'meterRegion' | 'instanceData' | 'infoFields'>>;

/**
 * One rate row of a RateCard (docs/azure-apis.md#ratecard). A meter may have several rows with
 * different EffectiveDate.
 */
export type RateCardMeter = Pick<BillingRateCardMeter, 'meterId' | 'unit' | 'meterRates' | 'effectiveDate' | 'includedQuantity'> &
  Partial<Pick<BillingRateCardMeter, 'meterName' | 'meterCategory'>>;

export interface RateCard {
  currency: string;
  meters: RateCardMeter[];
  /** The offer's terms (a monthly credit); what-if reads them, the estimate does not. */
  offerTerms?: readonly OfferTerm[];
}

/**
 * One daily Cost Management query row (docs/azure-apis.md#cost-management-query), columns already
 * mapped by name; date "YYYY-MM-DD".
 */
export type CostQueryRow = Pick<DailyCostRow, 'cost' | 'dimensions'> & { date: string };
