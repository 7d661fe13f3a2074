// The page inside the webview a person is looking at. VS Code shows a webview as an iframe
// (`iframe.webview`) whose document holds the extension's page in a second iframe
// (`iframe#active-frame`); every open webview keeps its iframe, hidden ones are not visible.
import type { Frame, Page } from 'playwright-core';

/**
 * The inner frame of the one visible webview, once its page has an element matching `ready`
 * (and containing `hasText`, to tell a new panel from the one that was visible before it).
 */
export async function visibleWebviewFrame(page: Page, ready: string, hasText?: string, timeoutMs = 60_000): Promise<Frame> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    for (const outer of await page.locator('iframe.webview').all()) {
      if (!(await outer.isVisible())) {continue;}
      const outerFrame = await (await outer.elementHandle())?.contentFrame();
      const inner = await (await outerFrame?.$('iframe#active-frame'))?.contentFrame();
      if (inner && (await inner.locator(ready, { hasText }).count().catch(() => 0)) > 0) {return inner;}
    }
    if (Date.now() > until) {throw new Error(`no visible webview shows ${ready}`);}
    await page.waitForTimeout(250);
  }
}
