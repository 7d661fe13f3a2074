// Reading Azure's JSON without trusting it. A `WireReader` wraps one object (usually an item's
// `properties`), hands out typed values, and records every value it could not read as a
// `ParseIssue` instead of throwing — a view can show "date could not be read: 2018-02-30" and
// still show the rest of the item.
import { CalendarDate, parseCalendarDate, parseInstant } from './dates';
import { Money, MoneyWithExchangeRate } from './money';
import { Open, readOpenEnum } from './openEnum';

export interface ParseIssue {
  /** The wire name of the field, e.g. `invoiceDate` or `properties.balanceSummary.currentBalance`. */
  field: string;
  /** What came, as text. */
  raw: string;
  reason: string;
}

export type RawObject = Record<string, unknown>;

export function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): RawObject {
  return isObject(value) ? value : {};
}

/** A value as text for a message: strings as they are, anything else as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') { return value; }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export class WireReader {
  readonly raw: RawObject;

  constructor(raw: unknown, private readonly issues: ParseIssue[] = [], private readonly prefix = '') {
    this.raw = asObject(raw);
  }

  /** A reader over a nested object, sharing this reader's issue list. */
  child(name: string): WireReader {
    return new WireReader(this.raw[name], this.issues, `${this.prefix}${name}.`);
  }

  /** The issues recorded so far (shared with children). */
  problems(): ParseIssue[] {
    return this.issues;
  }

  note(name: string, value: unknown, reason: string): void {
    this.issues.push({ field: this.prefix + name, raw: show(value), reason });
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  /** The first present key among spellings (Azure sometimes changes case: `OrganizationType`). */
  private pick(names: string | string[]): [string, unknown] {
    const list = Array.isArray(names) ? names : [names];
    for (const n of list) { if (this.raw[n] !== undefined && this.raw[n] !== null) { return [n, this.raw[n]]; } }
    return [list[0], undefined];
  }

  str(names: string | string[]): string | undefined {
    const [name, v] = this.pick(names);
    if (v === undefined) { return undefined; }
    if (typeof v === 'string') { return v; }
    if (typeof v === 'number' || typeof v === 'boolean') { return String(v); }
    this.note(name, v, 'Expected text.');
    return undefined;
  }

  num(names: string | string[]): number | undefined {
    const [name, v] = this.pick(names);
    if (v === undefined) { return undefined; }
    if (typeof v === 'number' && Number.isFinite(v)) { return v; }
    // Some fields (usageDetails `exchangeRate`) arrive as numeric strings.
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) { return Number(v); }
    this.note(name, v, 'Expected a number.');
    return undefined;
  }

  bool(names: string | string[]): boolean | undefined {
    const [name, v] = this.pick(names);
    if (v === undefined) { return undefined; }
    if (typeof v === 'boolean') { return v; }
    if (v === 'true' || v === 'True') { return true; }
    if (v === 'false' || v === 'False') { return false; }
    this.note(name, v, 'Expected true or false.');
    return undefined;
  }

  strings(names: string | string[]): string[] {
    const [, v] = this.pick(names);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  /** A string map (`tags`, `labels`); non-string values are dropped. */
  stringMap(names: string | string[]): Record<string, string> {
    const [, v] = this.pick(names);
    const out: Record<string, string> = {};
    if (isObject(v)) { for (const [k, x] of Object.entries(v)) { if (typeof x === 'string') { out[k] = x; } } }
    return out;
  }

  array(names: string | string[]): unknown[] {
    const [, v] = this.pick(names);
    return Array.isArray(v) ? v : [];
  }

  enum<K extends string>(names: string | string[], known: readonly K[], aliases?: Readonly<Record<string, K>>): Open<K> | undefined {
    const [, v] = this.pick(names);
    return readOpenEnum(v, known, aliases);
  }

  instant(names: string | string[]): Date | undefined {
    const [name, v] = this.pick(names);
    if (v === undefined || v === '') { return undefined; }
    const parsed = parseInstant(v);
    if (parsed.ok) { return parsed.value; }
    this.note(name, v, parsed.reason);
    return undefined;
  }

  date(names: string | string[]): CalendarDate | undefined {
    const [name, v] = this.pick(names);
    if (v === undefined || v === '') { return undefined; }
    const parsed = parseCalendarDate(v);
    if (parsed.ok) { return parsed.value; }
    this.note(name, v, parsed.reason);
    return undefined;
  }

  /** An `Amount` `{ currency, value }`; `fallbackCurrency` fills a missing currency. */
  money(names: string | string[], fallbackCurrency?: string): Money | undefined {
    const [name, v] = this.pick(names);
    if (v === undefined) { return undefined; }
    return readAmount(v, fallbackCurrency, (reason) => this.note(name, v, reason));
  }

  moneyWithRate(names: string | string[], fallbackCurrency?: string): MoneyWithExchangeRate | undefined {
    const [name, v] = this.pick(names);
    if (v === undefined) { return undefined; }
    const base = readAmount(v, fallbackCurrency, (reason) => this.note(name, v, reason));
    if (!base) { return undefined; }
    const r = asObject(v);
    const out: MoneyWithExchangeRate = { ...base };
    if (typeof r.exchangeRate === 'number') { out.exchangeRate = r.exchangeRate; }
    if (typeof r.exchangeRateMonth === 'number') { out.exchangeRateMonth = r.exchangeRateMonth; }
    return out;
  }
}

function readAmount(v: unknown, fallbackCurrency: string | undefined, note: (reason: string) => void): Money | undefined {
  if (!isObject(v)) {
    note('Expected an amount { currency, value }.');
    return undefined;
  }
  const value = typeof v.value === 'string' && v.value.trim() !== '' ? Number(v.value) : v.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    // Budgets' currentSpend uses `amount` + `unit`; accept that spelling too.
    if (typeof v.amount === 'number') { return { amount: v.amount, currency: show(v.unit ?? v.currency ?? fallbackCurrency ?? '') }; }
    if (v.value === undefined || v.value === null) { return undefined; }
    note('The amount is not a number.');
    return undefined;
  }
  const currency = typeof v.currency === 'string' && v.currency !== '' ? v.currency : fallbackCurrency ?? '';
  return { amount: value, currency };
}

/** The fields every ARM item carries. */
export interface ArmIdentity {
  /** Full ARM id as sent (case not normalised: compare with `sameArmId`). */
  id: string;
  name: string;
  type?: string;
}

export function readIdentity(raw: unknown): ArmIdentity {
  const r = asObject(raw);
  const id = typeof r.id === 'string' ? r.id : '';
  const name = typeof r.name === 'string' ? r.name : lastSegment(id);
  return { id, name, ...(typeof r.type === 'string' ? { type: r.type } : {}) };
}

export function lastSegment(id: string): string {
  const parts = id.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

/** ARM ids compare case-insensitively (examples even spell `BillingAccounts` with a capital B). */
export function sameArmId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}
