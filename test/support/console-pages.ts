import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './browser';

/** Screenshots of console pages go here (outside the repository), for people to look at. */
export const SHOTS = process.env.CONSOLE_SCREENSHOT_DIR ?? '/tmp/console-shots';

/**
 * Checks a page state the way the standards ask: axe (WCAG 2.2 AA) finds nothing, there is one h1
 * and the title starts with it, nothing is wider than the screen; and keeps a screenshot at 320 and
 * 1280 px wide.
 */
export async function checkPageState(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  const { h1s, title } = await page.evaluate(() => ({ h1s: Array.from(document.querySelectorAll("h1")).map((h) => h.textContent ?? ''), title: document.title }));
  expect(h1s).toHaveLength(1);
  expect(title.startsWith(h1s[0])).toBe(true);
  mkdirSync(SHOTS, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect({ name, width, overflow }).toEqual({ name, width, overflow: 0 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** Moves the focus with Tab only (as a keyboard user does) until `target` has it. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Could not reach the element with Tab');
}
