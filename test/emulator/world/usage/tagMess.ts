// Tags as real estates have them, for chargeback to face (docs/chargeback.md): the cost-centre key
// written in several cases, values with stray spaces, in another case or in a short form, and
// shared infrastructure (the shared and network resource groups) mostly untagged but marked as
// shared. Each resource's mess comes from its own random stream, so the tags change and nothing
// else in the world does (costs, ids, invoices keep their values).

import { Random } from '../random';

const KEY_VARIANTS = ['costcenter', 'CostCenter', 'COSTCENTER'];
const SHARED_GROUPS = new Set(['rg-shared', 'rg-network']);

export function messUpTags(tags: Record<string, string> | undefined, resourceGroup: string, r: Random): Record<string, string> | undefined {
  if (!tags) return undefined;
  const out = { ...tags };
  const centre = out.costCenter;
  if (centre !== undefined) {
    if (SHARED_GROUPS.has(resourceGroup.toLowerCase()) && r.chance(0.6)) {
      delete out.costCenter;
      out.workload = 'shared-services';
      return out;
    }
    let value = centre;
    if (r.chance(0.25)) value = r.pick([centre.toLowerCase(), ` ${centre} `, centre.replace('-', '')]);
    if (r.chance(0.3)) {
      delete out.costCenter;
      out[r.pick(KEY_VARIANTS)] = value;
    } else {
      out.costCenter = value;
    }
  }
  return out;
}
