// The table panel's page: nothing but the bundle, under a Content-Security-Policy that allows only
// the bundle's script (by nonce) and stylesheet. The data never goes into the HTML; it arrives by
// postMessage, so no server-supplied text is ever parsed as markup.
import * as crypto from 'crypto';

export interface TablePageResources {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  language: string;
  title: string;
}

export function makeNonce(): string {
  return crypto.randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function tablePageHtml(resources: TablePageResources, nonce = makeNonce()): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${resources.cspSource}`,
    `font-src ${resources.cspSource}`,
    `img-src ${resources.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(resources.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(resources.styleUri)}">
<title>${escapeAttribute(resources.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${escapeAttribute(resources.scriptUri)}"></script>
</body>
</html>`;
}
