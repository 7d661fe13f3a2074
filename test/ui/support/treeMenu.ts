// Choosing an item of a tree row's context menu as a person does with the keyboard: right-click,
// then arrow down until the item is focused and press Enter (a click can be lost while the menu
// fades in). Shared by the suites that start work from the Azure Billing tree.
import * as assert from 'assert';
import type { Locator, Page } from 'playwright-core';

/** The part of a DOM element's classList read here (the DOM's types are not in this project's libs). */
interface ClassListLike {
  contains(token: string): boolean;
}

/** Right-click `row` and choose the menu item titled `title`. */
export async function chooseFromMenu(page: Page, row: Locator, title: string): Promise<void> {
  await row.click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-item', { hasText: title }).first();
  await item.waitFor({ timeout: 10_000 });
  for (let i = 0; i < 12 && !(await item.evaluate((e: { classList: ClassListLike }) => e.classList.contains('focused'))); i++) {await page.keyboard.press('ArrowDown');}
  assert.ok(await item.evaluate((e: { classList: ClassListLike }) => e.classList.contains('focused')), `the menu item ${title} is selected`);
  await page.keyboard.press('Enter');
}
