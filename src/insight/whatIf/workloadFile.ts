// Reads a workload file (`*.azcost.json`, JSON with comments) into lines to price, and says what is
// wrong and exactly where (offsets, so the editor puts each diagnostic on its line). A bad line is
// left out and reported; the other lines still price. What needs the price list (a meter that does
// not exist, a unit that does not fit it, a region that does not sell it) is found when pricing
// (workloadPricing.ts). The shapes are docs/what-if.md#workload-files.

import { Node, ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { Fixed, fixedFromNumber, fixedMul } from '../fixedDecimal';

export type WorkloadProblemCode =
  | 'syntax' | 'notAnObject' | 'unknownKey' | 'wrongType' | 'missingKey' | 'unknownShorthand' | 'twoForms'
  | 'negativeQuantity' | 'notANumber' | 'badRegion' | 'badOffer' | 'badCurrency' | 'badDiskTier'
  // Found when pricing:
  | 'unknownMeter' | 'unitMismatch' | 'notSoldInRegion';

export interface WorkloadProblem {
  code: WorkloadProblemCode;
  offset: number;
  length: number;
  args: Record<string, string>;
}

/** Which retail rows a line means: by meter id, or by names (any field left out matches anything). */
export type LineTarget =
  | { kind: 'meterId'; meterId: string }
  | { kind: 'names'; service: string; product?: string; sku?: string; meter?: string; armSkuName?: string; excludeProducts?: string[]; excludeSkus?: string[]; regionless?: boolean };

export interface WorkloadLine {
  label: string;
  target: LineTarget;
  /** Per month, in `unit` when given, else in the meter's own unit. */
  quantity: Fixed;
  unit?: string;
  /** Lower case. */
  region: string;
  /** The line's object in the text (for problems found when pricing). */
  offset: number;
  length: number;
}

export interface Workload {
  name?: string;
  region: string;
  currency: string;
  offers: string[];
  regions: string[];
  currencies: string[];
  lines: WorkloadLine[];
}

export interface ReadWorkloadResult {
  /** Undefined only when the file is not JSON or not an object. */
  workload?: Workload;
  problems: WorkloadProblem[];
}

const TOP_KEYS = ['$schema', 'name', 'region', 'currency', 'offers', 'regions', 'currencies', 'lines'];
const LINE_KEYS = ['label', 'region', 'meterId', 'service', 'product', 'sku', 'meter', 'quantity', 'unit', 'vm', 'hours', 'count', 'disk', 'storageGb', 'outboundGb'];
const FORMS = ['meterId', 'service', 'vm', 'disk', 'storageGb', 'outboundGb'] as const;
const REGION = /^[a-z][a-z0-9]{2,40}$/;
const OFFER = /^MS-AZR-\d{4}P(-\d{4}P)*$/;
const CURRENCY = /^[A-Z]{3}$/;
const ONE = fixedFromNumber(1);
/** Hours in an average month (8,760 / 12), the retail calculator's month. */
export const HOURS_PER_MONTH = 730;

/**
 * The shorthands in retail-list terms: pay-as-you-go Linux prices (Windows, Spot and Low Priority
 * are other products and SKUs), premium SSD managed disks, hot LRS block blobs, standard internet
 * egress (priced per zone, not region: docs/what-if.md#workload-files).
 */
function vmTarget(size: string): LineTarget {
  return { kind: 'names', service: 'Virtual Machines', armSkuName: size, excludeProducts: ['windows'], excludeSkus: ['spot', 'low priority'] };
}
function diskTarget(tier: string): LineTarget {
  return { kind: 'names', service: 'Storage', product: 'Premium SSD Managed Disks', sku: `${tier} LRS`, meter: `${tier} LRS Disk` };
}
const STORAGE_TARGET: LineTarget = { kind: 'names', service: 'Storage', product: 'General Block Blob v2', sku: 'Hot LRS', meter: 'Hot LRS Data Stored' };
const OUTBOUND_TARGET: LineTarget = { kind: 'names', service: 'Bandwidth', product: 'Bandwidth', sku: 'Standard', meter: 'Standard Data Transfer Out', regionless: true };

export function readWorkload(text: string): ReadWorkloadResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const reader = new WorkloadReader();
  for (const e of errors) { reader.problem('syntax', { offset: e.offset, length: Math.max(e.length, 1) }, { error: printParseErrorCode(e.error) }); }
  if (errors.length > 0 || !root) { return { problems: reader.problems }; }
  const workload = reader.read(root);
  // In the file's order, as the Problems panel lists them.
  return { workload, problems: reader.problems.sort((a, b) => a.offset - b.offset) };
}

type Span = Pick<Node, 'offset' | 'length'>;

class WorkloadReader {
  readonly problems: WorkloadProblem[] = [];

  problem(code: WorkloadProblemCode, at: Span, args: Record<string, string> = {}): void {
    this.problems.push({ code, offset: at.offset, length: at.length, args });
  }

  read(root: Node): Workload | undefined {
    const top = this.object(root, 'file', TOP_KEYS);
    if (!top) { return undefined; }
    const region = this.pattern(top.get('region'), 'region', REGION, 'badRegion', (s) => s.toLowerCase()) ?? 'eastus';
    const linesNode = top.get('lines');
    if (!linesNode) { this.problem('missingKey', { offset: root.offset, length: 1 }, { key: 'lines' }); }
    const lines = linesNode ? this.array(linesNode, 'lines').flatMap((n) => this.line(n, region) ?? []) : [];
    return {
      name: this.string(top.get('name'), 'name'),
      region,
      currency: this.pattern(top.get('currency'), 'currency', CURRENCY, 'badCurrency', (s) => s.toUpperCase()) ?? 'USD',
      offers: this.patterns(top.get('offers'), 'offers', OFFER, 'badOffer', (s) => s.toUpperCase()),
      regions: this.patterns(top.get('regions'), 'regions', REGION, 'badRegion', (s) => s.toLowerCase()),
      currencies: this.patterns(top.get('currencies'), 'currencies', CURRENCY, 'badCurrency', (s) => s.toUpperCase()),
      lines,
    };
  }

  private line(node: Node, fileRegion: string): WorkloadLine | undefined {
    const fields = this.object(node, 'line', LINE_KEYS);
    if (!fields) { return undefined; }
    const forms = FORMS.filter((f) => fields.has(f));
    if (forms.length === 0) {
      this.problem('unknownShorthand', node, { keys: [...fields.keys()].join(', ') });
      return undefined;
    }
    if (forms.length > 1) {
      this.problem('twoForms', node, { keys: forms.join(', ') });
      return undefined;
    }
    const region = this.pattern(fields.get('region'), 'region', REGION, 'badRegion', (s) => s.toLowerCase());
    if (fields.has('region') && region === undefined) { return undefined; }
    const label = this.string(fields.get('label'), 'label');
    const base = { region: region ?? fileRegion, offset: node.offset, length: node.length };
    const form = forms[0];
    // A shorthand has its own unit (hours, disks, GB): a `unit` beside it would be ignored.
    const unitNode = fields.get('unit');
    if (unitNode && form !== 'meterId' && form !== 'service') {
      this.problem('unknownKey', unitNode, { key: 'unit', allowed: LINE_KEYS.filter((k) => k !== 'unit').join(', ') });
      return undefined;
    }
    const count = fields.has('count') ? this.quantity(fields.get('count')!) : ONE;
    if (count === undefined) { return undefined; }
    switch (form) {
      case 'meterId':
      case 'service': {
        const quantityNode = fields.get('quantity');
        if (!quantityNode) {
          this.problem('missingKey', node, { key: 'quantity' });
          return undefined;
        }
        const quantity = this.quantity(quantityNode);
        const unit = this.string(fields.get('unit'), 'unit');
        if (quantity === undefined) { return undefined; }
        if (form === 'meterId') {
          const meterId = this.string(fields.get('meterId'), 'meterId');
          if (!meterId) { return undefined; }
          return { ...base, label: label ?? meterId, target: { kind: 'meterId', meterId: meterId.toLowerCase() }, quantity, unit };
        }
        const names = ['service', 'product', 'sku', 'meter'].map((k) => {
          if (!fields.has(k)) { this.problem('missingKey', node, { key: k }); }
          return this.string(fields.get(k), k);
        });
        if (names.some((n) => n === undefined)) { return undefined; }
        const [service, product, sku, meter] = names as string[];
        return { ...base, label: label ?? meter, target: { kind: 'names', service, product, sku, meter }, quantity, unit };
      }
      case 'vm': {
        const size = this.string(fields.get('vm'), 'vm');
        const hours = fields.has('hours') ? this.quantity(fields.get('hours')!) : fixedFromNumber(HOURS_PER_MONTH);
        if (!size || hours === undefined) { return undefined; }
        return { ...base, label: label ?? size, target: vmTarget(size), quantity: fixedMul(hours, count), unit: 'Hours' };
      }
      case 'disk': {
        const tierNode = fields.get('disk')!;
        const tier = this.string(tierNode, 'disk');
        if (tier === undefined) { return undefined; }
        if (!/^P\d{1,2}$/i.test(tier)) {
          this.problem('badDiskTier', tierNode, { value: tier });
          return undefined;
        }
        return { ...base, label: label ?? tier.toUpperCase(), target: diskTarget(tier.toUpperCase()), quantity: count };
      }
      case 'storageGb':
      case 'outboundGb': {
        const quantity = this.quantity(fields.get(form)!);
        if (quantity === undefined) { return undefined; }
        return { ...base, label: label ?? form, target: form === 'storageGb' ? STORAGE_TARGET : OUTBOUND_TARGET, quantity, unit: 'GB' };
      }
    }
  }

  /** A non-negative number. */
  private quantity(node: Node): Fixed | undefined {
    if (node.type !== 'number' || typeof node.value !== 'number' || !Number.isFinite(node.value)) {
      this.problem('notANumber', node, { value: textOf(node) });
      return undefined;
    }
    if (node.value < 0) {
      this.problem('negativeQuantity', node, { value: String(node.value) });
      return undefined;
    }
    return fixedFromNumber(node.value);
  }

  private object(node: Node, what: string, keys: readonly string[]): Map<string, Node> | undefined {
    if (node.type !== 'object') {
      this.problem(what === 'file' ? 'notAnObject' : 'wrongType', node, { key: what, expected: 'object' });
      return undefined;
    }
    const out = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) { continue; }
      const key = String(keyNode.value);
      if (!keys.includes(key)) { this.problem('unknownKey', keyNode, { key, allowed: keys.filter((k) => k !== '$schema').join(', ') }); }
      else { out.set(key, valueNode); }
    }
    return out;
  }

  private array(node: Node, key: string): Node[] {
    if (node.type !== 'array') {
      this.problem('wrongType', node, { key, expected: 'array' });
      return [];
    }
    return node.children ?? [];
  }

  private string(node: Node | undefined, key: string): string | undefined {
    if (!node) { return undefined; }
    if (node.type !== 'string' || typeof node.value !== 'string' || node.value.trim() === '') {
      this.problem('wrongType', node, { key, expected: 'string' });
      return undefined;
    }
    return node.value.trim();
  }

  private pattern(node: Node | undefined, key: string, pattern: RegExp, code: WorkloadProblemCode, normalise: (s: string) => string): string | undefined {
    const text = this.string(node, key);
    if (text === undefined) { return undefined; }
    const value = normalise(text.replace(/\s+/g, ''));
    if (!pattern.test(value)) {
      this.problem(code, node!, { value: text });
      return undefined;
    }
    return value;
  }

  private patterns(node: Node | undefined, key: string, pattern: RegExp, code: WorkloadProblemCode, normalise: (s: string) => string): string[] {
    if (!node) { return []; }
    const out: string[] = [];
    for (const item of this.array(node, key)) {
      const value = this.pattern(item, key, pattern, code, normalise);
      if (value !== undefined && !out.includes(value)) { out.push(value); }
    }
    return out;
  }
}


function textOf(node: Node): string {
  return node.type === 'string' ? String(node.value) : node.type;
}
