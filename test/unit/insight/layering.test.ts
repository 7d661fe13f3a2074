// The layer rules of the design, checked on the source: insight/ is pure (only billing/ types and
// itself), and the usage panel's webview imports nothing from src/ but its message types.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

function imports(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => ({
    spec: m[2] ?? m[3],
    typeOnly: m[1] !== undefined,
  }));
}

test('insight/ imports only itself and billing/ types: no I/O, no vscode', () => {
  const dir = path.join(root, 'src', 'insight');
  const offending: string[] = [];
  for (const file of sourceFiles(dir)) {
    for (const { spec, typeOnly } of imports(file)) {
      const resolved = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec;
      const inInsight = resolved.startsWith(dir + path.sep);
      const billingType = typeOnly && resolved.startsWith(path.join(root, 'src', 'billing') + path.sep);
      if (!inInsight && !billingType) offending.push(`${path.relative(root, file)} → ${spec}`);
    }
  }
  assert.deepEqual(offending, []);
});

test('the usage panel\'s webview code takes only its message types from src/', () => {
  const dir = path.join(root, 'webview-ui', 'src', 'usagePanel');
  const fromSrc = new Set<string>();
  for (const file of sourceFiles(dir)) {
    for (const { spec } of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const resolved = path.resolve(path.dirname(file), spec);
      if (!resolved.startsWith(path.join(root, 'webview-ui') + path.sep)) fromSrc.add(path.relative(root, resolved));
    }
  }
  assert.deepEqual([...fromSrc], [path.join('src', 'shared', 'usagePanelMessages')]);
});
