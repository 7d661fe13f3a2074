// The emulator's world, made from a seed: tenants, the billing structure (accounts, profiles,
// sections, EA departments and enrollment accounts, subscriptions) and, computed lazily from the
// usage side's costs, invoices, credit lots and the credit ledger. The world's today is
// `options.asOf`; every period is relative to it.
import { BillingWorld } from './billing/billingWorld';
import { buildLargeLayout } from './billing/largeLayout';
import { buildSmallLayout } from './billing/smallLayout';
import { StructureBuilder } from './billing/structureBuilder';
import { Random } from './random';
import { UsageCosts, WorldOptions, WorldSubscription, WorldTenant } from './types';
import { createUsageWorld } from './usage';

export interface World {
  options: WorldOptions;
  /** Contoso (home, billing role), Fabrikam Labs (billing role), Woodgrove Bank (RBAC only, no billing role). */
  tenants: WorldTenant[];
  /** Every subscription of every tenant, in a stable order. */
  subscriptions: WorldSubscription[];
  /** The usage side (createUsageWorld), typed as the narrow contract; usage routes widen it via usage/access.ts. */
  usage: UsageCosts;
  billing: BillingWorld;
}

export interface WorldOverrides {
  /** Replaces the usage side's costs (tests of the billing side with a known cost function). */
  usage?: (options: WorldOptions, subscriptions: WorldSubscription[]) => UsageCosts;
}

export function createTenants(seed: number): WorldTenant[] {
  return [
    { tenantId: Random.of(seed, 'tenant', 0).guid(), displayName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com', hasBillingRole: true },
    { tenantId: Random.of(seed, 'tenant', 1).guid(), displayName: 'Fabrikam Labs', defaultDomain: 'fabrikamlabs.onmicrosoft.com', hasBillingRole: true },
    { tenantId: Random.of(seed, 'tenant', 2).guid(), displayName: 'Woodgrove Bank', defaultDomain: 'woodgrovebank.onmicrosoft.com', hasBillingRole: false },
  ];
}

/**
 * The CSP partner whose Microsoft Partner Agreement sells Woodgrove its CSP subscription. Not one of
 * `tenants`: the service principal cannot sign in there, so nobody in the world sees that account.
 */
export function createPartnerTenant(seed: number): WorldTenant {
  return { tenantId: Random.of(seed, 'tenant', 'partner').guid(), displayName: 'Tailspin Cloud Partners', defaultDomain: 'tailspinpartners.onmicrosoft.com', hasBillingRole: true };
}

export function createWorld(options: WorldOptions, overrides: WorldOverrides = {}): World {
  const tenants = createTenants(options.seed);
  const builder = new StructureBuilder(options.seed, options.asOf);
  buildSmallLayout(builder, tenants, createPartnerTenant(options.seed));
  if (options.scale === 'large') { buildLargeLayout(builder, tenants[0], options.seed); }
  const subscriptions = builder.subscriptions;
  const usage = (overrides.usage ?? createUsageWorld)(options, subscriptions);
  const billing = new BillingWorld(tenants, builder.accounts, subscriptions, options.seed, options.asOf, usage);
  return { options, tenants, subscriptions, usage, billing };
}
