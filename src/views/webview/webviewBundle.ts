// Where a panel's page comes from: `dist/webview/<name>.js` and `.css`, built from
// `webview-ui/src/<name>/` by scripts/build.js. Every panel opens with the same options, so no
// page can reach anything of the extension (or the disk) but the bundle.
import * as vscode from 'vscode';
import type { WebviewPageOptions } from './webviewHtml';
import { webviewPageHtml } from './webviewHtml';

function bundleRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function bundleWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [bundleRoot(extensionUri)] };
}

export interface BundlePage {
  /** The folder under webview-ui/src/ (and the file name under dist/webview/). */
  bundle: string;
  language: string;
  title: string;
}

/** The HTML of a page that runs the named bundle, with its URIs made for this webview. */
export function bundlePageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: BundlePage, options?: WebviewPageOptions): string {
  const uri = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(bundleRoot(extensionUri), file)).toString();
  return webviewPageHtml(
    {
      cspSource: webview.cspSource,
      scriptUri: uri(`${page.bundle}.js`),
      styleUri: uri(`${page.bundle}.css`),
      language: page.language,
      title: page.title,
    },
    options,
  );
}
