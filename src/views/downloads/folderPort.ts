// The few file operations the download pipeline needs, on one folder, by plain file name. Bound to
// a folder so that a name can never address anything outside it; implemented over Node's `fs`
// (tests, local files) and over `vscode.workspace.fs` (the extension, any workspace file system).

export interface FolderPort {
  /** How the folder is shown to a person (a workspace-relative path, never a secret). */
  readonly displayPath: string;
  /**
   * Throws FolderOutsideWorkspaceError when the folder belongs in a workspace folder but it, or a
   * component on the way to it, is a link that leads out. Only reads. A folder the person picked in
   * a dialog has nothing to check.
   */
  checkInsideWorkspace(): Promise<void>;
  /** Creates the folder and its parents when missing. */
  ensureExists(): Promise<void>;
  /** The file's bytes, or undefined when there is no such file. */
  readIfExists(name: string): Promise<Uint8Array | undefined>;
  /** Writes (creating or replacing) a file; used only for temporary files. */
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** Renames within the folder; resolves false, leaving both untouched, when `to` already exists. */
  renameNoReplace(from: string, to: string): Promise<boolean>;
  /** Renames within the folder, replacing `to`: only for a file the person chose to replace (a save dialog asked). */
  renameReplacing(from: string, to: string): Promise<void>;
  /** Deletes a file; missing files are fine. */
  deleteIfExists(name: string): Promise<void>;
  /** Names of the files in the folder ([] when the folder does not exist). */
  list(): Promise<string[]>;
}

/** Every name handed to a port must be one plain segment; a bug elsewhere must not become a path. */
export function assertPlainName(name: string): void {
  if (!name || name === '.' || name === '..' || /[/\\]/.test(name) || name.includes('\u0000')) {
    throw new Error(`Refusing a file name that is not a single path segment: ${JSON.stringify(name)}`);
  }
}
