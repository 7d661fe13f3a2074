// A download folder in memory, for running the real download pipeline hundreds of times without
// touching the disk. Behaves as the FolderPort contract says (no replacing rename, plain names only).
import { assertPlainName, FolderPort } from '../../../src/views/downloads/folderPort';

export class MemoryFolder implements FolderPort {
  readonly displayPath = 'invoices/memory';
  readonly files = new Map<string, Uint8Array>();

  async checkInsideWorkspace(): Promise<void> {}
  async ensureExists(): Promise<void> {}

  readIfExists(name: string): Promise<Uint8Array | undefined> {
    assertPlainName(name);
    return Promise.resolve(this.files.get(name));
  }

  write(name: string, bytes: Uint8Array): Promise<void> {
    assertPlainName(name);
    this.files.set(name, Uint8Array.from(bytes));
    return Promise.resolve();
  }

  async renameNoReplace(from: string, to: string): Promise<boolean> {
    if (this.files.has(to)) { return false; }
    await this.renameReplacing(from, to);
    return true;
  }

  renameReplacing(from: string, to: string): Promise<void> {
    assertPlainName(from);
    assertPlainName(to);
    const bytes = this.files.get(from);
    // A rejection, as the real port gives for a missing file.
    if (!bytes) { return Promise.reject(new Error(`No file ${from}`)); }
    this.files.delete(from);
    this.files.set(to, bytes);
    return Promise.resolve();
  }

  deleteIfExists(name: string): Promise<void> {
    this.files.delete(name);
    return Promise.resolve();
  }

  list(): Promise<string[]> {
    return Promise.resolve([...this.files.keys()]);
  }
}
