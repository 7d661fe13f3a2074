// FolderPort over `vscode.workspace.fs`, so downloads work in any workspace file system the editor
// can write (local, remote, WSL, containers), not only on the disk the extension host runs on.
import * as path from 'path';
import * as vscode from 'vscode';
import { FolderOutsideWorkspaceError } from './downloadErrors';
import { FolderEscape, findFolderEscape } from './folderContainment';
import { assertPlainName, FolderPort } from './folderPort';

export class WorkspaceFolderPort implements FolderPort {
  /** `workspaceFolder`: the one `folder` belongs in (links resolved); none for a folder the person picked. */
  constructor(
    readonly folder: vscode.Uri,
    readonly displayPath: string,
    private readonly workspaceFolder?: vscode.WorkspaceFolder,
  ) {}

  private file(name: string): vscode.Uri {
    assertPlainName(name);
    return vscode.Uri.joinPath(this.folder, name);
  }

  async checkInsideWorkspace(): Promise<void> {
    const workspace = this.workspaceFolder;
    if (!workspace) { return; }
    const onDisk = workspace.uri.scheme === 'file' && this.folder.scheme === 'file';
    const escape = onDisk ? await findFolderEscape(workspace.uri.fsPath, this.folder.fsPath) : await this.linkOnTheWay(workspace.uri);
    if (escape) { throw new FolderOutsideWorkspaceError(`${workspace.name}/${escape.component}`, escape.target); }
  }

  /** Other file systems have no real paths to compare: any link on the way is refused, as where it leads cannot be checked. */
  private async linkOnTheWay(root: vscode.Uri): Promise<FolderEscape | undefined> {
    const relative = path.posix.relative(root.path, this.folder.path);
    if (root.authority !== this.folder.authority || relative === '..' || relative.startsWith('../') || path.posix.isAbsolute(relative)) {
      return { component: this.folder.path };
    }
    let current = root;
    const walked: string[] = [];
    for (const segment of relative.split('/').filter(Boolean)) {
      current = vscode.Uri.joinPath(current, segment);
      walked.push(segment);
      try {
        if ((await vscode.workspace.fs.stat(current)).type & vscode.FileType.SymbolicLink) { return { component: walked.join('/') }; }
      } catch (error) {
        if (isNotFound(error)) { return undefined; }
        throw error;
      }
    }
    return undefined;
  }

  async ensureExists(): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
  }

  async readIfExists(name: string): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(this.file(name));
    } catch (error) {
      if (isNotFound(error)) { return undefined; }
      throw error;
    }
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    await vscode.workspace.fs.writeFile(this.file(name), bytes);
  }

  async renameNoReplace(from: string, to: string): Promise<boolean> {
    try {
      await vscode.workspace.fs.rename(this.file(from), this.file(to), { overwrite: false });
      return true;
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileExists') { return false; }
      throw error;
    }
  }

  async renameReplacing(from: string, to: string): Promise<void> {
    await vscode.workspace.fs.rename(this.file(from), this.file(to), { overwrite: true });
  }

  async deleteIfExists(name: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.file(name), { useTrash: false });
    } catch (error) {
      if (!isNotFound(error)) { throw error; }
    }
  }

  async list(): Promise<string[]> {
    try {
      return (await vscode.workspace.fs.readDirectory(this.folder)).map(([name]) => name);
    } catch (error) {
      if (isNotFound(error)) { return []; }
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}
