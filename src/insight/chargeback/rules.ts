// The chargeback rules a team keeps in its repository (`*.chargeback.json`): which tags name the
// owner of a cost, how tag values are cleaned up, where untagged and shared costs go, and who the
// owners are. docs/chargeback.md describes the file and the allocation; readRules.ts checks it.

/** Where the rules apply: exactly one kind of scope. */
export type ChargebackScope =
  | { kind: 'subscriptions'; subscriptionIds: string[] }
  | { kind: 'billingProfile'; billingAccountName: string; billingProfileName: string }
  | { kind: 'billingAccount'; billingAccountName: string };

export type LetterCase = 'preserve' | 'lower' | 'upper' | 'title';

export interface ValueNormalization {
  /** Applied after trimming and before aliases; `preserve` keeps the value as tagged. */
  letterCase: LetterCase;
  /** Collapse runs of whitespace and trim both ends (on unless the file says false). */
  trimWhitespace: boolean;
  /** Alias → owner id, matched case-insensitively after trimming (e.g. `fin` → `Finance`). */
  aliases: ReadonlyMap<string, string>;
}

/** Where cost without any of the tag keys goes. */
export type UntaggedRule =
  | { mode: 'proportional' }
  | { mode: 'even' }
  | { mode: 'owner'; owner: string }
  | { mode: 'unallocated' };

/** Which rows a shared-cost rule takes (all the given criteria must hold). */
export interface SharedMatch {
  resourceGroup?: string;
  subscriptionId?: string;
  meterCategory?: string;
  tag?: { key: string; value: string };
}

export type SharedSplit =
  | { mode: 'percentages'; percentages: ReadonlyMap<string, number> }
  | { mode: 'proportional'; owners?: readonly string[] };

export interface SharedCostRule {
  name: string;
  match: SharedMatch;
  split: SharedSplit;
}

export interface Owner {
  id: string;
  displayName: string;
}

export interface ChargebackRules {
  scope: ChargebackScope;
  /** Tag keys in priority order; the first key a row carries names its owner. Keys match case-insensitively. */
  tagKeys: readonly string[];
  normalization: ValueNormalization;
  untagged: UntaggedRule;
  shared: readonly SharedCostRule[];
  /** Declared owners, in the file's order. Tag values that are not declared become owners of their own. */
  owners: readonly Owner[];
}

/** The owner id of cost that stays unallocated (untagged mode `unallocated`). */
export const UNALLOCATED = 'Unallocated';
