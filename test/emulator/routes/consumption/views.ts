// JSON of the balance summary, lots and events (docs/azure-apis.md#credit-balance, #credit-lots and
// #credit-events), per api-version.
import { isoMidnight } from '../../world/billing/calendar';
import { fromCents } from '../../world/billing/money';
import type { WorldCreditEvent, WorldCreditSummary, WorldLot } from '../../world/billing/types';
import { hasCurrencyFields, hasEstimateFields } from './versions';

const amount = (currency: string, cents: number) => ({ currency, value: fromCents(cents) });

/** Credits are in the profile's own currency here, so the rate is 1 [emulator choice]. */
const inBilling = (currency: string, cents: number, asOf: string) => ({ currency, value: fromCents(cents), exchangeRate: 1, exchangeRateMonth: Number(asOf.slice(5, 7)) });

export function summaryJson(scope: string, s: WorldCreditSummary, version: string | undefined, asOf: string): unknown {
  const balanceSummary: Record<string, unknown> = { estimatedBalance: amount(s.currency, s.estimatedBalanceCents), currentBalance: amount(s.currency, s.currentBalanceCents) };
  if (hasEstimateFields(version)) { balanceSummary.estimatedBalanceInBillingCurrency = inBilling(s.currency, s.estimatedBalanceCents, asOf); }
  const properties: Record<string, unknown> = {
    balanceSummary,
    pendingCreditAdjustments: amount(s.currency, s.pendingCreditAdjustmentsCents),
    expiredCredit: amount(s.currency, s.expiredCreditCents),
    pendingEligibleCharges: amount(s.currency, s.pendingEligibleChargesCents),
  };
  if (hasCurrencyFields(version)) { Object.assign(properties, { creditCurrency: s.currency, billingCurrency: s.currency, reseller: null }); }
  if (hasEstimateFields(version)) { Object.assign(properties, { isEstimatedBalance: true, eTag: null }); }
  return { id: `${scope}/providers/Microsoft.Consumption/credits/balanceSummary`, name: 'balanceSummary', type: 'Microsoft.Consumption/credits/balanceSummary', eTag: null, properties };
}

export function lotJson(scope: string, lot: WorldLot, version: string | undefined, asOf: string): unknown {
  const properties: Record<string, unknown> = {
    originalAmount: amount(lot.currency, lot.originalCents),
    closedBalance: amount(lot.currency, lot.closedBalanceCents),
    source: lot.source,
    startDate: isoMidnight(lot.startDate),
    expirationDate: isoMidnight(lot.expirationDate),
    poNumber: lot.poNumber ?? '',
  };
  if (hasCurrencyFields(version)) {
    Object.assign(properties, {
      purchasedDate: isoMidnight(lot.purchasedDate),
      status: lot.status,
      creditCurrency: lot.currency,
      billingCurrency: lot.currency,
      originalAmountInBillingCurrency: inBilling(lot.currency, lot.originalCents, asOf),
      closedBalanceInBillingCurrency: inBilling(lot.currency, lot.closedBalanceCents, asOf),
      reseller: null,
    });
  }
  if (hasEstimateFields(version)) {
    properties.isEstimatedBalance = false;
    if (lot.source === 'ConsumptionCommitment') {
      // The wire name really starts with a capital O (docs/azure-apis.md#credit-lots).
      Object.assign(properties, { OrganizationType: 'Primary', usedAmount: amount(lot.currency, lot.usedCents ?? 0) });
    }
  }
  return { id: `${scope}/providers/Microsoft.Consumption/lots/${lot.name}`, name: lot.name, type: 'Microsoft.Consumption/lots', properties };
}

export interface EventContext {
  scope: string;
  asOf: string;
  /** Account-scope events name their billing profile (docs/azure-apis.md#credit-events). */
  profile?: { id: string; displayName: string };
  account: { name: string; displayName: string };
}

export function eventJson(e: WorldCreditEvent, c: EventContext, version: string | undefined): unknown {
  const cur = e.currency;
  const properties: Record<string, unknown> = {
    transactionDate: isoMidnight(e.transactionDate),
    description: e.description,
    newCredit: amount(cur, e.newCreditCents),
    adjustments: amount(cur, e.adjustmentsCents),
    creditExpired: amount(cur, e.creditExpiredCents),
    charges: amount(cur, e.chargesCents),
    closedBalance: amount(cur, e.closedBalanceCents),
    eventType: e.eventType,
    invoiceNumber: e.invoiceNumber,
    billingAccountId: `/providers/Microsoft.Billing/billingAccounts/${c.account.name}`,
    billingAccountDisplayName: c.account.displayName,
    lotId: e.lotId,
    lotSource: e.lotSource,
  };
  if (c.profile) { Object.assign(properties, { billingProfileId: c.profile.id, billingProfileDisplayName: c.profile.displayName }); }
  if (hasCurrencyFields(version)) {
    Object.assign(properties, {
      canceledCredit: amount(cur, 0),
      creditCurrency: cur,
      billingCurrency: cur,
      newCreditInBillingCurrency: inBilling(cur, e.newCreditCents, c.asOf),
      adjustmentsInBillingCurrency: inBilling(cur, e.adjustmentsCents, c.asOf),
      creditExpiredInBillingCurrency: inBilling(cur, e.creditExpiredCents, c.asOf),
      chargesInBillingCurrency: inBilling(cur, e.chargesCents, c.asOf),
      closedBalanceInBillingCurrency: inBilling(cur, e.closedBalanceCents, c.asOf),
      reseller: null,
    });
  }
  if (hasEstimateFields(version)) { properties.isEstimatedBalance = e.eventType.startsWith('Pending'); }
  return { id: `${c.scope}/providers/Microsoft.Consumption/events/${e.name}`, name: e.name, type: 'Microsoft.Consumption/events', properties };
}
