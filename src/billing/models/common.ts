// Small shapes shared by several billing models.
import { isObject, ParseIssue, WireReader } from './wire';

export interface Address {
  companyName?: string;
  firstName?: string;
  lastName?: string;
  addressLine1?: string;
  addressLine2?: string;
  addressLine3?: string;
  city?: string;
  district?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  email?: string;
  phoneNumber?: string;
}

/** Children that came inline through `$expand`. */
export interface Expanded<T> {
  items: T[];
  /** The service said it left some out: list them with their own call. */
  hasMoreResults: boolean;
}

export function parseAddress(raw: unknown): Address | undefined {
  if (!isObject(raw)) { return undefined; }
  const r = new WireReader(raw);
  const out: Address = {};
  for (const key of ['companyName', 'firstName', 'lastName', 'addressLine1', 'addressLine2', 'addressLine3', 'city', 'district', 'region', 'postalCode', 'country', 'email', 'phoneNumber'] as const) {
    const v = r.str(key);
    if (v !== undefined) { out[key] = v; }
  }
  return out;
}

/**
 * The expansion of children on an account or profile. Early examples send a plain array; later
 * revisions and the live service send `{ hasMoreResults, value }`, sometimes with `value: null`
 * (treated as "not returned", so the caller lists them separately).
 */
export function readExpanded<T>(raw: unknown, parse: (item: unknown) => T): Expanded<T> | undefined {
  if (Array.isArray(raw)) { return { items: raw.map(parse), hasMoreResults: false }; }
  if (!isObject(raw) || !Array.isArray(raw.value)) { return undefined; }
  return { items: raw.value.map(parse), hasMoreResults: raw.hasMoreResults === true };
}

export function withIssues<T extends object>(model: T, issues: ParseIssue[]): T {
  return issues.length ? { ...model, issues } : model;
}

