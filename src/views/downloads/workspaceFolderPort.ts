// FolderPort over `vscode.workspace.fs`, so downloads work in any workspace file system the editor
// can write (local, remote, WSL, containers), not only on the disk the extension host runs on.
import * as vscode from 'vscode';
import { assertPlainName, FolderPort } from './folderPort';

export class WorkspaceFolderPort implements FolderPort {
  constructor(
    readonly folder: vscode.Uri,
    readonly displayPath: string,
  ) {}

  private file(name: string): vscode.Uri {
    assertPlainName(name);
    return vscode.Uri.joinPath(this.folder, name);
  }

  async ensureExists(): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
  }

  async readIfExists(name: string): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(this.file(name));
    } catch (error) {
      if (isNotFound(error)) return undefined;
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
      if (error instanceof vscode.FileSystemError && error.code === 'FileExists') return false;
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
      if (!isNotFound(error)) throw error;
    }
  }

  async list(): Promise<string[]> {
    try {
      return (await vscode.workspace.fs.readDirectory(this.folder)).map(([name]) => name);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}
