// Actual costs from Cost Management query rows (docs/azure-apis.md#cost-management-query) as a cube
// of the same shape as the estimate, so the same grouping, table, CSV and comparison apply. Rows
// carry only the dimensions that were queried; resource details the rows lack (tags, region) are
// taken from the usage cube's resources when a lookup is given, so regrouping needs no new query.

import { parseIsoDate } from './calendar';
import { CostCube, CubeLine, DayRange, zeroes } from './costCube';
import { DimensionTable, ResourceInfo, describeResourceUri } from './dimensions';
import { fixedFromNumber } from './fixedDecimal';
import { CostQueryRow } from './inputs';

export interface ActualCostStats {
  rows: number;
  outOfRange: number;
}

export interface ActualCostResult {
  cube: CostCube;
  stats: ActualCostStats;
}

/** Reads a dimension by any of the names Cost Management uses for it, case-insensitively. */
function dimension(row: CostQueryRow, ...names: string[]): string {
  for (const name of names) {
    const v = row.dimensions[name];
    if (v !== undefined && v !== null && v !== '') { return String(v); }
  }
  const lowered = names.map((n) => n.toLowerCase());
  for (const [k, v] of Object.entries(row.dimensions)) {
    if (v && lowered.includes(k.toLowerCase())) { return String(v); }
  }
  return '';
}

export interface ActualCostOptions {
  /** Display names of subscriptions by id (lower-case), for grouping by subscription. */
  subscriptionNames?: ReadonlyMap<string, string>;
}

export async function collectActualCosts(
  rows: AsyncIterable<CostQueryRow> | Iterable<CostQueryRow>,
  range: DayRange,
  knownResources?: DimensionTable,
  options: ActualCostOptions = {},
): Promise<ActualCostResult> {
  const cube: CostCube = {
    granularity: 'day',
    firstBucket: range.first,
    bucketCount: range.last - range.first + 1,
    lines: [],
    dimensions: new DimensionTable(),
  };
  const stats: ActualCostStats = { rows: 0, outOfRange: 0 };
  const lineByKey = new Map<string, CubeLine>();
  for await (const row of rows) {
    stats.rows++;
    const day = parseIsoDate(row.date);
    const index = day === undefined ? -1 : day - cube.firstBucket;
    if (index < 0 || index >= cube.bucketCount) {
      stats.outOfRange++;
      continue;
    }
    const resource = resourceOf(row, cube.dimensions, knownResources);
    const category = dimension(row, 'MeterCategory', 'ServiceName');
    const meterName = dimension(row, 'Meter', 'MeterName');
    const subscriptionId = dimension(row, 'SubscriptionId');
    const currency = row.cost.currency;
    const key = `${subscriptionId}\n${resource.key}\n${category}\n${meterName}\n${currency}`;
    let line = lineByKey.get(key);
    if (!line) {
      line = {
        subscriptionId,
        subscriptionName: options.subscriptionNames?.get(subscriptionId.toLowerCase()) || dimension(row, 'SubscriptionName') || undefined,
        resource,
        meter: cube.dimensions.meter(`${category}\n${meterName}`, () => ({
          meterId: meterName || category,
          name: meterName || category,
          category,
          subCategory: '',
          region: '',
          unit: '',
        })),
        cost: zeroes(cube.bucketCount),
        currency,
      };
      lineByKey.set(key, line);
      cube.lines.push(line);
    }
    line.cost![index] += fixedFromNumber(row.cost.amount);
  }
  return { cube, stats };
}

function resourceOf(row: CostQueryRow, table: DimensionTable, known?: DimensionTable): ResourceInfo {
  const uri = dimension(row, 'ResourceId');
  const tagKey = dimension(row, 'TagKey');
  const tagValue = dimension(row, 'TagValue');
  // Without a resource id, the row stands for whatever of group, type and location was queried:
  // each combination is its own pseudo-resource, or rows grouped by type alone would all share one.
  const key =
    uri.toLowerCase() ||
    ['rg', dimension(row, 'ResourceGroupName', 'ResourceGroup'), dimension(row, 'ResourceType'), dimension(row, 'ResourceLocation')].join(':').toLowerCase();
  const tableKey = tagKey ? `${key}\n${tagKey}\n${tagValue}` : key;
  return table.resource(tableKey, () => {
    const fromUsage = uri ? known?.findResource(uri) : undefined;
    const described = uri ? describeResourceUri(uri) : undefined;
    const tags: Record<string, string> = { ...(fromUsage?.tags ?? {}) };
    if (tagKey && tagValue) { tags[tagKey] = tagValue; }
    return {
      key: uri.toLowerCase(),
      uri,
      name: described?.name ?? '',
      resourceGroup: (described?.resourceGroup || dimension(row, 'ResourceGroupName', 'ResourceGroup')).toLowerCase(),
      service: described?.service || dimension(row, 'ResourceType').toLowerCase() || fromUsage?.service || '',
      region: (dimension(row, 'ResourceLocation') || fromUsage?.region || '').toLowerCase(),
      tags,
    };
  });
}
