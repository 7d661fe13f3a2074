// FolderPort over Node's fs, for local folders and for tests.
import { constants, promises as fs } from 'fs';
import * as path from 'path';
import { FolderOutsideWorkspaceError } from './downloadErrors';
import { findFolderEscape } from './folderContainment';
import { assertPlainName, FolderPort } from './folderPort';

export class NodeFolderPort implements FolderPort {
  /** `workspaceRoot`: the workspace folder `folder` must stay inside of, links resolved. */
  constructor(
    private readonly folder: string,
    readonly displayPath: string = folder,
    private readonly workspaceRoot?: string,
  ) {}

  private file(name: string): string {
    assertPlainName(name);
    return path.join(this.folder, name);
  }

  async checkInsideWorkspace(): Promise<void> {
    if (this.workspaceRoot === undefined) { return; }
    const escape = await findFolderEscape(this.workspaceRoot, this.folder);
    if (escape) { throw new FolderOutsideWorkspaceError(escape.component, escape.target); }
  }

  async ensureExists(): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true });
  }

  async readIfExists(name: string): Promise<Uint8Array | undefined> {
    try {
      return await fs.readFile(this.file(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') { return undefined; }
      throw error;
    }
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    const handle = await fs.open(this.file(name), 'w');
    try {
      await handle.writeFile(bytes);
      // The rename that follows is only atomic for readers if the bytes are on disk first.
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async renameNoReplace(from: string, to: string): Promise<boolean> {
    // fs.rename replaces silently; a hard link fails with EEXIST instead, atomically.
    try {
      await fs.link(this.file(from), this.file(to));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') { return false; }
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') { throw error; }
      // File systems without hard links: an exclusive copy still never replaces anything.
      try {
        await fs.copyFile(this.file(from), this.file(to), constants.COPYFILE_EXCL);
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') { return false; }
        throw copyError;
      }
    }
    await fs.rm(this.file(from), { force: true });
    return true;
  }

  async renameReplacing(from: string, to: string): Promise<void> {
    await fs.rename(this.file(from), this.file(to));
  }

  async deleteIfExists(name: string): Promise<void> {
    await fs.rm(this.file(name), { force: true });
  }

  async list(): Promise<string[]> {
    try {
      return await fs.readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') { return []; }
      throw error;
    }
  }
}
