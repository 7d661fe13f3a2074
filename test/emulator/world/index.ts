// The emulator's world, made from a seed. (Placeholder: the billing and usage parts extend this.)
import { Random } from './random';
import { WorldOptions, WorldTenant } from './types';

export interface World {
  options: WorldOptions;
  tenants: WorldTenant[];
}

export function createWorld(options: WorldOptions): World {
  const tenants: WorldTenant[] = [
    { tenantId: Random.of(options.seed, 'tenant', 0).guid(), displayName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com', hasBillingRole: true },
    { tenantId: Random.of(options.seed, 'tenant', 1).guid(), displayName: 'Fabrikam Labs', defaultDomain: 'fabrikamlabs.onmicrosoft.com', hasBillingRole: false },
  ];
  return { options, tenants };
}
