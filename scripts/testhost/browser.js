// Headless Chromium (Debian's, driven by playwright-core) showing a VS Code server's workbench.
// The browser console is where the web workbench forwards the extension host's console, so it
// is collected: test output printed by the suites arrives there.
const { chromium } = require('playwright-core');
const { onCleanup } = require('./processes');

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function launchBrowser(host, { locale } = {}) {
  const browser = await chromium.launch({ executablePath: host.chromium, headless: true, args: CHROMIUM_FLAGS });
  const close = onCleanup(() => browser.close().catch(() => {}));
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: locale || 'en-US' });
  return { browser, context, close };
}

/**
 * Opens a workbench URL in a new page. `onConsole(text, type)` receives the page's console
 * messages; by default they are kept in `messages` only.
 */
async function openWorkbench(context, url, { onConsole } = {}) {
  const page = await context.newPage();
  const messages = [];
  page.on('console', (msg) => {
    const text = msg.text();
    messages.push(`${msg.type()}: ${text}`);
    if (onConsole) { onConsole(text, msg.type()); }
  });
  page.on('pageerror', (err) => messages.push(`pageerror: ${err.message}`));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // The workbench is usable once its parts are in the DOM.
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60000 });
  return { page, messages };
}

module.exports = { launchBrowser, openWorkbench };
