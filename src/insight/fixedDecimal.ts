// The one decimal type for money and quantities: a bigint counting 10^-18 units.
// Azure's money values are decimals; summing floats drifts (0.1 + 0.2) and breaks the rule that a
// total equals the sum of its rows. Eighteen places hold every rate, quantity and per-row cost Azure
// sends (rates go down to about 1e-8 per unit, usage costs come with 15 decimals) and leave rounding
// to the moment we display.

export type Fixed = bigint;

export const FIXED_PLACES = 18;
export const FIXED_ONE: Fixed = 10n ** BigInt(FIXED_PLACES);
export const FIXED_ZERO: Fixed = 0n;

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses a decimal string ("12.5", "-0.0004", "1e-7"); rounds half away from zero beyond 18 places. */
export function fixedFromString(text: string): Fixed {
  const m = DECIMAL.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    throw new RangeError(`Not a decimal number: "${text}"`);
  }
  const negative = m[1] === '-';
  const digits = (m[2] || '') + (m[3] || '');
  const exponent = Number(m[4] || 0) - (m[3] || '').length + FIXED_PLACES;
  let value: bigint;
  if (exponent >= 0) {
    value = BigInt(digits || '0') * 10n ** BigInt(exponent);
  } else {
    value = divRound(BigInt(digits || '0'), 10n ** BigInt(-exponent));
  }
  return negative ? -value : value;
}

/** Converts a JSON number through its shortest decimal text, so 0.1 becomes exactly 0.1. */
export function fixedFromNumber(value: number): Fixed {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return BigInt(value) * FIXED_ONE;
  // Without text, when that is provably the same: below 2048 a double's spacing is under 10^-12,
  // so at most one multiple of 10^-12 rounds to `value`. If `scaled` is one (it reads back as
  // `value`), it is the coarsest decimal that does, hence the shortest text's own value.
  if (Math.abs(value) < 2048) {
    const scaled = Math.round(value * FAST_SCALE);
    if (scaled / FAST_SCALE === value) return BigInt(scaled) * FAST_TO_FIXED;
  }
  return fixedFromString(String(value));
}

/** The fast path reads numbers at 12 places (exact in doubles below 2048), then widens them. */
const FAST_PLACES = 12;
const FAST_SCALE = 10 ** FAST_PLACES;
const FAST_TO_FIXED = 10n ** BigInt(FIXED_PLACES - FAST_PLACES);

/** Integer division rounding half away from zero. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs + denominator / 2n) / denominator;
  return negative ? -q : q;
}

export function fixedMul(a: Fixed, b: Fixed): Fixed {
  return divRound(a * b, FIXED_ONE);
}

/** a / b, rounded at the last place. */
export function fixedDiv(a: Fixed, b: Fixed): Fixed {
  return divRound(a * FIXED_ONE, b);
}

/** a × n / d exactly once rounded (shares of a total, unit conversions). */
export function fixedMulDiv(a: Fixed, n: Fixed, d: Fixed): Fixed {
  return divRound(a * n, d);
}

export function fixedMin(a: Fixed, b: Fixed): Fixed {
  return a < b ? a : b;
}

export function fixedMax(a: Fixed, b: Fixed): Fixed {
  return a > b ? a : b;
}

/** Rounds to `places` decimals (half away from zero) and returns the count of those units (cents for 2). */
export function fixedToUnits(value: Fixed, places: number): bigint {
  return divRound(value, 10n ** BigInt(FIXED_PLACES - places));
}

/** For display and charts only: never feed the result back into sums. */
export function fixedToNumber(value: Fixed): number {
  return Number(fixedToString(value));
}

/** Exact decimal text without trailing zeros ("243.55", "-0.0004", "0"). */
export function fixedToString(value: Fixed): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / FIXED_ONE;
  const fraction = (abs % FIXED_ONE).toString().padStart(FIXED_PLACES, '0').replace(/0+$/, '');
  return (negative ? '-' : '') + whole.toString() + (fraction ? '.' + fraction : '');
}

/** Minor units (e.g. cents) as decimal text with exactly `places` decimals: 24355n, 2 → "243.55". */
export function unitsToDecimalString(units: bigint | number, places: number): string {
  const big = BigInt(units);
  const negative = big < 0n;
  const abs = (negative ? -big : big).toString().padStart(places + 1, '0');
  const whole = abs.slice(0, abs.length - places);
  const fraction = places > 0 ? '.' + abs.slice(abs.length - places) : '';
  return (negative ? '-' : '') + whole + fraction;
}
