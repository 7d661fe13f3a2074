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
      const inner = await innerFrameOf(outer, ready, hasText);
      if (inner) {return inner;}
    }
    if (Date.now() > until) {throw new Error(`no visible webview shows ${ready}`);}
    await page.waitForTimeout(250);
  }
}

/**
 * The ready inner frame of one webview, or undefined. VS Code swaps a webview's inner document (its frame detaches, or its execution context is gone)
 * when it loads a page (and drops a panel's iframe when it closes), so a frame can detach while it
 * is being looked at: that is "not ready yet", and the caller looks again.
 */
async function innerFrameOf(outer: ReturnType<Page['locator']>, ready: string, hasText?: string): Promise<Frame | undefined> {
  try {
    if (!(await outer.isVisible())) {return undefined;}
    const outerFrame = await (await outer.elementHandle())?.contentFrame();
    const inner = await (await outerFrame?.$('iframe#active-frame'))?.contentFrame();
    if (inner && (await inner.locator(ready, { hasText }).count()) > 0) {return inner;}
  } catch (error) {
    if (!(error instanceof Error) || !/detached|Target closed|has been closed|Cannot find context|Execution context was destroyed/i.test(error.message)) {throw error;}
  }
  return undefined;
}
