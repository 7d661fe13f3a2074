// What every route family gets when it registers its routes.
import type { BlobStore } from '../blobs';
import type { World } from '../world';

export interface EmulatorSettings {
  /** Items per page for paged lists (ARM lists, Commerce, Cost Management; retail prices has its own). */
  pageSize: number;
  /** Polls an invoice download answers 202 to before it is ready. */
  downloadPolls: number;
  /** Seconds a download or RateCard blob URL stays valid. */
  blobUrlLifetimeSeconds: number;
  /** Seconds in the Retry-After of long-running operations. */
  retryAfterSeconds: number;
  /** One invoice of the pay-as-you-go (MOSP) account gets names that try to escape a folder (`..\\..\\evil`, `../../etc/x`). */
  hostileInvoiceNames: boolean;
  /** Cost Management QPU limits per scope; null (default) sends the informational headers but never throttles. */
  costManagementQpuLimits: { per10Seconds: number; perMinute: number; perHour: number } | null;
  /** RateCard answers with a 302 to a blob URL (default) or, when false, with the document itself. */
  rateCardRedirect: boolean;
  /**
   * The retail prices API's paging and the misbehaviours seen in the wild
   * (docs/azure-apis.md#retail-prices-paging).
   */
  retailPrices: RetailPricesSettings;
}

export interface RetailPricesSettings {
  /** Items per page (Azure: 100 in 2021–2023 captures, 1000 since). */
  pageSize: number;
  /** Answer without NextPageLink even when more pages exist. */
  omitNextPageLink: boolean;
  /** Order items differently on every request, so that $skip pages drop and repeat rows. */
  shuffle: boolean;
  /** Answer every Nth request with 429 (0: never). */
  throttleEvery: number;
  /** Retry-After seconds on that 429; null sends none. */
  throttleRetryAfterSeconds: number | null;
}

export interface RouteContext {
  world: World;
  settings: EmulatorSettings;
  blobs: BlobStore;
}
