// A first chargeback file for a scope, from what its cost carried last month: the tag key the person
// named, each value seen as an owner (the costliest first), and the spellings of one value (case,
// spaces, a missing hyphen: `cc-1001`, ` CC-1001 `, `CC1001`) folded into aliases of its fullest
// spelling (separators and capitals kept: `CC-1001`; the costliest among equals), so the first
// report already counts them as one owner. Untagged cost stays on its own
// "Unallocated" line until the team decides where it goes. The text is plain JSON (no comments):
// the editor validates `*.chargeback.json` as JSON.

import type { ChargebackScope } from './rules';

export interface SeenTagValue {
  /** As Cost Management returned it; undefined or '' for cost without the tag. */
  value: string | undefined;
  amount: number;
}

/** Spellings that only differ by case, spaces, hyphens or underscores are one owner. */
function spellingKey(value: string): string {
  return value.toLowerCase().replace(/[\s\-_]+/g, '');
}

export function scopeJson(scope: ChargebackScope): Record<string, unknown> {
  switch (scope.kind) {
    case 'subscriptions':
      return { subscriptions: scope.subscriptionIds };
    case 'billingProfile':
      return { billingProfile: `/providers/Microsoft.Billing/billingAccounts/${scope.billingAccountName}/billingProfiles/${scope.billingProfileName}` };
    case 'billingAccount':
      return { billingAccount: `/providers/Microsoft.Billing/billingAccounts/${scope.billingAccountName}` };
  }
}

export function startingRules(scope: ChargebackScope, tagKey: string, seen: readonly SeenTagValue[], schemaUrl?: string): string {
  const groups = new Map<string, Map<string, number>>();
  for (const row of seen) {
    const trimmed = (row.value ?? '').replace(/\s+/g, ' ').trim();
    if (trimmed === '') {continue;}
    const spellings = groups.get(spellingKey(trimmed)) ?? new Map<string, number>();
    spellings.set(trimmed, (spellings.get(trimmed) ?? 0) + Math.abs(row.amount));
    groups.set(spellingKey(trimmed), spellings);
  }
  const owners = [...groups.values()]
    .map((spellings) => {
      const capitals = (text: string) => text.replace(/[^\p{Lu}]/gu, '').length;
      const ranked = [...spellings].sort((a, b) => b[0].length - a[0].length || capitals(b[0]) - capitals(a[0]) || b[1] - a[1] || a[0].localeCompare(b[0]));
      return { id: ranked[0][0], cost: ranked.reduce((a, [, c]) => a + c, 0), others: ranked.slice(1).map(([s]) => s) };
    })
    .sort((a, b) => b.cost - a.cost || a.id.localeCompare(b.id));
  const aliases: Record<string, string> = {};
  for (const owner of owners) {
    for (const other of owner.others) {
      // Aliases match case-insensitively: a spelling that differs only in case needs none of its own, but is harmless.
      if (!Object.keys(aliases).some((k) => k.toLowerCase() === other.toLowerCase())) {aliases[other] = owner.id;}
    }
  }
  const file: Record<string, unknown> = {};
  if (schemaUrl) {file.$schema = schemaUrl;}
  file.scope = scopeJson(scope);
  file.tagKeys = [tagKey];
  file.normalize = { trimWhitespace: true, aliases };
  file.untagged = { mode: 'unallocated' };
  file.shared = [];
  file.owners = Object.fromEntries(owners.map((o) => [o.id, { displayName: o.id }]));
  return `${JSON.stringify(file, null, 2)}\n`;
}
