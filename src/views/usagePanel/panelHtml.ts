// The usage panel's page: only the bundle, under a Content-Security-Policy that lets in the
// bundle's script (by nonce) and its stylesheet. Data and strings arrive by postMessage, so no
// text from Azure is ever parsed as markup. chart.js styles its canvas through the CSSOM, which
// the policy allows without 'unsafe-inline'.

import * as crypto from 'crypto';

export interface UsagePageResources {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  language: string;
  title: string;
}

export function makeNonce(): string {
  return crypto.randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function usagePageHtml(resources: UsagePageResources, nonce = makeNonce()): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${resources.cspSource}`,
    `font-src ${resources.cspSource}`,
    // The PNG export reads the canvas; nothing is loaded from elsewhere.
    `img-src ${resources.cspSource} data:`,
  ].join('; ');
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
<script nonce="${nonce}" src="${attribute(resources.scriptUri)}"></script>
</body>
</html>`;
}
