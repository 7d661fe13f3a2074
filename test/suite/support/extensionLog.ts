// The extension's own log as the run leaves it on disk: VS Code writes each LogOutputChannel of
// an extension into `<context.logUri>/<channel name>.log`, which the extension's test API names.
import * as vscode from 'vscode';
import type { AzureBillingApi } from '../../../src/extension';
import { eventually } from '../explorerBillingHelpers';

/**
 * Raises the default log level of the window to trace; the extension's channel follows it (it has
 * no level of its own). VS Code honours this command only in an extension-tests run, and the
 * extension API has no setter for a channel's level, so this is the hook a test run has.
 */
export async function setLogLevelToTrace(): Promise<void> {
  await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
}

/** The level reaches the extension host by message: waits until the channel reports it. */
export async function logLevelIsTrace(api: AzureBillingApi): Promise<boolean> {
  const level = await eventually(() => Promise.resolve(api.log.level), (l) => l === vscode.LogLevel.Trace, 10_000);
  return level === vscode.LogLevel.Trace;
}

/** Every `.log` file in the extension's log folder, read whole. */
export async function readExtensionLog(api: AzureBillingApi): Promise<string> {
  const entries = await vscode.workspace.fs.readDirectory(api.log.folder).then(undefined, () => [] as [string, vscode.FileType][]);
  const files = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.log')).map(([name]) => name).sort();
  const texts = await Promise.all(files.map(async (name) => Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(api.log.folder, name))).toString('utf8')));
  return texts.join('\n');
}

/**
 * Logs `marker` through the extension's logger and waits until the file holds it: lines reach the
 * file through the workbench's buffered writer, so everything logged before is then on disk too.
 */
export async function logUpTo(api: AzureBillingApi, marker: string): Promise<string> {
  api.log.logger.info(marker);
  const text = await eventually(() => readExtensionLog(api), (t) => t.includes(marker), 20_000);
  if (!text.includes(marker)) { throw new Error(`the marker line never reached the log files in ${api.log.folder.toString()}`); }
  return text;
}
