// Which api-version each call uses, in one place, with the reason (docs/azure-apis.md#api-versions
// and #billing-versions).
export const API = {
  /** Accounts list/get: `$expand` of profiles + sections (and EA departments) in one round trip. */
  billingAccounts: '2020-05-01',
  /**
   * EA works best here: departments/enrollmentAccounts expansion, EA invoices
   * (docs/azure-apis.md#billing-versions).
   */
  billingEa: '2019-10-01-preview',
  /** Profiles, sections and MCA billing subscriptions: documented array shapes, `$expand=invoiceSections`. */
  billingMca: '2020-05-01',
  /** Invoices for all agreement types with optional dates and `documentName` downloads. */
  billingCurrent: '2024-04-01',
  /** Credits, lots, events, budgets. */
  consumption: '2024-08-01',
  /** UsageAggregates and RateCard. */
  commerce: '2015-06-01-preview',
  /** Query and forecast. */
  costManagement: '2023-11-01',
  /**
   * The only retail-prices version with `savingsPlan[]`
   * (docs/azure-apis.md#retail-prices-requests).
   */
  retailPrices: '2023-01-01-preview',
} as const;
