// The one page every panel starts from: its policy lets in the bundle and nothing else, and no
// title or URI can break out of its attribute.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNonce, webviewPageHtml } from '../../../src/views/webview/webviewHtml';

const resources = {
  cspSource: 'https://file+.vscode-resource.example',
  scriptUri: 'https://file+.vscode-resource.example/dist/webview/panel.js',
  styleUri: 'https://file+.vscode-resource.example/dist/webview/panel.css',
  language: 'ko',
  title: 'Invoices "2026" <draft>',
};

const policyOf = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

describe('webview page', () => {
  it('allows only the nonce\'d script and the bundle\'s styles, fonts and images', () => {
    const html = webviewPageHtml(resources, {}, 'abc123');
    assert.equal(
      policyOf(html),
      "default-src 'none'; script-src 'nonce-abc123'; style-src https://file+.vscode-resource.example; font-src https://file+.vscode-resource.example; img-src https://file+.vscode-resource.example",
    );
    assert.match(html, /<script nonce="abc123" src="https:\/\/file\+\.vscode-resource\.example\/dist\/webview\/panel\.js"><\/script>/);
    assert.match(html, /<html lang="ko">/);
  });

  it('adds the extra image sources a panel asks for, and its static markup before the script', () => {
    const html = webviewPageHtml(resources, { extraImageSources: ['data:'], body: '<main id="app"></main>' }, 'n');
    assert.match(policyOf(html), /img-src https:\/\/file\+\.vscode-resource\.example data:$/);
    assert.match(html, /<body>\n<main id="app"><\/main>\n<script nonce="n"/);
  });

  it('escapes the title and attributes', () => {
    const html = webviewPageHtml(resources);
    assert.match(html, /<title>Invoices &quot;2026&quot; &lt;draft&gt;<\/title>/);
  });

  it('makes a fresh alphanumeric nonce each time', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{16,}$/);
    assert.notEqual(a, makeNonce());
  });
});
