import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';
import { CHROMIUM_PATH as CHROMIUM } from './system-tools';

/**
 * Debian's Chromium, headless. Never skipped: the test setup (test/global-setup.ts) installs it
 * when it is missing and it can; otherwise the run fails with the command that fixes it.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Browser tests need Chromium at ${CHROMIUM}: run \`apt-get install chromium\` or set CHROMIUM_PATH.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** WCAG 2.2 AA (and the levels below it) as axe knows them. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The axe violations of the page as it is now, as short lines (empty when there are none). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; ')})`);
}
