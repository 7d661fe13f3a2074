// What every node below a billing account shares: the account and its tenant's connection, and the
// tree-wide services (language, clock, redraw, the bound on background loads, page size, cloud).
import type { Semaphore } from '../../azure/concurrency';
import type { BillingAccount } from '../../billing/models/account';
import type { TenantConnection } from '../session/billingSession';
import type { PanelSource } from '../usagePanel/panelSource';
import type { BillingScope } from '../usagePanel/usageScope';
import type { ExplorerNode } from './explorerNode';

export interface TreeServices {
  /** The editor's display language, for Intl. */
  language(): string;
  /** "Today" for windows like "last 12 months" and "expires within 90 days". */
  now: () => Date;
  /** Shows a node's tree item again (its description changed) without reloading its children. */
  redraw(node: ExplorerNode): void;
  /** Bounds loads that run in the background, so a wide tree does not fire every request at once. */
  readonly backgroundLoads: Semaphore;
  /** Items per "Load more" step. */
  pageSize(): number;
  /** `AzureCloud`, `AzureChinaCloud`, `AzureUSGovernment` or `Custom`, for portal links. */
  cloudName(): string;
  /** The scope's cost source shared with the usage panel (credit runway's forecast spend). */
  costSource?: (scope: BillingScope) => PanelSource;
}

export interface AccountScope {
  readonly connection: TenantConnection;
  readonly account: BillingAccount;
  readonly services: TreeServices;
}
