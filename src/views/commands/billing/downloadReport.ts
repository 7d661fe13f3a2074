// What a batch download tells the person: how many were saved, how many were already there or
// went beside a different file, and which failed and why.
import * as vscode from 'vscode';
import type { Destination } from '../../downloads/downloadDestination';
import type { InvoiceDownloadResult } from '../../downloads/invoiceDownloads';

export function revealButton(): string {
  return vscode.l10n.t('Reveal in Explorer');
}

export function downloadReport(results: InvoiceDownloadResult[], destination: Destination): void {
  const saved = results.filter((r) => r.saved?.outcome === 'saved').length;
  const already = results.filter((r) => r.saved?.outcome === 'alreadyThere').length;
  const beside = results.filter((r) => r.saved?.outcome === 'savedBeside').length;
  const failed = results.filter((r) => r.failure);
  const parts = [vscode.l10n.t('{0} of {1} invoices saved in {2}.', saved + beside, results.length, destination.folder.displayPath)];
  if (already) { parts.push(vscode.l10n.t('{0} were already there.', already)); }
  if (beside) { parts.push(vscode.l10n.t('{0} went beside a different file of the same name.', beside)); }
  // Distinct texts only: a refused folder fails every invoice with the same sentence.
  if (failed.length) { parts.push([...new Set(failed.map((r) => r.failure))].join(' ')); }
  const reveal = revealButton();
  const show = failed.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(parts.join(' '), reveal).then((chosen) => {
    if (chosen === reveal) { void vscode.commands.executeCommand('revealInExplorer', destination.folderUri); }
  });
}
