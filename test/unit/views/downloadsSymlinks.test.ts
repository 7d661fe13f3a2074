// A symbolic link in the workspace (committed with a repository, say) must not carry invoices and
// CSV exports out of it: the save is refused before anything is created, not even a temporary file
// or a folder, and nothing appears where the link points. Links that stay inside are fine.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { after, beforeEach, describe, it } from 'node:test';
import { adviseOnFailure } from '../../../src/views/commands/failureAdvice';
import { FolderOutsideWorkspaceError } from '../../../src/views/downloads/downloadErrors';
import { downloadToFolder } from '../../../src/views/downloads/downloadToFolder';
import { findFolderEscape } from '../../../src/views/downloads/folderContainment';
import { NodeFolderPort } from '../../../src/views/downloads/nodeFolderPort';
import { saveDocument } from '../../../src/views/downloads/saveDocument';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
// Windows creates directory links without elevation only as junctions.
const linkType = process.platform === 'win32' ? 'junction' : 'dir';

describe('downloads: links that lead out of the workspace', () => {
  const bases: string[] = [];
  let base: string;
  let workspace: string;
  let outside: string;

  after(async () => {
    for (const dir of bases) { await fs.rm(dir, { recursive: true, force: true }); }
  });

  beforeEach(async () => {
    base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'invoice-links-')));
    bases.push(base);
    workspace = path.join(base, 'workspace');
    outside = path.join(base, 'outside');
    await fs.mkdir(workspace);
    await fs.mkdir(outside);
  });

  /** Everything under a folder, as relative paths, links not followed. */
  async function treeOf(dir: string): Promise<string[]> {
    const out: string[] = [];
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      out.push(entry.name);
      if (entry.isDirectory()) { out.push(...(await treeOf(path.join(dir, entry.name))).map((n) => `${entry.name}/${n}`)); }
    }
    return out;
  }

  const portFor = (...segments: string[]) => new NodeFolderPort(path.join(workspace, ...segments), segments.join('/'), workspace);

  async function assertRefused(promise: Promise<unknown>, component: string, target: string): Promise<void> {
    await assert.rejects(promise, (e: unknown) => {
      assert.ok(e instanceof FolderOutsideWorkspaceError, String(e));
      assert.equal(e.folder, component);
      assert.equal(e.target, target);
      return true;
    });
  }

  it('refuses to save through a committed `invoices` link to a folder outside, and writes nothing there', async () => {
    await fs.symlink(outside, path.join(workspace, 'invoices'), linkType);
    await assertRefused(saveDocument(portFor('invoices', 'Contoso'), 'G1.pdf', pdf), 'invoices', outside);
    assert.deepEqual(await treeOf(outside), [], 'no folder, no temporary file, no document outside');
    assert.deepEqual(await treeOf(workspace), ['invoices']);
  });

  it('refuses a CSV export the same way, whatever the file name', async () => {
    await fs.symlink(outside, path.join(workspace, 'invoices'), linkType);
    await assertRefused(saveDocument(portFor('invoices', 'Contoso'), 'credit-lots.csv', Buffer.from('"a"\r\n')), 'invoices', outside);
    assert.deepEqual(await treeOf(outside), []);
  });

  it('does not even start the download when the folder leads out', async () => {
    await fs.symlink(outside, path.join(workspace, 'invoices'), linkType);
    let opened = false;
    const download = downloadToFolder({
      open: () => {
        opened = true;
        return Promise.resolve({ body: Readable.from([pdf]), contentLength: pdf.length });
      },
      fileName: 'G1.pdf',
      folder: portFor('invoices', 'Contoso'),
    });
    await assertRefused(download, 'invoices', outside);
    assert.equal(opened, false, 'Azure was not asked for a document that could not be kept');
    assert.deepEqual(await treeOf(outside), []);
  });

  it('finds a link deeper down, a relative one, and one whose target does not exist yet', async () => {
    await fs.mkdir(path.join(workspace, 'invoices'));
    await fs.symlink(outside, path.join(workspace, 'invoices', 'Contoso'), linkType);
    await assertRefused(saveDocument(portFor('invoices', 'Contoso'), 'G1.pdf', pdf), 'invoices/Contoso', outside);

    await fs.symlink(path.join('..', 'outside'), path.join(workspace, 'exports'), linkType);
    assert.deepEqual(await findFolderEscape(workspace, path.join(workspace, 'exports', 'x')), { component: 'exports', target: outside });

    const missing = path.join(base, 'not-yet');
    await fs.symlink(missing, path.join(workspace, 'later'), linkType);
    await assertRefused(saveDocument(portFor('later', 'Contoso'), 'G1.pdf', pdf), 'later', missing);
    await assert.rejects(fs.stat(missing), 'the link\'s target was not created');
    assert.deepEqual(await treeOf(outside), []);
  });

  it('says which folder leads where and what to do, in the advice the messages are made from', () => {
    const advice = adviseOnFailure(new FolderOutsideWorkspaceError('workspace/invoices', outside));
    assert.deepEqual(advice, { kind: 'folderOutsideWorkspace', folder: 'workspace/invoices', target: outside });
  });

  it('saves through a link that stays inside the workspace', async () => {
    await fs.mkdir(path.join(workspace, 'archive', '2026'), { recursive: true });
    await fs.symlink(path.join(workspace, 'archive', '2026'), path.join(workspace, 'invoices'), linkType);
    const saved = await saveDocument(portFor('invoices', 'Contoso'), 'G1.pdf', pdf);
    assert.equal(saved.outcome, 'saved');
    assert.deepEqual(await fs.readFile(path.join(workspace, 'archive', '2026', 'Contoso', 'G1.pdf')), pdf);
    assert.deepEqual(await treeOf(outside), []);
  });

  it('saves into a plain folder that does not exist yet, and into a workspace opened through a link', async () => {
    assert.equal((await saveDocument(portFor('invoices', 'Contoso'), 'G1.pdf', pdf)).outcome, 'saved');
    const viaLink = path.join(base, 'workspace-link');
    await fs.symlink(workspace, viaLink, linkType);
    const port = new NodeFolderPort(path.join(viaLink, 'invoices', 'Fabrikam'), 'invoices/Fabrikam', viaLink);
    assert.equal((await saveDocument(port, 'G2.pdf', pdf)).outcome, 'saved');
    assert.deepEqual((await treeOf(workspace)).sort(), ['invoices', 'invoices/Contoso', 'invoices/Contoso/G1.pdf', 'invoices/Fabrikam', 'invoices/Fabrikam/G2.pdf']);
  });
});
