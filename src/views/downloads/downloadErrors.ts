// What can go wrong between "the server gave us a link" and "the file is in the folder", as
// errors the commands turn into messages. None of them carries the download URL.

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
  constructor(
    readonly kind: DownloadFailureKind,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'InvoiceDownloadError';
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
  if (error instanceof InvoiceDownloadError) return error.kind === 'cancelled';
  const e = error as { name?: string; code?: string; kind?: string } | undefined;
  return e?.name === 'AbortError' || e?.code === 'ABORT_ERR' || e?.kind === 'cancelled';
}

/** Removes SAS query strings (`sig=`, `se=`, `sv=`…) and whole https URLs to blob-like hosts from a
 *  message, so that errors from the HTTP stack can be logged without leaking the short-lived link. */
export function withoutDownloadLinks(message: string): string {
  return message.replace(/https?:\/\/[^\s'"<>]+/gi, (url) => {
    try {
      const parsed = new URL(url);
      return `${parsed.protocol}//${parsed.host}/…`;
    } catch {
      return '<link>';
    }
  });
}
