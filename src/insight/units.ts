// Units of measure as UsageAggregates and RateCard spell them. The two APIs name the same unit
// differently ("10,000s" vs "10K", "Hours" vs "1 Hour", "GB" vs "1 GB/Month") and sometimes count
// in different packs ("1 Hour" vs "100 Hours"), so a quantity is converted before it is priced.

import { Fixed, fixedFromString, fixedMulDiv } from './fixedDecimal';

export interface ParsedUnit {
  /** How many base units one unit holds ("10K" → 10000). */
  factor: Fixed;
  /** The thing counted, normalised ("hour", "gb", "" for plain counts). */
  base: string;
}

const LEADING_AMOUNT = /^(\d+(?:\.\d+)?)(?:([km])(?![a-z]))?\s*(.*)$/;

const SYNONYMS: Record<string, string> = {
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  unit: '',
  count: '',
  s: '', // "10,000s": ten-thousands of something uncounted
  // Managed disks: usage counts "Disks", the rate card prices "1/Month" of a plain count.
  disk: '',
  '': '',
};

export function parseUnit(unit: string): ParsedUnit {
  let text = unit.trim().toLowerCase().replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  let factor = fixedFromString('1');
  const m = LEADING_AMOUNT.exec(text);
  if (m) {
    factor = fixedFromString(m[1]);
    if (m[2] === 'k') { factor *= 1000n; }
    if (m[2] === 'm') { factor *= 1_000_000n; }
    text = m[3];
  }
  return { factor, base: normaliseBase(text) };
}

function normaliseBase(text: string): string {
  // Monthly capacity meters: usage says "GB", the rate card "GB/Month"; the quantity is already
  // pro-rated by Azure, so the period suffix does not change what is counted.
  let base = text.replace(/\s*\/\s*month$/, '').trim();
  if (base.length > 2 && base.endsWith('s') && !base.endsWith('ss')) { base = base.slice(0, -1); }
  return SYNONYMS[base] ?? base;
}

/**
 * Converts a quantity measured in `from` units to `to` units, or undefined when the two count
 * different things (then the meter is reported, not priced).
 */
export function convertQuantity(quantity: Fixed, from: string, to: string): Fixed | undefined {
  if (from === to) { return quantity; }
  const ratio = unitRatio(from, to);
  return ratio && fixedMulDiv(quantity, ratio.numerator, ratio.denominator);
}

export interface UnitRatio {
  numerator: Fixed;
  denominator: Fixed;
}

const ratios = new Map<string, UnitRatio | null>();

/** quantity_in_to = quantity_in_from × numerator / denominator; cached because pricing asks per bucket. */
export function unitRatio(from: string, to: string): UnitRatio | undefined {
  const key = from + '\u0000' + to;
  let ratio = ratios.get(key);
  if (ratio === undefined) {
    const a = parseUnit(from);
    const b = parseUnit(to);
    ratio = a.base === b.base ? { numerator: a.factor, denominator: b.factor } : null;
    ratios.set(key, ratio);
  }
  return ratio ?? undefined;
}
