// The allocation itself, pure: cost rows (from one Cost Management query per scope, amounts in
// integer minor units) → one report per currency, each owner's direct, shared and untagged cost.
// Every split uses the largest-remainder method (splitAmount.ts), so the owners' totals add up to
// the rows' total to the cent, always. Order of work, per currency:
//   1. a row matched by a shared-cost rule (the first that matches) goes to that rule's pool;
//   2. otherwise the first tag key it carries names its owner (direct cost);
//   3. otherwise it is untagged.
// Shared pools are split first (by fixed percentages, or in proportion to direct cost), then the
// untagged pool (in proportion to direct cost, evenly, to one owner, or left "Unallocated").
// Proportions use each owner's positive direct cost; when no owner has any, the split is even.

import { ownerOfTags, normalizeTagValue, Tags } from './ownerOfTags';
import type { ChargebackRules, SharedCostRule, SharedMatch } from './rules';
import { UNALLOCATED } from './rules';
import { splitAmount, splitEvenly } from './splitAmount';

export interface ChargeRow {
  /** Minor units of `currency` (cents for USD); negative for credits and refunds. */
  amount: bigint;
  currency: string;
  subscriptionId?: string;
  resourceGroup?: string;
  meterCategory?: string;
  tags?: Tags;
}

/** Where part of an owner's cost came from, for the drill-down. */
export type CostSource =
  | { kind: 'direct'; subscriptionId: string; resourceGroup: string; tagKey: string; tagValue: string; amount: bigint }
  | { kind: 'shared'; rule: string; amount: bigint }
  | { kind: 'untagged'; amount: bigint };

export interface OwnerCost {
  owner: string;
  displayName: string;
  direct: bigint;
  shared: bigint;
  untagged: bigint;
  total: bigint;
  sources: CostSource[];
}

export interface AllocationNote {
  code: 'sharedRuleMatchedNothing' | 'proportionalFellBackToEven' | 'noOwnerForSplit';
  /** The shared rule's name, or 'untagged'. */
  subject: string;
}

export interface CurrencyReport {
  currency: string;
  /** Declared owners first in the file's order, then owners only seen in tags (by name), then Unallocated. */
  owners: OwnerCost[];
  /** Σ of the rows: the owners' totals add up to it exactly. */
  total: bigint;
  notes: AllocationNote[];
}

export function allocateChargeback(rows: readonly ChargeRow[], rules: ChargebackRules): CurrencyReport[] {
  const byCurrency = new Map<string, ChargeRow[]>();
  for (const row of rows) {
    const list = byCurrency.get(row.currency) ?? [];
    list.push(row);
    byCurrency.set(row.currency, list);
  }
  return [...byCurrency.keys()].sort().map((currency) => allocateOneCurrency(currency, byCurrency.get(currency) ?? [], rules));
}

function allocateOneCurrency(currency: string, rows: readonly ChargeRow[], rules: ChargebackRules): CurrencyReport {
  const ledger = new OwnerLedger(rules);
  const sharedPools = rules.shared.map(() => 0n);
  const sharedHits = rules.shared.map(() => 0);
  let untaggedPool = 0n;
  let total = 0n;

  for (const row of rows) {
    total += row.amount;
    const ruleIndex = rules.shared.findIndex((rule) => matchesShared(row, rule.match, rules));
    if (ruleIndex >= 0) {
      sharedPools[ruleIndex] += row.amount;
      sharedHits[ruleIndex]++;
      continue;
    }
    const match = ownerOfTags(row.tags, rules.tagKeys, rules.normalization);
    if (match) {
      ledger.addDirect(match.owner, {
        kind: 'direct',
        subscriptionId: row.subscriptionId ?? '',
        resourceGroup: row.resourceGroup ?? '',
        tagKey: match.key,
        tagValue: match.rawValue,
        amount: row.amount,
      });
    } else {
      untaggedPool += row.amount;
    }
  }

  const notes: AllocationNote[] = [];
  const directWeights = ledger.directWeights();
  rules.shared.forEach((rule, i) => {
    if (sharedHits[i] === 0) notes.push({ code: 'sharedRuleMatchedNothing', subject: rule.name });
    else splitShared(sharedPools[i], rule, directWeights, ledger, notes);
  });
  splitUntagged(untaggedPool, rules, directWeights, ledger, notes);

  const owners = ledger.result();
  const sum = owners.reduce((a, o) => a + o.total, 0n);
  if (sum !== total) throw new Error(`chargeback: owners add up to ${sum}, rows to ${total}`);
  return { currency, owners, total, notes };
}

function splitShared(pool: bigint, rule: SharedCostRule, directWeights: Map<string, bigint>, ledger: OwnerLedger, notes: AllocationNote[]): void {
  if (rule.split.mode === 'percentages') {
    const percentages = rule.split.percentages;
    const owners = [...percentages.keys()];
    // Percentages to integer weights: millionths of a percent are finer than any cent split.
    const weights = owners.map((o) => BigInt(Math.round((percentages.get(o) ?? 0) * 1e6)));
    splitAmount(pool, weights).forEach((part, k) => ledger.add(owners[k], 'shared', { kind: 'shared', rule: rule.name, amount: part }));
    return;
  }
  const candidates = rule.split.owners ? [...rule.split.owners] : [...directWeights.keys()];
  distribute(pool, candidates, directWeights, rule.name, notes, (owner, part) => ledger.add(owner, 'shared', { kind: 'shared', rule: rule.name, amount: part }), ledger);
}

function splitUntagged(pool: bigint, rules: ChargebackRules, directWeights: Map<string, bigint>, ledger: OwnerLedger, notes: AllocationNote[]): void {
  if (pool === 0n && ledger.isEmpty()) return;
  const add = (owner: string, part: bigint) => ledger.add(owner, 'untagged', { kind: 'untagged', amount: part });
  switch (rules.untagged.mode) {
    case 'unallocated':
      if (pool !== 0n) add(UNALLOCATED, pool);
      return;
    case 'owner':
      if (pool !== 0n) add(rules.untagged.owner, pool);
      return;
    case 'even': {
      const owners = ledger.allOwners();
      if (owners.length === 0) {
        if (pool !== 0n) notes.push({ code: 'noOwnerForSplit', subject: 'untagged' });
        if (pool !== 0n) add(UNALLOCATED, pool);
        return;
      }
      splitEvenly(pool, owners.length).forEach((part, k) => add(owners[k], part));
      return;
    }
    case 'proportional':
      distribute(pool, [...directWeights.keys()], directWeights, 'untagged', notes, add, ledger);
      return;
  }
}

/** Splits in proportion to positive direct cost; evenly when none is positive; Unallocated when there is nobody. */
function distribute(
  pool: bigint,
  candidates: string[],
  directWeights: Map<string, bigint>,
  subject: string,
  notes: AllocationNote[],
  add: (owner: string, part: bigint) => void,
  ledger: OwnerLedger,
): void {
  if (pool === 0n) return;
  if (candidates.length === 0) {
    candidates = ledger.declaredOwners();
    if (candidates.length === 0) {
      notes.push({ code: 'noOwnerForSplit', subject });
      add(UNALLOCATED, pool);
      return;
    }
  }
  const weights = candidates.map((o) => {
    const w = directWeights.get(o) ?? 0n;
    return w > 0n ? w : 0n;
  });
  if (weights.every((w) => w === 0n)) {
    notes.push({ code: 'proportionalFellBackToEven', subject });
    splitEvenly(pool, candidates.length).forEach((part, k) => add(candidates[k], part));
    return;
  }
  splitAmount(pool, weights).forEach((part, k) => add(candidates[k], part));
}

function matchesShared(row: ChargeRow, match: SharedMatch, rules: ChargebackRules): boolean {
  const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();
  if (match.resourceGroup !== undefined && !same(row.resourceGroup, match.resourceGroup)) return false;
  if (match.subscriptionId !== undefined && !same(row.subscriptionId, match.subscriptionId)) return false;
  if (match.meterCategory !== undefined && !same(row.meterCategory, match.meterCategory)) return false;
  if (match.tag !== undefined) {
    const wantedKey = match.tag.key.toLowerCase();
    const wantedValue = normalizeTagValue(match.tag.value, rules.normalization);
    const carried = Object.entries(row.tags ?? {}).some(
      ([key, value]) => key.toLowerCase() === wantedKey && normalizeTagValue(value, rules.normalization) === wantedValue,
    );
    if (!carried) return false;
  }
  return true;
}

/** Owners' running amounts, in report order. */
class OwnerLedger {
  private readonly owners = new Map<string, OwnerCost>();
  private readonly declared: string[];

  constructor(private readonly rules: ChargebackRules) {
    this.declared = rules.owners.map((o) => o.id);
  }

  addDirect(owner: string, source: CostSource): void {
    this.add(owner, 'direct', source);
  }

  add(owner: string, part: 'direct' | 'shared' | 'untagged', source: CostSource): void {
    const entry = this.entry(owner);
    entry[part] += source.amount;
    entry.total += source.amount;
    const same = entry.sources.find((s) => sameSource(s, source));
    if (same) same.amount += source.amount;
    else entry.sources.push({ ...source });
  }

  directWeights(): Map<string, bigint> {
    const weights = new Map<string, bigint>();
    for (const o of this.ordered()) if (o.owner !== UNALLOCATED && o.sources.some((s) => s.kind === 'direct')) weights.set(o.owner, o.direct);
    return weights;
  }

  declaredOwners(): string[] {
    return [...this.declared];
  }

  /** Declared owners and owners seen in tags, in report order. */
  allOwners(): string[] {
    const seen = new Set([...this.declared, ...this.ordered().map((o) => o.owner)]);
    seen.delete(UNALLOCATED);
    return [...seen];
  }

  isEmpty(): boolean {
    return this.owners.size === 0;
  }

  result(): OwnerCost[] {
    return this.ordered().filter((o) => o.total !== 0n || o.sources.length > 0);
  }

  private ordered(): OwnerCost[] {
    const declaredIndex = new Map(this.declared.map((id, i) => [id, i]));
    return [...this.owners.values()].sort((a, b) => rank(a.owner) - rank(b.owner) || a.owner.localeCompare(b.owner));
    function rank(owner: string): number {
      if (owner === UNALLOCATED) return Number.MAX_SAFE_INTEGER;
      return declaredIndex.get(owner) ?? Number.MAX_SAFE_INTEGER - 1;
    }
  }

  private entry(owner: string): OwnerCost {
    let entry = this.owners.get(owner);
    if (!entry) {
      const displayName = this.rules.owners.find((o) => o.id === owner)?.displayName ?? owner;
      entry = { owner, displayName, direct: 0n, shared: 0n, untagged: 0n, total: 0n, sources: [] };
      this.owners.set(owner, entry);
    }
    return entry;
  }
}

function sameSource(a: CostSource, b: CostSource): boolean {
  if (a.kind === 'direct' && b.kind === 'direct')
    return a.subscriptionId === b.subscriptionId && a.resourceGroup === b.resourceGroup && a.tagKey === b.tagKey && a.tagValue === b.tagValue;
  if (a.kind === 'shared' && b.kind === 'shared') return a.rule === b.rule;
  return a.kind === 'untagged' && b.kind === 'untagged';
}
