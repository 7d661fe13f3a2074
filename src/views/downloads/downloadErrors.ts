// What can go wrong between "the server gave us a link" and "the file is in the folder", as
// errors the commands turn into messages. None of them carries the download URL: their text goes
// through the one redaction of azure/log.ts.
import { redactText } from '../../azure/log';

export type DownloadFailureKind =
  /** The person cancelled; nothing was left behind. */
  | 'cancelled'
  /** The connection closed before the whole document arrived. */
  | 'interrupted'
  /** What arrived is not a PDF (or not a whole one). */
  | 'notPdf'
  /** The download link was refused (expired or not valid). */
  | 'linkRefused'
  /** The document is larger than we are willing to hold. */
  | 'tooLarge'
  /** The folder could not be written. */
  | 'writeFailed';

export class InvoiceDownloadError extends Error {
  /** What the lower layer said (a file system or stream error), redacted like the message. */
  readonly detail?: string;

  constructor(
    readonly kind: DownloadFailureKind,
    message: string,
    detail?: string,
  ) {
    // A stream error of the HTTP client names the URL it was reading: the short-lived link itself.
    super(redactText(message));
    this.name = 'InvoiceDownloadError';
    this.detail = detail === undefined ? undefined : redactText(detail);
  }
}

/**
 * A folder of the workspace that leads outside it through a symbolic link: nothing was written,
 * not even a temporary file. `folder` is as a person would find it (workspace name first);
 * `target` is where the link leads, when that can be known.
 */
export class FolderOutsideWorkspaceError extends Error {
  override readonly name = 'FolderOutsideWorkspaceError';
  constructor(
    readonly folder: string,
    readonly target: string | undefined,
  ) {
    super(
      target === undefined
        ? `${folder} is a link whose target cannot be checked; nothing was written.`
        : `${folder} leads to ${target}, outside the workspace folder; nothing was written.`,
    );
  }
}

export function isCancellation(error: unknown): boolean {
  if (error instanceof InvoiceDownloadError) { return error.kind === 'cancelled'; }
  const e = error as { name?: string; code?: string; kind?: string } | undefined;
  return e?.name === 'AbortError' || e?.code === 'ABORT_ERR' || e?.kind === 'cancelled';
}
