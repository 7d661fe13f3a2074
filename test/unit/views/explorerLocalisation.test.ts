// Every message of the billing explorer, its commands, the invoice downloads and the table panel
// exists in the English and the Korean bundle, with the same placeholders; and every manifest
// string those features add is translated.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../support/paths';

/** The shell's files in src/views/explorer are checked by the shell's own test. */
const SHELL_EXPLORER_FILES = new Set(['accountList.ts', 'billingAccountNode.ts', 'billingLabels.ts', 'explorerNode.ts', 'explorerProvider.ts', 'explorerRoot.ts', 'explorerView.ts', 'messageNodes.ts', 'tenantNode.ts']);

function sources(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  return [
    ...walk('src/views/commands/billing'),
    ...walk('src/views/downloads'),
    ...walk('src/views/tablePanel'),
    ...walk('src/views/explorer').filter((f) => !SHELL_EXPLORER_FILES.has(path.basename(f))),
  ];
}

function messagesIn(file: string): string[] {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const out: string[] = [];
  for (const match of text.matchAll(/l10n\.t\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g)) {
    const literal = match[1];
    out.push(JSON.parse(`"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/(?<!\\)"/g, '\\"')}"`) as string);
  }
  return out;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;
const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(',');

describe('billing explorer, commands, downloads and tables: English and Korean', () => {
  it('has every message in both bundles with the same placeholders', () => {
    const en = readJson('l10n/bundle.l10n.json');
    const ko = readJson('l10n/bundle.l10n.ko.json');
    const messages = sources().flatMap(messagesIn);
    assert.ok(messages.length > 150, `only ${messages.length} messages found: is the scan broken?`);
    assert.deepEqual(messages.filter((m) => !(m in en)), []);
    assert.deepEqual(messages.filter((m) => !(m in ko)), []);
    for (const m of messages) {
      assert.equal(placeholders(ko[m]), placeholders(m), m);
      assert.notEqual(ko[m].trim(), '', m);
    }
  });

  it('translates the commands and settings these features contribute', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, { markdownDescription: string; default?: unknown }> } };
    };
    const en = readJson('package.nls.json');
    const ko = readJson('package.nls.ko.json');
    const mine = ['showCreditBalance', 'showCreditEvents', 'showInvoices', 'downloadInvoice', 'downloadInvoices', 'exportCsv', 'copyId', 'openInPortal', 'loadMore', 'refreshItem'];
    for (const id of mine) {
      const command = manifest.contributes.commands.find((c) => c.command === `azureBilling.${id}`);
      assert.ok(command, `azureBilling.${id} is contributed`);
      const key = command.title.replace(/%/g, '');
      assert.ok(en[key] && ko[key] && ko[key] !== en[key], `${key} has English and Korean`);
    }
    for (const setting of ['azureBilling.invoiceFolder', 'azureBilling.treePageSize']) {
      const key = manifest.contributes.configuration.properties[setting].markdownDescription.replace(/%/g, '');
      assert.ok(en[key] && ko[key], `${setting} is described in both languages`);
    }
    assert.equal(manifest.contributes.configuration.properties['azureBilling.invoiceFolder'].default, 'invoices/${billingProfileName}');
  });
});
