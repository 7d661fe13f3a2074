// Where downloaded files go. Normally the `azureBilling.invoiceFolder` inside the (first) workspace
// folder. In a workspace that is not trusted, or a window without a folder, nothing is written into
// the workspace: the person is told why and offered a save dialog (one file) or a folder dialog.
import * as os from 'os';
import * as vscode from 'vscode';
import { cancelledError } from '../../azure/errors';
import type { FolderPort } from './folderPort';
import { InvoiceFolderNames, resolveInvoiceFolder } from './invoiceFolder';
import { WorkspaceFolderPort } from './workspaceFolderPort';

export const INVOICE_FOLDER_SETTING = 'azureBilling.invoiceFolder';

export interface Destination {
  folder: FolderPort;
  /** The folder as a Uri, for "Reveal" buttons. */
  folderUri: vscode.Uri;
  /** Set when the person picked the exact file in a save dialog. */
  chosenFileName?: string;
  /** The save dialog already asked before replacing. */
  replaceExisting: boolean;
}

export type WhyNotWorkspace = 'untrusted' | 'noFolder';

export function whyNotWorkspace(): WhyNotWorkspace | undefined {
  if (!vscode.workspace.isTrusted) { return 'untrusted'; }
  if (!vscode.workspace.workspaceFolders?.length) { return 'noFolder'; }
  return undefined;
}

/**
 * The destination for one file (`fileName`) or for several (`fileName` undefined), or a
 * cancellation when the person declined to choose a place.
 */
export async function chooseDestination(
  names: InvoiceFolderNames,
  fileName: string | undefined,
  what: string,
  /** Another folder setting than the invoices' (the chargeback reports'), with its default. */
  folderSetting?: { setting: string; defaultValue: string },
): Promise<Destination> {
  const why = whyNotWorkspace();
  if (why) { return askOutsideWorkspace(why, fileName, what); }
  const workspaceFolder = vscode.workspace.workspaceFolders![0];
  const settingKey = folderSetting?.setting ?? INVOICE_FOLDER_SETTING;
  const setting = vscode.workspace.getConfiguration(undefined, workspaceFolder.uri).get<string>(settingKey);
  const resolved = resolveInvoiceFolder(folderSetting ? setting?.trim() || folderSetting.defaultValue : setting, names);
  if (!resolved.ok) {
    const message =
      resolved.problem === 'absolute'
        ? vscode.l10n.t('The setting {0} must be a folder inside the workspace, not an absolute path.', settingKey)
        : vscode.l10n.t('The setting {0} must not leave the workspace with "..".', settingKey);
    const openSettings = vscode.l10n.t('Open Settings');
    void vscode.window.showErrorMessage(message, openSettings).then((chosen) => {
      if (chosen === openSettings) { void vscode.commands.executeCommand('workbench.action.openSettings', settingKey); }
    });
    throw cancelledError('Choosing where to save');
  }
  const folderUri = vscode.Uri.joinPath(workspaceFolder.uri, ...resolved.segments);
  const display = [workspaceFolder.name, ...resolved.segments].join('/');
  // The port refuses to write if a link takes the folder out of the workspace (see folderContainment).
  return { folder: new WorkspaceFolderPort(folderUri, display, workspaceFolder), folderUri, replaceExisting: false };
}

async function askOutsideWorkspace(why: WhyNotWorkspace, fileName: string | undefined, what: string): Promise<Destination> {
  const reason =
    why === 'untrusted'
      ? vscode.l10n.t('This workspace is not trusted, so Azure Billing does not write {0} into it.', what)
      : vscode.l10n.t('No folder is open, so there is no workspace to save {0} into.', what);
  const choose = fileName ? vscode.l10n.t('Save As…') : vscode.l10n.t('Choose Folder…');
  const answer = await vscode.window.showWarningMessage(reason, { modal: true, detail: vscode.l10n.t('You can choose where to save instead.') }, choose);
  if (answer !== choose) { throw cancelledError('Choosing where to save'); }
  if (fileName) { return chooseFileInDialog(fileName); }
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: vscode.l10n.t('Folder for {0}', what), defaultUri: defaultFolder() });
  if (!picked?.length) { throw cancelledError('Choosing where to save'); }
  return { folder: new WorkspaceFolderPort(picked[0], picked[0].fsPath || picked[0].path), folderUri: picked[0], replaceExisting: false };
}

/**
 * The file the person names in a save dialog that offers the type of `fileName` and starts at it in
 * the workspace folder; the dialog asks before replacing a file, so the save may replace it.
 */
export async function chooseFileInDialog(fileName: string): Promise<Destination> {
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save {0}', fileName),
    defaultUri: vscode.Uri.joinPath(defaultFolder(), fileName),
    filters: filtersFor(fileName),
  });
  if (!target) { throw cancelledError('Choosing where to save'); }
  const folderUri = vscode.Uri.joinPath(target, '..');
  const chosenFileName = target.path.split('/').pop()!;
  return { folder: new WorkspaceFolderPort(folderUri, folderUri.fsPath || folderUri.path), folderUri, chosenFileName, replaceExisting: true };
}

function defaultFolder(): vscode.Uri {
  return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}

function filtersFor(fileName: string): Record<string, string[]> {
  if (fileName.toLowerCase().endsWith('.pdf')) { return { [vscode.l10n.t('PDF documents')]: ['pdf'] }; }
  if (fileName.toLowerCase().endsWith('.csv')) { return { [vscode.l10n.t('CSV files')]: ['csv'] }; }
  return {};
}
