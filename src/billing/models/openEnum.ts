// Enum-like strings from Azure are open sets: the specs and their own examples disagree
// (`OverDue` vs `PastDue`, `CreditExpired` vs `ExpiredCredit`), and new versions add values.
// Known values are typed for autocompletion; anything else is kept exactly as it came.

/** A known value, or any other string Azure sent. */
// `string & {}` keeps the literal members visible to the editor while accepting every string.
export type Open<Known extends string> = Known | (string & {});

/**
 * Reads an open enum: a case-insensitive match to a known value gives that value's canonical
 * spelling; a listed alias gives the value it stands for; anything else comes back unchanged.
 * Returns undefined for absent, null or non-string input.
 */
export function readOpenEnum<Known extends string>(
  raw: unknown,
  known: readonly Known[],
  aliases: Readonly<Record<string, Known>> = {},
): Open<Known> | undefined {
  if (typeof raw !== 'string' || raw === '') { return undefined; }
  const lower = raw.toLowerCase();
  const match = known.find((k) => k.toLowerCase() === lower);
  if (match) { return match; }
  for (const [alias, target] of Object.entries(aliases)) {
    if (alias.toLowerCase() === lower) { return target; }
  }
  return raw;
}

export function isKnown<Known extends string>(value: string | undefined, known: readonly Known[]): value is Known {
  return value !== undefined && (known as readonly string[]).includes(value);
}
