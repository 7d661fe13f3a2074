// The workload file (`*.azcost.json`): the documented example is valid for the schema the editor
// uses and for the reader that prices it; hand-written bad files give problems on the exact text,
// and the good lines of a bad file are still read.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { fixedFromNumber, fixedToNumber } from '../../../src/insight/fixedDecimal';
import { readWorkload } from '../../../src/insight/whatIf/workloadFile';

const root = path.resolve(__dirname, '../../../..');
const readText = (relative: string): string => fs.readFileSync(path.join(root, relative), 'utf8');
const EXAMPLE = 'docs/examples/web-shop.azcost.json';

test('the example validates against the schema and the reader takes it whole', () => {
  const schema = JSON.parse(readText('media/schemas/azcost.schema.json')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const text = readText(EXAMPLE);
  assert.equal(validate(JSON.parse(text)), true, JSON.stringify(validate.errors));
  const { workload, problems } = readWorkload(text);
  assert.deepEqual(problems, []);
  assert.ok(workload);
  assert.equal(workload.region, 'eastus');
  assert.deepEqual(workload.offers, ['MS-AZR-0023P']);
  assert.deepEqual(workload.regions, ['westeurope']);
  assert.deepEqual(workload.currencies, ['EUR']);
  assert.deepEqual(workload.lines.map((l) => [l.label, fixedToNumber(l.quantity), l.unit ?? '']), [
    ['Web servers', 1460, 'Hours'],
    ['Data disks', 2, ''],
    ['Images', 500, 'GB'],
    ['Downloads', 200, 'GB'],
    ['Database', 1460, ''],
  ]);
  const vm = workload.lines[0].target;
  assert.equal(vm.kind === 'names' && vm.armSkuName, 'Standard_D2s_v3');
});

test('the schema rejects what the reader rejects: a line of no known form, a negative quantity', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readText('media/schemas/azcost.schema.json')) as object);
  assert.equal(validate({ lines: [{ cpu: 4 }] }), false);
  assert.equal(validate({ lines: [{ storageGb: -1 }] }), false);
  assert.equal(validate({ lines: [{ vm: 'Standard_B1s', storageGb: 1 }] }), false);
  assert.equal(validate({ lines: [{ vm: 'Standard_B1s' }] }), true);
});

/** The problem codes with the text each one covers. */
function problemsOf(text: string): Array<[string, string]> {
  return readWorkload(text).problems.map((p) => [p.code, text.slice(p.offset, p.offset + p.length)]);
}

test('bad lines are reported on their own text and the other lines still read', () => {
  const text = `{
  // comments are allowed, as in settings files
  "region": "westeurope",
  "offers": ["MS-AZR-0003P", "not an offer"],
  "regions": ["north europe!"],
  "lines": [
    { "vm": "Standard_B1s", "hours": 100, "count": 3 },
    { "storageGb": -5 },
    { "outboundGb": "lots" },
    { "cpu": 4 },
    { "disk": "X10", "count": 1 },
    { "meterId": "AAAA-1", "quantity": 2, "unit": "Hours", "region": "eastus" },
    { "service": "Storage", "product": "General Block Blob v2", "quantity": 3 },
    { "disk": "p20", "count": 2, "storageGb": 1 },
  ]
}`;
  const { workload } = readWorkload(text);
  assert.deepEqual(problemsOf(text), [
    ['badOffer', '"not an offer"'],
    ['badRegion', '"north europe!"'],
    ['negativeQuantity', '-5'],
    ['notANumber', '"lots"'],
    ['unknownShorthand', '{ "cpu": 4 }'],
    ['unknownKey', '"cpu"'],
    ['badDiskTier', '"X10"'],
    ['missingKey', '{ "service": "Storage", "product": "General Block Blob v2", "quantity": 3 }'],
    ['missingKey', '{ "service": "Storage", "product": "General Block Blob v2", "quantity": 3 }'],
    ['twoForms', '{ "disk": "p20", "count": 2, "storageGb": 1 }'],
  ]);
  assert.ok(workload);
  assert.deepEqual(workload.offers, ['MS-AZR-0003P']);
  assert.deepEqual(workload.lines.map((l) => [l.label, l.region, l.quantity]), [
    ['Standard_B1s', 'westeurope', fixedFromNumber(300)],
    ['AAAA-1', 'eastus', fixedFromNumber(2)],
  ]);
  // Each problem's line in the editor is the line of its text.
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const negative = readWorkload(text).problems.find((p) => p.code === 'negativeQuantity')!;
  assert.equal(lineOf(negative.offset), 8);
});

test('a file that is not JSON says where, and nothing is read', () => {
  const text = '{ "lines": [ { "storageGb": 5 ]\n}';
  const result = readWorkload(text);
  assert.equal(result.workload, undefined);
  assert.ok(result.problems.length > 0);
  assert.ok(result.problems.every((p) => p.code === 'syntax'));
  assert.deepEqual(problemsOf('[]'), [['notAnObject', '[]']]);
  assert.deepEqual(problemsOf('{}'), [['missingKey', '{']]);
});

test('a shorthand has its own unit: a unit beside it is a problem, not ignored', () => {
  const text = '{ "lines": [ { "storageGb": 5, "unit": "TB" }, { "outboundGb": 1 } ] }';
  assert.deepEqual(problemsOf(text), [['unknownKey', '"TB"']]);
  assert.equal(readWorkload(text).workload?.lines.length, 1);
});

test('a virtual machine runs a whole month (730 hours) unless told otherwise', () => {
  const { workload } = readWorkload('{ "lines": [ { "vm": "Standard_D2s_v3", "count": 2 } ] }');
  assert.equal(fixedToNumber(workload!.lines[0].quantity), 1460);
});

test('the manifest contributes the schema for *.azcost.json', () => {
  const manifest = JSON.parse(readText('package.json')) as { contributes: { jsonValidation: Array<{ fileMatch: string; url: string }> } };
  const entry = manifest.contributes.jsonValidation.find((v) => v.fileMatch === '*.azcost.json');
  assert.equal(entry?.url, './media/schemas/azcost.schema.json');
  assert.ok(fs.existsSync(path.join(root, entry.url)));
});
