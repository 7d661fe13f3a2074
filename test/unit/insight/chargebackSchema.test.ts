// The JSON schema the editor uses to complete and validate `*.chargeback.json` and the reader that
// runs the rules must agree: the documented example uses every key the schema knows, and the reader
// takes it without a problem; the manifest contributes the schema for the right files.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readChargebackRules } from '../../../src/views/chargeback/readRules';

const root = path.resolve(__dirname, '../../../..');
const readJson = (relative: string): unknown => JSON.parse(fs.readFileSync(path.join(root, relative), 'utf8'));

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
}

/** Every property path the schema names, e.g. `shared[].split.percentages`. */
function schemaPaths(node: SchemaNode, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const here = prefix ? `${prefix}.${key}` : key;
    paths.push(here, ...schemaPaths(child, here));
  }
  if (node.items) paths.push(...schemaPaths(node.items, `${prefix}[]`));
  if (typeof node.additionalProperties === 'object') paths.push(...schemaPaths(node.additionalProperties, prefix));
  return paths;
}

/** Every property path a document uses; keys of free-form maps (owners, aliases) count as `*`. */
function documentPaths(value: unknown, schema: SchemaNode, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => documentPaths(item, schema.items ?? {}, `${prefix}[]`));
  if (value === null || typeof value !== 'object') return [];
  const paths: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const named = schema.properties?.[key];
    if (named) {
      const here = prefix ? `${prefix}.${key}` : key;
      paths.push(here, ...documentPaths(child, named, here));
    } else if (typeof schema.additionalProperties === 'object') {
      paths.push(...documentPaths(child, schema.additionalProperties, prefix));
    } else {
      paths.push(`${prefix}.${key} (not in the schema)`);
    }
  }
  return paths;
}

test('the documented example (with each kind of scope) uses every key of the schema, and the reader accepts it', () => {
  const schema = readJson('media/schemas/chargeback.schema.json') as SchemaNode;
  const exampleText = fs.readFileSync(path.join(root, 'docs/examples/contoso.chargeback.json'), 'utf8');
  const example = JSON.parse(exampleText) as Record<string, unknown>;
  // The scope is one of three kinds; the example shows one, the other two are swapped in.
  const variants = [
    exampleText,
    JSON.stringify({ ...example, scope: { billingAccount: '/providers/Microsoft.Billing/billingAccounts/contoso-mca' } }),
    JSON.stringify({ ...example, scope: { subscriptions: ['11111111-2222-3333-4444-555555555555'] } }),
  ];
  const used = new Set(variants.flatMap((text) => documentPaths(JSON.parse(text), schema)));
  assert.deepEqual([...used].sort(), [...new Set(schemaPaths(schema))].sort());
  for (const text of variants) assert.deepEqual(readChargebackRules(text).problems, []);
  assert.equal(readChargebackRules(exampleText).rules?.shared.length, 2);
});

test('the manifest contributes the schema for *.chargeback.json, and the package ships it', () => {
  const manifest = readJson('package.json') as { contributes: { jsonValidation?: Array<{ fileMatch: string | string[]; url: string }> } };
  const entry = manifest.contributes.jsonValidation?.find((v) => [v.fileMatch].flat().includes('*.chargeback.json'));
  assert.ok(entry, 'a jsonValidation entry for *.chargeback.json');
  assert.equal(entry.url, './media/schemas/chargeback.schema.json');
  assert.ok(fs.existsSync(path.join(root, entry.url)));
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  assert.match(ignore, /^!media\/\*\*$/m, 'media/ ships in the .vsix');
});
