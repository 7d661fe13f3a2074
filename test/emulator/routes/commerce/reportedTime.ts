// Query parameters of UsageAggregates, validated as the service does
// (docs/azure-apis.md#usageaggregates). Messages are ours [inf]; the shape is Commerce's flat
// {code, message}.
import { flatError } from '../../arm';
import { EmuHttpError, EmuRequest } from '../../http';
import type { Granularity } from '../../world/usage/reportedUsage';

export interface UsageAggregatesQuery {
  granularity: Granularity;
  showDetails: boolean;
  /** Day numbers (Daily) or hour numbers (Hourly), [from, to). */
  fromBucket: number;
  toBucket: number;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

function invalid(message: string): never {
  throw new EmuHttpError(flatError(400, 'InvalidInput', message));
}

function instant(req: EmuRequest, name: string): number {
  const raw = req.q(name);
  if (raw === undefined || raw === '') { invalid(`The query parameter '${name}' is required.`); }
  // An unencoded '+' in the offset arrives as a space; ISO_WITH_ZONE then refuses it, as Azure does.
  if (!ISO_WITH_ZONE.test(raw)) { invalid(`The value '${raw}' of '${name}' is not a valid ISO 8601 date-time with a time zone (e.g. 2024-05-01T00:00:00+00:00; encode '+' as %2B).`); }
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) { invalid(`The value '${raw}' of '${name}' is not a valid date-time.`); }
  return ms;
}

export function parseUsageAggregatesQuery(req: EmuRequest): UsageAggregatesQuery {
  const start = instant(req, 'reportedStartTime');
  const end = instant(req, 'reportedEndTime');
  const rawGranularity = req.q('aggregationGranularity') ?? 'Daily';
  const granularity = (['Daily', 'Hourly'] as const).find((g) => g.toLowerCase() === rawGranularity.toLowerCase());
  if (!granularity) { invalid(`The value '${rawGranularity}' of 'aggregationGranularity' is not valid. Allowed values are 'Daily' and 'Hourly'.`); }
  const rawDetails = req.q('showDetails') ?? 'true';
  if (!/^(true|false)$/i.test(rawDetails)) { invalid(`The value '${rawDetails}' of 'showDetails' is not a valid boolean.`); }
  const unit = granularity === 'Daily' ? 86_400_000 : 3_600_000;
  if (start % unit !== 0 || end % unit !== 0) {
    invalid(granularity === 'Daily'
      ? 'reportedStartTime and reportedEndTime must be at 00:00:00 UTC for Daily aggregation.'
      : 'reportedStartTime and reportedEndTime must be on the hour for Hourly aggregation.');
  }
  if (end <= start) { invalid('reportedEndTime must be later than reportedStartTime.'); }
  return { granularity, showDetails: rawDetails.toLowerCase() === 'true', fromBucket: start / unit, toBucket: end / unit };
}
