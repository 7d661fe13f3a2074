// Reads a chargeback file's text (JSON with comments, as VS Code's own settings files) into rules, or says exactly what is wrong and where. Every
// problem is collected (not only the first), so the Problems panel shows them all at once; the
// rules come back only when there is none, so nothing runs on half-valid rules.

import { Node, ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type {
  ChargebackRules,
  ChargebackScope,
  LetterCase,
  Owner,
  SharedCostRule,
  SharedMatch,
  SharedSplit,
  UntaggedRule,
  ValueNormalization,
} from '../../insight/chargeback/rules';
import type { RuleProblem, RuleProblemCode } from './ruleProblems';

export interface ReadRulesResult {
  rules?: ChargebackRules;
  problems: RuleProblem[];
}

const TOP_KEYS = ['$schema', 'scope', 'tagKeys', 'normalize', 'untagged', 'shared', 'owners'];
const LETTER_CASES: LetterCase[] = ['preserve', 'lower', 'upper', 'title'];
const UNTAGGED_MODES = ['proportional', 'even', 'owner', 'unallocated'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROFILE_ID = /^\/providers\/Microsoft\.Billing\/billingAccounts\/([^/]+)\/billingProfiles\/([^/]+)$/i;
const ACCOUNT_ID = /^\/providers\/Microsoft\.Billing\/billingAccounts\/([^/]+)$/i;

export function readChargebackRules(text: string): ReadRulesResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const reader = new RulesReader();
  for (const e of errors) reader.problem('syntax', { offset: e.offset, length: Math.max(e.length, 1) }, { error: printParseErrorCode(e.error) });
  if (errors.length > 0 || !root) return { problems: reader.problems };
  const rules = reader.read(root);
  return reader.problems.length === 0 && rules ? { rules, problems: [] } : { problems: reader.problems };
}

class RulesReader {
  readonly problems: RuleProblem[] = [];

  problem(code: RuleProblemCode, node: Pick<Node, 'offset' | 'length'>, args: Record<string, string> = {}): void {
    this.problems.push({ code, offset: node.offset, length: node.length, args });
  }

  read(root: Node): ChargebackRules | undefined {
    const top = this.object(root, 'file', TOP_KEYS);
    if (!top) return undefined;
    const scope = this.scope(top, root);
    const tagKeys = this.tagKeys(top, root);
    const normalization = this.normalization(top.get('normalize'));
    const owners = this.owners(top.get('owners'), root);
    const ownerIds = new Set(owners.map((o) => o.id));
    const untagged = this.untagged(top.get('untagged'), ownerIds);
    const shared = this.shared(top.get('shared'), ownerIds);
    if (!scope || !tagKeys) return undefined;
    return { scope, tagKeys, normalization, untagged, shared, owners };
  }

  private scope(top: Map<string, Node>, root: Node): ChargebackScope | undefined {
    const node = top.get('scope');
    if (!node) return this.missing(root, 'scope');
    const fields = this.object(node, 'scope', ['subscriptions', 'billingProfile', 'billingAccount']);
    if (!fields) return undefined;
    if (fields.size !== 1) {
      this.problem('scopeNotOne', node);
      return undefined;
    }
    const [[kind, value]] = [...fields];
    if (kind === 'subscriptions') {
      const ids = this.strings(value, 'subscriptions');
      if (!ids) return undefined;
      ids.forEach(([id, idNode]) => {
        if (!GUID.test(id)) this.problem('badSubscriptionId', idNode, { value: id });
      });
      return { kind: 'subscriptions', subscriptionIds: ids.map(([id]) => id.toLowerCase()) };
    }
    const id = this.string(value, kind);
    if (id === undefined) return undefined;
    if (kind === 'billingProfile') {
      const m = PROFILE_ID.exec(id);
      if (!m) return this.badScope(value, kind, id);
      return { kind: 'billingProfile', billingAccountName: decodeURIComponent(m[1]), billingProfileName: decodeURIComponent(m[2]) };
    }
    const m = ACCOUNT_ID.exec(id);
    if (!m) return this.badScope(value, kind, id);
    return { kind: 'billingAccount', billingAccountName: decodeURIComponent(m[1]) };
  }

  private badScope(node: Node, kind: string, value: string): undefined {
    this.problem('badScopeId', node, { key: kind, value });
    return undefined;
  }

  private tagKeys(top: Map<string, Node>, root: Node): string[] | undefined {
    const node = top.get('tagKeys');
    if (!node) return this.missing(root, 'tagKeys');
    const keys = this.strings(node, 'tagKeys');
    if (!keys) return undefined;
    return keys.map(([key]) => key);
  }

  private normalization(node: Node | undefined): ValueNormalization {
    const result: ValueNormalization = { letterCase: 'preserve', trimWhitespace: true, aliases: new Map() };
    if (!node) return result;
    const fields = this.object(node, 'normalize', ['case', 'trimWhitespace', 'aliases']);
    if (!fields) return result;
    const letterCase = fields.get('case');
    if (letterCase) {
      const value = this.oneOf(letterCase, 'case', LETTER_CASES);
      if (value) result.letterCase = value as LetterCase;
    }
    const trim = fields.get('trimWhitespace');
    if (trim) {
      if (trim.type === 'boolean') result.trimWhitespace = trim.value === true;
      else this.problem('wrongType', trim, { key: 'trimWhitespace', expected: 'boolean' });
    }
    const aliases = fields.get('aliases');
    if (aliases) {
      const entries = this.object(aliases, 'aliases');
      const map = new Map<string, string>();
      for (const [alias, valueNode] of entries ?? []) {
        const value = this.string(valueNode, alias);
        if (value !== undefined) map.set(alias.replace(/\s+/g, ' ').trim().toLowerCase(), value);
      }
      result.aliases = map;
    }
    return result;
  }

  private owners(node: Node | undefined, root: Node): Owner[] {
    if (!node) {
      this.missing(root, 'owners');
      return [];
    }
    const entries = this.object(node, 'owners');
    const owners: Owner[] = [];
    for (const [id, ownerNode] of entries ?? []) {
      const fields = this.object(ownerNode, id, ['displayName']);
      const nameNode = fields?.get('displayName');
      const displayName = nameNode ? this.string(nameNode, 'displayName') : undefined;
      owners.push({ id, displayName: displayName ?? id });
    }
    return owners;
  }

  private untagged(node: Node | undefined, ownerIds: Set<string>): UntaggedRule {
    if (!node) return { mode: 'unallocated' };
    const fields = this.object(node, 'untagged', ['mode', 'owner']);
    const modeNode = fields?.get('mode');
    if (!fields || !modeNode) {
      if (fields) this.problem('missingKey', node, { key: 'mode' });
      return { mode: 'unallocated' };
    }
    const mode = this.oneOf(modeNode, 'mode', UNTAGGED_MODES);
    if (mode === 'owner') {
      const ownerNode = fields.get('owner');
      if (!ownerNode) {
        this.problem('missingKey', node, { key: 'owner' });
        return { mode: 'unallocated' };
      }
      const owner = this.ownerRef(ownerNode, ownerIds);
      return owner ? { mode: 'owner', owner } : { mode: 'unallocated' };
    }
    if (mode === 'proportional' || mode === 'even' || mode === 'unallocated') return { mode };
    return { mode: 'unallocated' };
  }

  private shared(node: Node | undefined, ownerIds: Set<string>): SharedCostRule[] {
    if (!node) return [];
    if (node.type !== 'array') {
      this.problem('wrongType', node, { key: 'shared', expected: 'array' });
      return [];
    }
    const rules: SharedCostRule[] = [];
    const names = new Set<string>();
    for (const item of node.children ?? []) {
      const fields = this.object(item, 'shared', ['name', 'match', 'split']);
      if (!fields) continue;
      const nameNode = fields.get('name');
      const name = nameNode ? this.string(nameNode, 'name') : this.missing(item, 'name');
      if (name !== undefined && nameNode) {
        if (names.has(name)) this.problem('duplicateName', nameNode, { value: name });
        names.add(name);
      }
      const matchNode = fields.get('match');
      const match = matchNode ? this.match(matchNode) : this.missing(item, 'match');
      const splitNode = fields.get('split');
      const split = splitNode ? this.split(splitNode, ownerIds) : this.missing(item, 'split');
      if (name !== undefined && match && split) rules.push({ name, match, split });
    }
    return rules;
  }

  private match(node: Node): SharedMatch | undefined {
    const fields = this.object(node, 'match', ['resourceGroup', 'subscription', 'meterCategory', 'tag']);
    if (!fields) return undefined;
    if (fields.size === 0) {
      this.problem('emptyMatch', node);
      return undefined;
    }
    const match: SharedMatch = {};
    const text = (key: string) => {
      const n = fields.get(key);
      return n ? this.string(n, key) : undefined;
    };
    match.resourceGroup = text('resourceGroup');
    match.meterCategory = text('meterCategory');
    const subscription = text('subscription');
    if (subscription !== undefined) {
      if (!GUID.test(subscription)) this.problem('badSubscriptionId', fields.get('subscription')!, { value: subscription });
      match.subscriptionId = subscription;
    }
    const tagNode = fields.get('tag');
    if (tagNode) {
      const tag = this.object(tagNode, 'tag', ['key', 'value']);
      const keyNode = tag?.get('key');
      const valueNode = tag?.get('value');
      if (tag && (!keyNode || !valueNode)) this.problem('missingKey', tagNode, { key: keyNode ? 'value' : 'key' });
      const key = keyNode ? this.string(keyNode, 'key') : undefined;
      const value = valueNode ? this.string(valueNode, 'value') : undefined;
      if (key !== undefined && value !== undefined) match.tag = { key, value };
    }
    for (const key of Object.keys(match) as Array<keyof SharedMatch>) if (match[key] === undefined) delete match[key];
    return match;
  }

  private split(node: Node, ownerIds: Set<string>): SharedSplit | undefined {
    const fields = this.object(node, 'split', ['mode', 'percentages', 'owners']);
    const modeNode = fields?.get('mode');
    if (!fields) return undefined;
    if (!modeNode) return this.missing(node, 'mode');
    const mode = this.oneOf(modeNode, 'mode', ['percentages', 'proportional']);
    if (mode === 'percentages') {
      const pctNode = fields.get('percentages');
      if (!pctNode) return this.missing(node, 'percentages');
      const entries = this.object(pctNode, 'percentages');
      if (!entries) return undefined;
      const percentages = new Map<string, number>();
      let sum = 0;
      for (const [owner, valueNode] of entries) {
        const keyNode = valueNode.parent?.children?.[0] ?? valueNode;
        if (!ownerIds.has(owner)) this.problem('undefinedOwner', keyNode, { owner });
        if (valueNode.type !== 'number') {
          this.problem('wrongType', valueNode, { key: owner, expected: 'number' });
          continue;
        }
        const value = valueNode.value as number;
        if (value < 0) this.problem('negativePercentage', valueNode, { value: String(value) });
        percentages.set(owner, value);
        sum += value;
      }
      if (entries.size === 0) this.problem('emptyList', pctNode, { key: 'percentages' });
      // Sums are compared in millionths, the precision the split uses.
      else if (Math.round(sum * 1e6) !== 100e6) this.problem('percentagesNot100', pctNode, { sum: String(Math.round(sum * 1e6) / 1e6) });
      return { mode: 'percentages', percentages };
    }
    if (mode === 'proportional') {
      const ownersNode = fields.get('owners');
      if (!ownersNode) return { mode: 'proportional' };
      const owners = this.strings(ownersNode, 'owners');
      if (!owners) return undefined;
      for (const [owner, ownerNode] of owners) if (!ownerIds.has(owner)) this.problem('undefinedOwner', ownerNode, { owner });
      return { mode: 'proportional', owners: owners.map(([o]) => o) };
    }
    return undefined;
  }

  private ownerRef(node: Node, ownerIds: Set<string>): string | undefined {
    const owner = this.string(node, 'owner');
    if (owner !== undefined && !ownerIds.has(owner)) this.problem('undefinedOwner', node, { owner });
    return owner;
  }

  // --- generic shape checks ---

  /** The object's properties by key; unknown keys (when `allowed` is given) are problems. */
  private object(node: Node, key: string, allowed?: readonly string[]): Map<string, Node> | undefined {
    if (node.type !== 'object') {
      this.problem(key === 'file' ? 'notAnObject' : 'wrongType', node, { key, expected: 'object' });
      return undefined;
    }
    const fields = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) continue;
      const name = String(keyNode.value);
      if (allowed && !allowed.includes(name)) {
        this.problem('unknownKey', keyNode, { key: name, allowed: allowed.filter((k) => k !== '$schema').join(', ') });
        continue;
      }
      fields.set(name, valueNode);
    }
    return fields;
  }

  private string(node: Node, key: string): string | undefined {
    if (node.type === 'string' && String(node.value).trim() !== '') return String(node.value);
    this.problem('wrongType', node, { key, expected: 'string' });
    return undefined;
  }

  private strings(node: Node, key: string): Array<[string, Node]> | undefined {
    if (node.type !== 'array') {
      this.problem('wrongType', node, { key, expected: 'array' });
      return undefined;
    }
    const items: Array<[string, Node]> = [];
    for (const child of node.children ?? []) {
      const value = this.string(child, key);
      if (value !== undefined) items.push([value, child]);
    }
    if ((node.children ?? []).length === 0) this.problem('emptyList', node, { key });
    return items;
  }

  private oneOf(node: Node, key: string, allowed: readonly string[]): string | undefined {
    if (node.type === 'string' && allowed.includes(String(node.value))) return String(node.value);
    this.problem('notOneOf', node, { key, allowed: allowed.join(', ') });
    return undefined;
  }

  private missing(node: Node, key: string): undefined {
    // Point at the object's opening brace rather than the whole object: one line, not fifty.
    this.problem('missingKey', { offset: node.offset, length: 1 }, { key });
    return undefined;
  }
}
