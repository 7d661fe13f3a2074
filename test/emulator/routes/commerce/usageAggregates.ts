// GET /subscriptions/{id}/providers/Microsoft.Commerce/UsageAggregates (2015-06-01-preview):
// rows selected by reported time, `continuationToken` paging in a top-level nextLink, instanceData
// as a JSON string, flat errors (docs/azure-apis.md#usageaggregates).
import { continuationUrl, flatError } from '../../arm';
import { EmuHttpError, EmuRequest, EmuResponse } from '../../http';
import { commerceTime, compactDay } from '../../world/usage/calendar';
import type { UsageWorld } from '../../world/usage';
import { Cursor, reportedPage, ReportedRow } from '../../world/usage/reportedUsage';
import { QUANTITY_SCALE } from '../../world/usage/tierCost';
import { parseUsageAggregatesQuery } from './reportedTime';

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`usage:${cursor.bucket}:${cursor.slot}`).toString('base64');
}

export function decodeCursor(token: string | undefined, fromBucket: number): Cursor {
  if (!token) { return { bucket: fromBucket, slot: 0 }; }
  const match = /^usage:(\d+):(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!match) { throw new EmuHttpError(flatError(400, 'InvalidInput', 'The continuation token is invalid.')); }
  return { bucket: Number(match[1]), slot: Number(match[2]) };
}

export function usageAggregates(usage: UsageWorld, req: EmuRequest, subscriptionId: string, pageSize: number): EmuResponse {
  const query = parseUsageAggregatesQuery(req);
  const cursor = decodeCursor(req.q('continuationToken'), query.fromBucket);
  const page = reportedPage(usage, { subscriptionId, ...query }, cursor, pageSize);
  const value = page.rows.map((row) => toJson(subscriptionId, query.granularity, row));
  return {
    status: 200,
    json: page.next ? { value, nextLink: continuationUrl(req, 'continuationToken', encodeCursor(page.next)) } : { value },
  };
}

function toJson(subscriptionId: string, granularity: string, row: ReportedRow) {
  const day = Math.floor(row.usageStartHour / 24);
  const hh = String(row.usageStartHour - day * 24).padStart(2, '0');
  const name = `${granularity}_${row.code}_${compactDay(day)}_${hh}00`;
  const m = row.meter;
  const properties: Record<string, unknown> = {
    subscriptionId,
    usageStartTime: commerceTime(row.usageStartHour),
    usageEndTime: commerceTime(row.usageStartHour + row.hours),
    meterId: m.meterId,
    meterName: m.meterName,
    meterCategory: m.meterCategory,
    meterSubCategory: m.meterSubCategory,
    meterRegion: m.regionDisplayName,
    unit: m.usageUnit,
    quantity: row.quantity / QUANTITY_SCALE,
    infoFields: {},
  };
  const r = row.stream?.resource;
  if (r?.classic) {
    // Classic resources report the legacy infoFields and no instanceData.
    properties.infoFields = { meteredRegion: m.regionDisplayName, meteredService: m.meterCategory, meteredServiceType: '', project: r.name };
  } else if (r) {
    const resources: Record<string, unknown> = { resourceUri: r.resourceId, location: r.location };
    if (r.tags) { resources.tags = r.tags; }
    if (r.additionalInfo) { resources.additionalInfo = r.additionalInfo; }
    properties.instanceData = JSON.stringify({ 'Microsoft.Resources': resources });
  }
  return {
    id: `/subscriptions/${subscriptionId}/providers/Microsoft.Commerce/UsageAggregates/${name}`,
    name,
    type: 'Microsoft.Commerce/UsageAggregate',
    properties,
  };
}
