// What the editor's network settings say, read here (the layer that knows VS Code) and handed down
// to `src/azure/` as plain options: the proxy (`http.proxy`, `http.proxyStrictSSL`, `http.noProxy`,
// `http.proxySupport`, then HTTPS_PROXY / NO_PROXY; see docs/networking.md) and the user agent.
import * as vscode from 'vscode';
import { resolveProxyOptions, ProxyOptions } from '../../azure/proxy';

/** Settings whose change rebuilds the session, so new connections take the new route. */
export const NETWORK_SETTINGS = ['http.proxy', 'http.proxyStrictSSL', 'http.noProxy', 'http.proxySupport'];

export function editorProxyOptions(env: NodeJS.ProcessEnv = process.env): ProxyOptions {
  const http = vscode.workspace.getConfiguration('http');
  return resolveProxyOptions(
    {
      proxy: http.get<string>('proxy'),
      strictSSL: http.get<boolean>('proxyStrictSSL'),
      noProxy: http.get<string[]>('noProxy'),
      support: http.get<string>('proxySupport'),
    },
    env,
  );
}

/** `azure-billing-insight/<version> VSCode/<version>`: who is calling, for Azure's own diagnostics. */
export function userAgent(extensionVersion: string): string {
  return `azure-billing-insight/${extensionVersion} VSCode/${vscode.version}`;
}
