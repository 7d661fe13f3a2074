// Loads the usage panel's real bundle into headless Chromium with a stand-in for the webview
// host (acquireVsCodeApi and the --vscode-* theme variables), so a test can send it the host's
// messages and look at what it draws. Used by the unit-layer browser check.

import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { HostToWebview, WebviewToHost } from '../../src/shared/usagePanelMessages';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const root = path.resolve(__dirname, '..', '..', '..');

/** Theme variables as VS Code sets them (a subset of Dark Modern / Light Modern / High Contrast). */
export const THEMES = {
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      '--vscode-foreground': '#cccccc', '--vscode-editor-background': '#1f1f1f', '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-charts-lines': '#80808080', '--vscode-charts-foreground': '#cccccc', '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185', '--vscode-charts-purple': '#b180d7',
      '--vscode-charts-yellow': '#cca700', '--vscode-charts-red': '#f14c4c', '--vscode-disabledForeground': '#cccccc80',
      '--vscode-font-family': 'sans-serif', '--vscode-font-size': '13px', '--vscode-button-background': '#0078d4',
      '--vscode-button-foreground': '#ffffff', '--vscode-widget-border': '#313131', '--vscode-errorForeground': '#f85149',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    vars: {
      '--vscode-foreground': '#3b3b3b', '--vscode-editor-background': '#ffffff', '--vscode-descriptionForeground': '#717171',
      '--vscode-charts-lines': '#61616180', '--vscode-charts-foreground': '#616161', '--vscode-charts-blue': '#1a85ff',
      '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#388a34', '--vscode-charts-purple': '#652d90',
      '--vscode-charts-yellow': '#bf8803', '--vscode-charts-red': '#e51400', '--vscode-disabledForeground': '#61616180',
      '--vscode-font-family': 'sans-serif', '--vscode-font-size': '13px', '--vscode-button-background': '#005fb8',
      '--vscode-button-foreground': '#ffffff', '--vscode-widget-border': '#e5e5e5', '--vscode-errorForeground': '#f85149',
    },
  },
  highContrast: {
    bodyClass: 'vscode-high-contrast',
    vars: {
      '--vscode-foreground': '#ffffff', '--vscode-editor-background': '#000000', '--vscode-descriptionForeground': '#ffffff',
      '--vscode-charts-lines': '#ffffff', '--vscode-charts-foreground': '#ffffff', '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185', '--vscode-charts-purple': '#b180d7',
      '--vscode-charts-yellow': '#ffd700', '--vscode-charts-red': '#f48771', '--vscode-disabledForeground': '#a5a5a5',
      '--vscode-font-family': 'sans-serif', '--vscode-font-size': '13px', '--vscode-contrastBorder': '#6fc3df',
      '--vscode-button-background': '#000000', '--vscode-button-foreground': '#ffffff', '--vscode-errorForeground': '#f48771',
    },
  },
} as const;

export type ThemeName = keyof typeof THEMES;

/** Builds webview-ui/src/usagePanel/main.ts the way the extension's build does (browser IIFE + CSS). */
export async function buildPanelBundle(outDir: string): Promise<{ js: string; css: string }> {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { usagePanel: path.join(root, 'webview-ui', 'src', 'usagePanel', 'main.ts') },
    outdir: outDir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  });
  return { js: path.join(outDir, 'usagePanel.js'), css: path.join(outDir, 'usagePanel.css') };
}

export function themeStyle(theme: ThemeName): string {
  return Object.entries(THEMES[theme].vars).map(([k, v]) => `${k}: ${v};`).join(' ');
}

export class PanelPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, bundle: { js: string; css: string }, theme: ThemeName = 'dark'): Promise<PanelPage> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    // The webview host gives the page acquireVsCodeApi and sets the theme on <html> and <body>.
    await page.setContent(`<!DOCTYPE html><html lang="en" style="${themeStyle(theme)}"><head><meta charset="utf-8">
      <script>
        window.__posted = [];
        window.__state = undefined;
        window.acquireVsCodeApi = () => ({
          postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
          getState: () => window.__state,
          setState: (s) => { window.__state = s; },
        });
      </script></head><body class="${THEMES[theme].bodyClass}"></body></html>`);
    await page.addStyleTag({ content: fs.readFileSync(bundle.css, 'utf8') });
    await page.addScriptTag({ content: fs.readFileSync(bundle.js, 'utf8') });
    return new PanelPage(page);
  }

  async send(message: HostToWebview): Promise<void> {
    await this.page.evaluate((m) => (globalThis as unknown as { postMessage(x: unknown, o: string): void }).postMessage(m, '*'), message);
    // Messages are delivered as tasks; one animation frame later the chart has drawn.
    await this.page.evaluate('new Promise((r) => setTimeout(() => requestAnimationFrame(() => r(undefined)), 0))');
  }

  async posted(): Promise<WebviewToHost[]> {
    return await this.page.evaluate<WebviewToHost[]>('window.__posted');
  }

  async setTheme(theme: ThemeName): Promise<void> {
    await this.page.evaluate(`(() => {
      document.documentElement.setAttribute('style', ${JSON.stringify(themeStyle(theme))});
      document.body.className = ${JSON.stringify(THEMES[theme].bodyClass)};
    })()`);
    await this.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(undefined))))');
  }

  /** How many canvas pixels have exactly each of the given colours ("#rrggbb"), in the middle 80 % of the canvas. */
  async countColours(colours: string[]): Promise<Record<string, number>> {
    return await this.page.evaluate<Record<string, number>>(`(() => {
      const canvas = document.querySelector('canvas');
      const ctx = canvas.getContext('2d');
      const x0 = Math.floor(canvas.width * 0.1), y0 = Math.floor(canvas.height * 0.1);
      const w = Math.floor(canvas.width * 0.8), h = Math.floor(canvas.height * 0.8);
      const data = ctx.getImageData(x0, y0, w, h).data;
      const wanted = ${JSON.stringify(colours)}.map((c) => [c, parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)]);
      const counts = Object.fromEntries(wanted.map(([c]) => [c, 0]));
      for (let i = 0; i < data.length; i += 4) {
        for (const [c, r, g, b] of wanted) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) counts[c]++;
      }
      return counts;
    })()`);
  }

  async texts(selector: string): Promise<string[]> {
    return this.page.$$eval(selector, (nodes: Array<{ textContent: string | null }>) => nodes.map((n) => (n.textContent ?? '').trim()));
  }
}
