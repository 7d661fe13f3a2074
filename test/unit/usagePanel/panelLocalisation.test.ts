// Every message of the usage panel (its command, pickers, host-side texts and the strings it sends
// the webview) exists in the English bundle and has a Korean translation.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../support/paths';

const PANEL_SOURCES = path.join(repoRoot, 'src', 'views', 'usagePanel');
const bundle = (name: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', name), 'utf8')) as Record<string, string>;

/** The literal first argument of every vscode.l10n.t call, quotes unescaped. */
function messagesIn(source: string): string[] {
  const found: string[] = [];
  const call = /vscode\.l10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g;
  for (let m = call.exec(source); m; m = call.exec(source)) { found.push(m[1].slice(1, -1).replace(/\\(['"\\])/g, '$1')); }
  return found;
}

test('every message of the usage panel is in the English and the Korean bundle', () => {
  const english = bundle('bundle.l10n.json');
  const korean = bundle('bundle.l10n.ko.json');
  const messages = fs.readdirSync(PANEL_SOURCES).filter((f) => f.endsWith('.ts')).flatMap((f) => messagesIn(fs.readFileSync(path.join(PANEL_SOURCES, f), 'utf8')));
  assert.ok(messages.length > 60, `found ${messages.length} messages`);
  assert.deepEqual(messages.filter((m) => !(m in english)), [], 'missing from bundle.l10n.json');
  // Names written the same in both languages (CSV, PNG) may stay as they are.
  const untranslated = messages.filter((m) => !korean[m] || (korean[m] === m && /[a-z]/.test(m)));
  assert.deepEqual(untranslated, [], 'missing or untranslated in bundle.l10n.ko.json');
});
