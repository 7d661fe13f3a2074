// Microsoft.Consumption api-versions the emulator answers for credits, lots, events and budgets
// (docs/azure-apis.md#consumption-versions). Fields were added over the versions; where no source
// says which version added a field, the split below is a guess (see README).
export const CONSUMPTION_VERSIONS = ['2019-10-01', '2021-10-01', '2023-03-01', '2023-05-01', '2024-08-01', '2025-04-01'] as const;

/** creditCurrency, billingCurrency, reseller, purchasedDate, status and the *InBillingCurrency amounts. */
export const hasCurrencyFields = (version: string | undefined) => (version ?? '') >= '2021-10-01';
/** isEstimatedBalance, eTag in properties, OrganizationType, usedAmount, estimatedBalanceInBillingCurrency. */
export const hasEstimateFields = (version: string | undefined) => (version ?? '') >= '2023-03-01';
