// Which Cost Management queries a chargeback needs, and how their answers become cost rows.
// Cost Management groups by at most two columns per query (docs/azure-apis.md#cost-management-query),
// so one query cannot carry several tag keys, the resource group, the subscription and the meter
// category at once. The plan: one query per tag key, grouped by `ResourceId` and that `TagKey`
// (the resource id carries the subscription and the resource group), plus one grouped by
// `ResourceId` and `MeterCategory` only when a shared rule matches on meter category. Each query
// covers the whole scope (a billing profile's every subscription at once), never one per
// subscription. The answers are joined on the resource id.

import type { Tags } from './ownerOfTags';
import type { ChargebackRules } from './rules';

export type PlannedGrouping = { type: 'Dimension'; name: 'ResourceId' | 'MeterCategory' } | { type: 'TagKey'; name: string };

export interface PlannedQuery {
  groupBy: [PlannedGrouping, PlannedGrouping];
  /** What the answer contributes to the join. */
  role: { kind: 'tag'; key: string } | { kind: 'meterCategory' };
}

export function planChargebackQueries(rules: ChargebackRules): PlannedQuery[] {
  const keys = new Map<string, string>();
  const addKey = (key: string) => {
    if (!keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
  };
  rules.tagKeys.forEach(addKey);
  for (const rule of rules.shared) if (rule.match.tag) addKey(rule.match.tag.key);
  const resourceId: PlannedGrouping = { type: 'Dimension', name: 'ResourceId' };
  const queries: PlannedQuery[] = [...keys.values()].map((key) => ({ groupBy: [resourceId, { type: 'TagKey', name: key }], role: { kind: 'tag', key } }));
  if (rules.shared.some((r) => r.match.meterCategory !== undefined)) {
    queries.push({ groupBy: [resourceId, { type: 'Dimension', name: 'MeterCategory' }], role: { kind: 'meterCategory' } });
  }
  return queries;
}

/** One answer row, as the billing layer reads it (amount as the service sent it). */
export interface AnsweredRow {
  amount: number;
  currency: string;
  dimensions: Record<string, string | undefined>;
}

/** Rows before they are turned into cents: exact amounts, the resource's place and tags. */
export interface JoinedRow {
  amount: number;
  currency: string;
  subscriptionId?: string;
  resourceGroup?: string;
  meterCategory?: string;
  tags?: Tags;
}

/**
 * Joins the planned queries' answers (in the plan's order) on the resource id. The amounts come
 * from the meter-category query when there is one (it splits a resource's cost by category),
 * otherwise from the first tag query; the other answers only contribute tags.
 */
export function joinAnswers(plan: readonly PlannedQuery[], answers: readonly (readonly AnsweredRow[])[]): JoinedRow[] {
  if (plan.length !== answers.length || plan.length === 0) throw new Error('joinAnswers: one answer per planned query');
  const tagsByResource = new Map<string, Record<string, string>>();
  plan.forEach((query, i) => {
    if (query.role.kind !== 'tag') return;
    for (const row of answers[i]) {
      const value = row.dimensions.TagValue;
      if (value === undefined || value === '') continue;
      const id = (row.dimensions.ResourceId ?? '').toLowerCase();
      const tags = tagsByResource.get(id) ?? {};
      tags[row.dimensions.TagKey || query.role.key] = value;
      tagsByResource.set(id, tags);
    }
  });
  const amountsFrom = plan.findIndex((q) => q.role.kind === 'meterCategory');
  const base = answers[amountsFrom >= 0 ? amountsFrom : 0];
  return base.map((row) => {
    const resourceId = row.dimensions.ResourceId ?? '';
    const place = placeOf(resourceId);
    const joined: JoinedRow = { amount: row.amount, currency: row.currency, ...place, tags: tagsByResource.get(resourceId.toLowerCase()) };
    if (amountsFrom >= 0) joined.meterCategory = row.dimensions.MeterCategory;
    return joined;
  });
}

/** The subscription and resource group in an ARM resource id (empty for charges without a resource). */
function placeOf(resourceId: string): { subscriptionId?: string; resourceGroup?: string } {
  const m = /^\/subscriptions\/([^/]+)(?:\/resourcegroups\/([^/]+))?/i.exec(resourceId);
  return m ? { subscriptionId: m[1].toLowerCase(), resourceGroup: m[2] } : {};
}
