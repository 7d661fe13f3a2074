// What every route family gets when it registers its routes.
import type { BlobStore } from '../blobs';
import type { World } from '../world';

export interface EmulatorSettings {
  /** Items per page for paged lists (ARM lists, Commerce, Cost Management, retail prices). */
  pageSize: number;
  /** Polls an invoice download answers 202 to before it is ready. */
  downloadPolls: number;
  /** Seconds a download or RateCard blob URL stays valid. */
  blobUrlLifetimeSeconds: number;
  /** Seconds in the Retry-After of long-running operations. */
  retryAfterSeconds: number;
}

export interface RouteContext {
  world: World;
  settings: EmulatorSettings;
  blobs: BlobStore;
}
