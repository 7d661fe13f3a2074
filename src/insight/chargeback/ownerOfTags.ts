// Which owner a row's tags name: the first of the rules' tag keys the row carries (keys compared
// case-insensitively, since Azure tag names are case-insensitive and real estates hold both
// `costcenter` and `CostCenter`), its value cleaned up by the rules' normalization.

import type { ValueNormalization } from './rules';

export type Tags = Readonly<Record<string, string>>;

export interface TagMatch {
  /** The owner id after normalization and aliases. */
  owner: string;
  /** The key as the row carried it and the raw value, for the drill-down. */
  key: string;
  rawValue: string;
}

export function ownerOfTags(tags: Tags | undefined, tagKeys: readonly string[], normalization: ValueNormalization): TagMatch | undefined {
  if (!tags) return undefined;
  const entries = Object.entries(tags);
  for (const wanted of tagKeys) {
    const lower = wanted.toLowerCase();
    for (const [key, rawValue] of entries) {
      if (key.toLowerCase() !== lower) continue;
      const owner = normalizeTagValue(rawValue, normalization);
      if (owner !== '') return { owner, key, rawValue };
    }
  }
  return undefined;
}

/** The owner id a raw tag value stands for; '' for a value that is empty once trimmed. */
export function normalizeTagValue(raw: string, normalization: ValueNormalization): string {
  const trimmed = normalization.trimWhitespace ? raw.replace(/\s+/g, ' ').trim() : raw;
  if (trimmed.trim() === '') return '';
  const alias = normalization.aliases.get(trimmed.trim().toLowerCase());
  if (alias !== undefined) return alias;
  return applyCase(trimmed, normalization.letterCase);
}

function applyCase(value: string, letterCase: ValueNormalization['letterCase']): string {
  switch (letterCase) {
    case 'lower':
      return value.toLowerCase();
    case 'upper':
      return value.toUpperCase();
    case 'title':
      return value.toLowerCase().replace(/(^|[\s\-_/])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
    case 'preserve':
      return value;
  }
}
