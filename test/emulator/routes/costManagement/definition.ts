// The QueryDefinition and ForecastDefinition bodies, validated where the service is strict
// (docs/azure-apis.md#cost-management-query and #cost-management-forecast): type, timeframe,
// timePeriod iff Custom, ≤ 2 aggregations (Sum only), ≤ 2 groupings, known dimensions, well-formed
// filters.
import { armError } from '../../arm';
import { EmuHttpError } from '../../http';
import { DIMENSIONS } from './dimensions';
import { DayRange, resolveTimeframe, Timeframe, TIMEFRAMES } from './timeframe';

export type CostColumn = 'Cost' | 'PreTaxCost' | 'CostUSD' | 'PreTaxCostUSD' | 'UsageQuantity';
const COST_COLUMNS: readonly CostColumn[] = ['Cost', 'PreTaxCost', 'CostUSD', 'PreTaxCostUSD', 'UsageQuantity'];

export type Grouping = { type: 'Dimension'; name: string } | { type: 'TagKey'; name: string };

export type Filter =
  | { and: Filter[] }
  | { or: Filter[] }
  | { dimensions: { name: string; values: string[] } }
  | { tags: { name: string; values: string[] } };

export interface QuerySpec {
  range: DayRange;
  granularity: 'Daily' | 'Monthly' | 'None';
  aggregations: CostColumn[];
  groupings: Grouping[];
  filter?: Filter;
}

export interface ForecastSpec extends QuerySpec {
  includeActualCost: boolean;
  includeFreshPartialCost: boolean;
}

function bad(message: string): never {
  throw new EmuHttpError(armError(400, 'BadRequest', `Invalid query definition: ${message}`));
}

const pick = <T extends string>(value: unknown, allowed: readonly T[], what: string): T => {
  const hit = typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
  if (!hit) { bad(`${what} '${String(value)}' is not valid. Allowed values: ${allowed.join(', ')}.`); }
  return hit;
};

export function parseBody(body: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    bad('the request body is not valid JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) { bad('the request body must be a JSON object.'); }
  return parsed as Record<string, unknown>;
}

function parseFilter(node: unknown, depth = 0): Filter {
  if (!node || typeof node !== 'object' || depth > 10) { bad('filter is malformed.'); }
  const f = node as Record<string, unknown>;
  const keys = Object.keys(f).filter((k) => f[k] !== undefined && f[k] !== null);
  if (keys.length !== 1) { bad('each filter expression must have exactly one of and, or, dimensions, tags.'); }
  const key = keys[0];
  if (key === 'and' || key === 'or') {
    const items = f[key];
    if (!Array.isArray(items) || items.length < 2) { bad(`'${key}' needs at least two expressions.`); }
    return key === 'and' ? { and: items.map((i) => parseFilter(i, depth + 1)) } : { or: items.map((i) => parseFilter(i, depth + 1)) };
  }
  if (key === 'dimensions' || key === 'tags') {
    const leaf = f[key] as { name?: unknown; operator?: unknown; values?: unknown };
    if (!leaf || typeof leaf.name !== 'string' || !leaf.name) { bad(`${key}.name is required.`); }
    if (leaf.operator !== 'In') { bad(`${key}.operator '${String(leaf.operator)}' is not supported; use 'In'.`); }
    if (!Array.isArray(leaf.values) || leaf.values.length === 0 || !leaf.values.every((v) => typeof v === 'string')) { bad(`${key}.values must be a non-empty array of strings.`); }
    if (key === 'dimensions' && !DIMENSIONS[leaf.name.toLowerCase()]) { bad(`dimension '${leaf.name}' is not valid.`); }
    return key === 'dimensions'
      ? { dimensions: { name: leaf.name, values: leaf.values } }
      : { tags: { name: leaf.name, values: leaf.values } };
  }
  bad(`'${key}' is not a valid filter expression.`);
}

interface ParseOptions {
  asOfDay: number;
  forecast: boolean;
  /** Forecast on 2024-08-01 and later takes only the Custom timeframe. */
  customOnly: boolean;
}

export function parseDefinition(body: Record<string, unknown>, options: ParseOptions): ForecastSpec {
  pick(body.type, ['Usage', 'ActualCost', 'AmortizedCost'] as const, 'type');
  const timeframe: Timeframe = options.customOnly ? pick(body.timeframe, ['Custom'] as const, 'timeframe') : pick(body.timeframe, TIMEFRAMES, 'timeframe');
  const range = resolveTimeframe(timeframe, body.timePeriod, options.asOfDay);
  const dataset = (body.dataset ?? {}) as Record<string, unknown>;
  if (typeof dataset !== 'object' || Array.isArray(dataset)) { bad('dataset must be an object.'); }

  const granularity = dataset.granularity === undefined || dataset.granularity === null
    ? (options.forecast ? 'Daily' : 'None')
    : pick(dataset.granularity, options.forecast ? (['Daily'] as const) : (['Daily', 'Monthly', 'None'] as const), 'granularity');

  const aggregationMap = (dataset.aggregation ?? { totalCost: { name: 'Cost', function: 'Sum' } }) as Record<string, { name?: unknown; function?: unknown }>;
  const aliases = Object.keys(aggregationMap);
  if (aliases.length === 0) { bad('aggregation must have at least one entry.'); }
  if (aliases.length > 2) { bad('a query can have at most 2 aggregations.'); }
  const allowedColumns = options.forecast ? COST_COLUMNS.filter((c) => c !== 'UsageQuantity') : COST_COLUMNS;
  const aggregations = aliases.map((alias) => {
    const agg = aggregationMap[alias];
    if (!agg || agg.function !== 'Sum') { bad(`aggregation '${alias}' must use the function 'Sum'.`); }
    return pick(agg.name, allowedColumns, `aggregation column`);
  });

  const rawGroupings = dataset.grouping ?? [];
  if (!Array.isArray(rawGroupings)) { bad('grouping must be an array.'); }
  if (options.forecast && rawGroupings.length > 0) { bad('grouping is not supported for forecast.'); }
  if (rawGroupings.length > 2) { bad('a query can have at most 2 groupings.'); }
  const groupings: Grouping[] = rawGroupings.map((g: { type?: unknown; name?: unknown }) => {
    const type = pick(g?.type, ['Dimension', 'TagKey'] as const, 'grouping type');
    if (typeof g.name !== 'string' || !g.name) { bad('grouping name is required.'); }
    if (type === 'Dimension' && !DIMENSIONS[g.name.toLowerCase()]) { bad(`dimension '${g.name}' is not valid.`); }
    return { type, name: type === 'Dimension' ? DIMENSIONS[g.name.toLowerCase()].name : g.name };
  });

  const filter = dataset.filter === undefined || dataset.filter === null ? undefined : parseFilter(dataset.filter);
  return {
    range, granularity, aggregations, groupings, filter,
    includeActualCost: body.includeActualCost === true,
    includeFreshPartialCost: body.includeFreshPartialCost === true,
  };
}
