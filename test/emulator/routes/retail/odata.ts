// The slice of OData `$filter` the retail prices API understands
// (docs/azure-apis.md#retail-prices-filters): eq, ne, gt, ge, lt, le, and, or, parentheses,
// contains(field,'text') (also `… eq false`). Field names match case-insensitively; values match
// exactly on 2023-01-01-preview and case-insensitively before it. not(…) and unknown priceType
// values are refused with "Invalid OData parameters supplied", lambdas (savingsPlan/any(…)) with
// "Invalid parameters supplied".

export class ODataError extends Error {}

type Literal = string | number | boolean | null;
type Node =
  | { kind: 'or' | 'and'; left: Node; right: Node }
  | { kind: 'compare'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; left: Operand; right: Operand }
  | { kind: 'contains'; field: string; text: string };
type Operand = { kind: 'field'; name: string } | { kind: 'literal'; value: Literal } | { kind: 'contains'; field: string; text: string };

/** Item fields by lower-case filter name; `priceType` is the filter's name for `type`. */
const FIELDS: Record<string, string> = Object.fromEntries(
  ['armRegionName', 'location', 'meterId', 'meterName', 'productId', 'skuId', 'productName', 'skuName', 'serviceName', 'serviceId',
    'serviceFamily', 'type', 'armSkuName', 'reservationTerm', 'unitOfMeasure', 'isPrimaryMeterRegion', 'tierMinimumUnits',
    'effectiveStartDate', 'effectiveEndDate', 'currencyCode', 'retailPrice', 'unitPrice']
    .map((f): [string, string] => [f.toLowerCase(), f]).concat([['pricetype', 'type']]),
);
const PRICE_TYPES = ['consumption', 'reservation', 'devtestconsumption', 'savingsplan'];

const invalid = (): never => {
  throw new ODataError('Invalid OData parameters supplied');
};

type Token = { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'word'; v: string } | { t: 'punct'; v: '(' | ')' | ',' };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')' || c === ',') { out.push({ t: 'punct', v: c }); i++; continue; }
    if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= text.length) { invalid(); }
        if (text[i] === "'" && text[i + 1] === "'") { v += "'"; i += 2; continue; }
        if (text[i] === "'") { i++; break; }
        v += text[i++];
      }
      out.push({ t: 'str', v });
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (num) { out.push({ t: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
    const word = /^[A-Za-z_][\w./:]*/.exec(text.slice(i));
    if (!word) { invalid(); }
    if (word![0].includes('/')) { throw new ODataError('Invalid parameters supplied'); } // a lambda path: savingsPlan/any(...)
    out.push({ t: 'word', v: word![0] });
    i += word![0].length;
  }
  return out;
}

export function parseFilter(text: string): Node {
  const tokens = tokenize(text);
  let pos = 0;
  const peekWord = (w: string) => tokens[pos]?.t === 'word' && (tokens[pos].v as string).toLowerCase() === w;
  const expect = (v: string) => {
    const tok = tokens[pos++];
    if (!tok || tok.t !== 'punct' || tok.v !== v) { invalid(); }
  };

  function or(): Node {
    let left = and();
    while (peekWord('or')) { pos++; left = { kind: 'or', left, right: and() }; }
    return left;
  }
  function and(): Node {
    let left = unary();
    while (peekWord('and')) { pos++; left = { kind: 'and', left, right: unary() }; }
    return left;
  }
  function unary(): Node {
    if (peekWord('not')) { invalid(); }
    const tok = tokens[pos];
    if (tok?.t === 'punct' && tok.v === '(') {
      pos++;
      const inner = or();
      expect(')');
      return inner;
    }
    const left = operand();
    const opTok = tokens[pos];
    const op = opTok?.t === 'word' ? opTok.v.toLowerCase() : '';
    if (['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op)) {
      pos++;
      return { kind: 'compare', op: op as 'eq', left, right: operand() };
    }
    if (left.kind === 'contains') { return left; }
    return invalid();
  }
  function operand(): Operand {
    const tok = tokens[pos++];
    if (!tok) { return invalid(); }
    if (tok.t === 'str') { return { kind: 'literal', value: tok.v }; }
    if (tok.t === 'num') { return { kind: 'literal', value: tok.v }; }
    if (tok.t !== 'word') { return invalid(); }
    const w = tok.v.toLowerCase();
    if (w === 'true' || w === 'false') { return { kind: 'literal', value: w === 'true' }; }
    if (w === 'null') { return { kind: 'literal', value: null }; }
    if (w === 'not') { return invalid(); }
    if (w === 'contains') {
      expect('(');
      const field = tokens[pos++];
      expect(',');
      const text = tokens[pos++];
      expect(')');
      if (field?.t !== 'word' || text?.t !== 'str' || !FIELDS[field.v.toLowerCase()]) { return invalid(); }
      return { kind: 'contains', field: FIELDS[field.v.toLowerCase()], text: text.v };
    }
    const name = FIELDS[w];
    if (!name) { return invalid(); }
    return { kind: 'field', name };
  }

  const tree = or();
  if (pos !== tokens.length) { invalid(); }
  validatePriceTypes(tree);
  return tree;
}

/** Unknown priceType values are a 400, not an empty answer (`'SavingsPlan'` is known and matches nothing). */
function validatePriceTypes(node: Node): void {
  if (node.kind === 'or' || node.kind === 'and') { validatePriceTypes(node.left); validatePriceTypes(node.right); return; }
  if (node.kind !== 'compare') { return; }
  const sides = [node.left, node.right];
  if (sides.some((s) => s.kind === 'field' && s.name === 'type')) {
    for (const s of sides) { if (s.kind === 'literal' && (typeof s.value !== 'string' || !PRICE_TYPES.includes(s.value.toLowerCase()))) { invalid(); } }
  }
}

export function evaluate(node: Node, item: Record<string, unknown>, caseSensitive: boolean): boolean {
  const norm = (v: unknown) => (typeof v === 'string' && !caseSensitive ? v.toLowerCase() : v);
  const value = (o: Operand): unknown => (o.kind === 'literal' ? o.value : o.kind === 'field' ? item[o.name] : contains(o));
  const contains = (c: { field: string; text: string }) => {
    const v = item[c.field];
    return typeof v === 'string' && (norm(v) as string).includes(norm(c.text) as string);
  };
  switch (node.kind) {
    case 'or': return evaluate(node.left, item, caseSensitive) || evaluate(node.right, item, caseSensitive);
    case 'and': return evaluate(node.left, item, caseSensitive) && evaluate(node.right, item, caseSensitive);
    case 'contains': return contains(node);
    case 'compare': {
      const a = norm(value(node.left));
      const b = norm(value(node.right));
      if (node.op === 'eq') { return (a ?? null) === (b ?? null); }
      if (node.op === 'ne') { return (a ?? null) !== (b ?? null); }
      if (a === undefined || a === null || b === undefined || b === null || typeof a !== typeof b) { return false; }
      const x = a as string | number;
      const y = b as string | number;
      return node.op === 'gt' ? x > y : node.op === 'ge' ? x >= y : node.op === 'lt' ? x < y : x <= y;
    }
  }
}
