/**
 * What every browser step file shares: the step shape, assertions and the gestures antd needs
 * (picking a select option, dragging a kanban card, reading a list's rows).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Step {
  name: string;
  run: () => Promise<void>;
  timeoutMs?: number;
  /** The area file it comes from: a failure skips the rest of that area only. */
  area?: string;
}

/** What an area's steps get from the runner: the server, the signed-in demo page, fresh browsers. */
export interface AreaContext {
  baseUrl: string;
  /** The demo workspace's owner, signed in, in 简体中文 (the main flow's steps ran before). */
  demoPage: () => Page;
  /** A fresh browser context (English, Asia/Shanghai) with the runner's logging. */
  newContext: () => Promise<BrowserContext>;
}

/** Picks an option of an antd Select: opens it, then clicks the option whose text is exactly `label`. */
export async function pickOption(page: Page, select: ReturnType<Page['locator']>, label: string): Promise<void> {
  await select.click();
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Closed dropdowns of other selects stay in the page (transparent): the one just opened is the last.
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${escaped}$`) }).first().click();
}

/** Drags a kanban card onto a column the way a hand does: press, a small move to start, the way over, release. */
export async function dragCard(page: Page, card: ReturnType<Page['locator']>, column: ReturnType<Page['locator']>): Promise<void> {
  await card.waitFor();
  // A board that is still reloading (after a create, or a pushed change) re-renders under the pointer and drops the drag.
  await page.waitForLoadState('networkidle');
  // A card low in a long column is below the fold: the mouse cannot press what is not on screen.
  await card.scrollIntoViewIfNeeded();
  const from = await card.boundingBox();
  const to = await column.boundingBox();
  assert(from && to, 'the card or the column is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 16 });
  await page.mouse.up();
}

/** The names in the rows of a record list (virtual rows: those in view). */
export async function rowNames(page: Page, testId: string): Promise<string[]> {
  const rows = page.getByTestId(testId).locator('[data-testid="list-row"]');
  return (await rows.evaluateAll((els) => els.map((el) => el.querySelector('a')?.textContent?.trim() ?? ''))).sort();
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

