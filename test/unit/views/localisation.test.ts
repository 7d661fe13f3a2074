// Every string a person reads exists in English and in Korean: the manifest's %keys%, and each
// `vscode.l10n.t` message in the files of the extension shell (views, sign-in, activation).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../support/paths';

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;

/**
 * The shell's sources (activation, sign-in, the tree's first level, the command wrapper). Nodes
 * below billing accounts and the panels are checked by their own suites while they change.
 */
const SHELL_SOURCES = [
  'src/extension.ts',
  'src/azure/editorSignIn.ts',
  'src/views/commands/commandRunner.ts',
  'src/views/commands/failureAdvice.ts',
  'src/views/commands/failureMessage.ts',
  'src/views/commands/signInCommands.ts',
  'src/views/session',
  'src/views/chargeback',
  'src/views/log',
  'src/views/format',
  'src/views/explorer/accountList.ts',
  'src/views/explorer/billingAccountNode.ts',
  'src/views/explorer/billingLabels.ts',
  'src/views/explorer/explorerNode.ts',
  'src/views/explorer/explorerProvider.ts',
  'src/views/explorer/explorerRoot.ts',
  'src/views/explorer/explorerView.ts',
  'src/views/explorer/messageNodes.ts',
  'src/views/explorer/tenantNode.ts',
  'src/views/whatIf',
  'src/views/budgets',
  'src/views/explorer/budgetNode.ts',
  'src/views/explorer/budgetsFolderNode.ts',
];

function filesOf(relative: string): string[] {
  const full = path.join(repoRoot, relative);
  if (!fs.statSync(full).isDirectory()) { return [full]; }
  return fs.readdirSync(full).flatMap((name) => filesOf(path.join(relative, name))).filter((f) => f.endsWith('.ts'));
}

/** The first argument of each `l10n.t(...)` call that is a plain string literal. */
function messagesIn(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  const call = /l10n\.t\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g;
  for (const match of text.matchAll(call)) {
    const literal = match[1];
    // Turn the source literal into its value the way JavaScript would (quotes, \n, \").
    out.push(JSON.parse(`"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/(?<!\\)"/g, '\\"')}"`) as string);
  }
  return out;
}

const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(',');

describe('views: English and Korean strings', () => {
  it('translates every manifest string, with the same keys in both languages', () => {
    const en = readJson('package.nls.json');
    const ko = readJson('package.nls.ko.json');
    assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
    const manifestText = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
    for (const [, key] of manifestText.matchAll(/"%([^%"]+)%"/g)) {
      assert.ok(en[key], `package.nls.json lacks ${key}`);
      assert.ok(ko[key], `package.nls.ko.json lacks ${key}`);
    }
  });

  it('has every message of the extension shell in the English and Korean bundles', () => {
    const en = readJson('l10n/bundle.l10n.json');
    const ko = readJson('l10n/bundle.l10n.ko.json');
    const messages = SHELL_SOURCES.flatMap(filesOf).flatMap(messagesIn);
    assert.ok(messages.length > 40, `only ${messages.length} messages found: is the scan broken?`);
    const missingEn = messages.filter((m) => !(m in en));
    const missingKo = messages.filter((m) => !(m in ko));
    assert.deepEqual(missingEn, [], 'run `npm run l10n` to refresh l10n/bundle.l10n.json');
    assert.deepEqual(missingKo, [], 'add these to l10n/bundle.l10n.ko.json');
  });

  it('keeps the placeholders of each message in its translation', () => {
    const ko = readJson('l10n/bundle.l10n.ko.json');
    for (const [message, translation] of Object.entries(ko)) {
      assert.equal(placeholders(translation), placeholders(message), `placeholders differ in: ${message}`);
      assert.ok(translation.trim(), `empty translation of: ${message}`);
    }
  });
});
