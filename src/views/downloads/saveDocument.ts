// Puts a checked document into a folder without ever exposing a half-written file and without
// replacing a different file that is already there.
import * as crypto from 'crypto';
import { InvoiceDownloadError } from './downloadErrors';
import { FolderPort } from './folderPort';
import { numberedVariant } from './invoiceFileName';

export type SaveOutcome =
  /** A new file. */
  | 'saved'
  /** The same bytes were already there; nothing was written. */
  | 'alreadyThere'
  /** A different file had the name; the document was saved under a numbered variant. */
  | 'savedBeside';

export interface SaveResult {
  outcome: SaveOutcome;
  fileName: string;
}

const MAX_VARIANTS = 99;

/**
 * Writes `bytes` to a temporary file in the folder, then renames it to `fileName` without replacing
 * anything. If a different file already has the name, the document goes to `name (2).pdf`, `(3)`…
 * (or to the first variant that already holds the same bytes). The temporary file is gone afterwards,
 * whatever happened. `replaceExisting` is for a name the person chose in a save dialog that
 * already asked whether to replace the file there. A workspace folder that a link leads out of the
 * workspace is refused (FolderOutsideWorkspaceError) before anything is created.
 */
export async function saveDocument(
  folder: FolderPort,
  fileName: string,
  bytes: Uint8Array,
  signal?: AbortSignal,
  options: { replaceExisting?: boolean } = {},
): Promise<SaveResult> {
  const throwIfCancelled = () => {
    if (signal?.aborted) { throw new InvoiceDownloadError('cancelled', 'The download was cancelled.'); }
  };
  throwIfCancelled();
  // Every write into the workspace comes through here: before a folder or a temporary file is
  // created, a link must not be leading the folder out of the workspace.
  await folder.checkInsideWorkspace();
  try {
    await folder.ensureExists();
  } catch (error) {
    throw new InvoiceDownloadError('writeFailed', `Could not create the folder ${folder.displayPath}.`, (error as Error).message);
  }
  const temporary = `.${fileName}.${crypto.randomBytes(6).toString('hex')}.part`;
  try {
    await folder.write(temporary, bytes);
    if (options.replaceExisting) {
      throwIfCancelled();
      await folder.renameReplacing(temporary, fileName);
      return { outcome: 'saved', fileName };
    }
    for (let n = 1; n <= MAX_VARIANTS; n++) {
      throwIfCancelled();
      const candidate = n === 1 ? fileName : numberedVariant(fileName, n);
      if (await folder.renameNoReplace(temporary, candidate)) {
        return { outcome: n === 1 ? 'saved' : 'savedBeside', fileName: candidate };
      }
      const existing = await folder.readIfExists(candidate);
      if (existing && sameBytes(existing, bytes)) { return { outcome: 'alreadyThere', fileName: candidate }; }
    }
    throw new InvoiceDownloadError('writeFailed', `Too many files named like ${fileName} in ${folder.displayPath}.`);
  } catch (error) {
    if (error instanceof InvoiceDownloadError) { throw error; }
    throw new InvoiceDownloadError('writeFailed', `Could not write ${fileName} in ${folder.displayPath}.`, (error as Error).message);
  } finally {
    await folder.deleteIfExists(temporary).catch(() => undefined);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a).equals(Buffer.from(b));
}
