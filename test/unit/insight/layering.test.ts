// The layer rules of the design, checked on the source: insight/ is pure (only billing/ types and
// itself), and no webview imports anything from src/ but the message types in src/shared/.
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

// Packages insight/ may use: pure functions over strings, with no I/O and no editor (the JSON
// reader of workload files keeps the offsets its problems are reported at).
const PURE_PACKAGES = new Set(['jsonc-parser']);

test('insight/ imports only itself, billing/ types and pure parsing packages: no I/O, no vscode', () => {
  const dir = path.join(root, 'src', 'insight');
  const offending: string[] = [];
  for (const file of sourceFiles(dir)) {
    for (const { spec, typeOnly } of imports(file)) {
      const resolved = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec;
      const inInsight = resolved.startsWith(dir + path.sep);
      const billingType = typeOnly && resolved.startsWith(path.join(root, 'src', 'billing') + path.sep);
      if (!inInsight && !billingType && !PURE_PACKAGES.has(spec)) { offending.push(`${path.relative(root, file)} → ${spec}`); }
    }
  }
  assert.deepEqual(offending, []);
});

/** What the files under webview-ui/src/<folder> import from outside webview-ui/, relative to the root. */
function importsFromOutsideWebview(folder: string): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(path.join(root, 'webview-ui', 'src', folder))) {
    for (const { spec } of imports(file)) {
      if (!spec.startsWith('.')) { continue; }
      const resolved = path.resolve(path.dirname(file), spec);
      if (!resolved.startsWith(path.join(root, 'webview-ui') + path.sep)) { found.add(path.relative(root, resolved)); }
    }
  }
  return [...found];
}

test('the usage panel\'s webview code takes only its message types from src/', () => {
  assert.deepEqual(importsFromOutsideWebview('usagePanel'), [path.join('src', 'shared', 'usagePanelMessages')]);
});

// Every webview, present and future: a panel's page may share types with the host, never code.
const webviewFolders = fs
  .readdirSync(path.join(root, 'webview-ui', 'src'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

test('there are webview folders to check', () => {
  assert.ok(webviewFolders.length > 0);
});

for (const folder of webviewFolders) {
  test(`webview-ui/src/${folder} takes from src/ only message types in src/shared/`, () => {
    const shared = path.join('src', 'shared') + path.sep;
    const offending = importsFromOutsideWebview(folder).filter((spec) => !spec.startsWith(shared));
    assert.deepEqual(offending, []);
  });
}
