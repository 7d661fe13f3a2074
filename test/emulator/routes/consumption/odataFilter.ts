// The small `$filter` language of Consumption lots and events
// (docs/azure-apis.md#consumption-filters): `field op 'value'` terms joined by `and`; operators eq,
// lt, gt, le, ge. `ne`, `or` and `not` are refused with 400, as they are unsupported. Field names
// and string values compare case-insensitively (the examples write 'active',
// 'consumptioncommitment').
import { badRequest } from '../../arm';

export type FilterOp = 'eq' | 'lt' | 'gt' | 'le' | 'ge';
export interface FilterTerm {
  field: string;
  op: FilterOp;
  value: string;
}

const TERM = /^\s*([A-Za-z_/]+)\s+(\w+)\s+(?:'([^']*)'|([^\s']+))\s*$/;

export function parseFilter(text: string | undefined, fields: readonly string[]): FilterTerm[] {
  if (!text || !text.trim()) { return []; }
  if (/(^|\s)(or|not)(\s|\(|$)/i.test(text)) { badRequest(`The $filter '${text}' uses 'or' or 'not', which are not supported. Supported: eq, lt, gt, le, ge joined by 'and'.`, 'InvalidFilter'); }
  return text.split(/\s+and\s+/i).map((part) => {
    const m = TERM.exec(part);
    if (!m) { badRequest(`The $filter term '${part.trim()}' could not be parsed. Use field op 'value'.`, 'InvalidFilter'); }
    const field = m[1].toLowerCase();
    const op = m[2].toLowerCase();
    if (!['eq', 'lt', 'gt', 'le', 'ge'].includes(op)) { badRequest(`The $filter operator '${m[2]}' is not supported. Supported: eq, lt, gt, le, ge.`, 'InvalidFilter'); }
    if (!fields.includes(field)) { badRequest(`The $filter field '${m[1]}' is not supported. Supported: ${fields.join(', ')}.`, 'InvalidFilter'); }
    return { field, op: op as FilterOp, value: m[3] ?? m[4] };
  });
}

/** True when `actual` satisfies every term on its field (dates compare on their YYYY-MM-DD part). */
export function matches(terms: readonly FilterTerm[], get: (field: string) => string): boolean {
  return terms.every((t) => {
    const isDate = /^\d{4}-\d{2}-\d{2}/.test(t.value);
    const a = isDate ? get(t.field).slice(0, 10) : get(t.field).toLowerCase();
    const b = isDate ? t.value.slice(0, 10) : t.value.toLowerCase();
    switch (t.op) {
      case 'eq': return a === b;
      case 'lt': return a < b;
      case 'gt': return a > b;
      case 'le': return a <= b;
      case 'ge': return a >= b;
    }
  });
}
