// The page every panel of the extension starts from: only its bundle, under a Content-Security-Policy
// that lets in the bundle's script (by nonce) and stylesheet and nothing else. Data and strings
// arrive by postMessage, so no text from Azure is ever parsed as markup. Plain strings, no vscode,
// so the policy can be read and tested on its own.
import * as crypto from 'crypto';

export interface WebviewPageResources {
  /** The webview's own source (`webview.cspSource`): where the bundle is served from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** BCP 47 tag for the page's `lang`. */
  language: string;
  title: string;
}

export interface WebviewPageOptions {
  /** Static markup placed before the script (the page's root element, if the script expects one). */
  body?: string;
  /** Image sources beyond the bundle (e.g. `data:`). */
  extraImageSources?: string[];
}

export function makeNonce(): string {
  return crypto.randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function webviewPageHtml(resources: WebviewPageResources, options: WebviewPageOptions = {}, nonce = makeNonce()): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${resources.cspSource}`,
    `font-src ${resources.cspSource}`,
    ['img-src', resources.cspSource, ...(options.extraImageSources ?? [])].join(' '),
  ].join('; ');
  const body = options.body ? `${options.body}\n` : '';
  return `<!DOCTYPE html>
<html lang="${attribute(resources.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(resources.styleUri)}">
<title>${attribute(resources.title)}</title>
</head>
<body>
${body}<script nonce="${nonce}" src="${attribute(resources.scriptUri)}"></script>
</body>
</html>`;
}
