/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import request from 'supertest';
import type { AppConfig } from '../src/config/config';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Kept after the run so a person can look at them. */
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/register-shots';

/** The public breach report form in headless Chromium without JavaScript, checked with axe (WCAG 2.2 AA). */
describe('Public breach report form in a real browser', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inst: TestInstallation;
  let t: TestApp;
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url, breachReportLimit: 100 });
    t = await inst.startApp({ listen: true } as Partial<AppConfig>);
    admin = (await inst.staffToken('admin', 'Eva', 'eva@staff.example')).token;
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await sink?.close();
    await inst?.close();
  });

  async function openPage(width: number, locale = 'en-GB'): Promise<{ page: Page; cspErrors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false, locale });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    return { page, cspErrors };
  }

  /** axe needs script in the page; a second context with JavaScript on checks the same server-rendered HTML. */
  async function axeViolations(url: string, width: number, fill?: (page: Page) => Promise<void>): Promise<string[]> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(url);
    if (fill) await fill(page);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    await context.close();
    // axe really ran on this page (a script blocked by the page's CSP would report nothing at all).
    expect(result.passes.length).toBeGreaterThan(0);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  const layout = (page: Page) =>
    page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, headerBackground: getComputedStyle(document.querySelector('header')!).backgroundColor }));

  it.each([320, 1280])('shows the form at %i px wide: styled by its own stylesheet, nothing wider than the screen, no axe violations', async (width) => {
    const { page, cspErrors } = await openPage(width);
    const res = await page.goto(`${t.baseUrl}/report?lang=en`);
    expect(res?.status()).toBe(200);
    await page.screenshot({ path: join(SHOTS, `report-en-${width}.png`), fullPage: true });
    const l = await layout(page);
    expect(cspErrors).toEqual([]);
    expect(l.scrollWidth).toBeLessThanOrEqual(width);
    expect(l.headerBackground).toBe('rgb(11, 61, 145)');
    for (const label of ['What happened', 'When did you notice it', 'Your organisation', 'Your name', 'Your email address', 'Your phone number']) {
      await expect(page.getByLabel(label, { exact: true }).count()).resolves.toBe(1);
    }
    await expect(page.getByRole('button', { name: 'Send report' }).count()).resolves.toBe(1);
    expect(await axeViolations(`${t.baseUrl}/report?lang=en`, width)).toEqual([]);
    await page.context().close();
  });

  it('is Dutch for a Dutch browser and for ?lang=nl', async () => {
    const { page } = await openPage(1280, 'nl-NL');
    await page.goto(`${t.baseUrl}/report`);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Een datalek melden');
    await page.screenshot({ path: join(SHOTS, 'report-nl-320.png'), fullPage: true });
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Report a data breach');
    await page.context().close();
  });

  it('shows an error summary linking to each field and keeps what was typed', async () => {
    const { page } = await openPage(320);
    await page.goto(`${t.baseUrl}/report?lang=en`);
    const typed = 'A folder with <b>customer</b> letters lay in the train — "line 2"';
    await page.getByLabel('What happened').fill(typed);
    await page.getByLabel('Your email address').fill('not-an-address');
    await page.getByRole('button', { name: 'Send report' }).click();
    expect(await page.title()).toBe('Error: Report a data breach');
    const summary = page.getByRole('alert');
    expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual(['Enter when you noticed it', 'Enter your name', 'Enter an email address like name@example.com']);
    expect(await page.getByLabel('What happened').inputValue()).toBe(typed);
    expect(await page.getByLabel('Your email address').inputValue()).toBe('not-an-address');
    expect(await page.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(SHOTS, 'report-errors-320.png'), fullPage: true });
    // Keyboard: the summary's link moves focus to its field.
    await links.first().focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noticedAt');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SHOTS, 'report-errors-1280.png'), fullPage: true });
    const violations = await axeViolations(`${t.baseUrl}/report?lang=en`, 320, async (p) => {
      await p.getByLabel('What happened').fill(typed);
      await p.getByRole('button', { name: 'Send report' }).click();
    });
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('thanks the reporter with a reference and nothing of what was sent, and tells the admins without the content', async () => {
    sink.messages.length = 0;
    const { page } = await openPage(320);
    await page.goto(`${t.baseUrl}/report?lang=en`);
    await page.getByLabel('What happened').fill('I received a list of other customers’ meter readings by e-mail.');
    await page.getByLabel('When did you notice it').fill('1-12-2026 14:30');
    await page.getByLabel('Your organisation').fill('Buurtvereniging De Linde');
    await page.getByLabel('Your name').fill('Joke Reporter');
    await page.getByLabel('Your phone number').fill('06 1234 5678');
    await page.getByRole('button', { name: 'Send report' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you for your report');
    const reference = (await page.locator('.reference strong').textContent())!;
    expect(reference).toMatch(/^MR-[2-9A-Z]{8}$/);
    const html = await page.content();
    for (const sent of ['meter readings', '14:30', 'De Linde', 'Joke', '1234 5678']) expect(html).not.toContain(sent);
    expect(page.url()).not.toMatch(/Joke|1234/);
    await page.screenshot({ path: join(SHOTS, 'report-thanks-320.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SHOTS, 'report-thanks-1280.png'), fullPage: true });
    expect(await axeViolations(page.url(), 320)).toEqual([]);
    await page.context().close();

    while (sink.messages.length < 1) await new Promise((r) => setTimeout(r, 50));
    const mail = sink.messages[0];
    expect(mail.to).toEqual(['eva@staff.example']);
    expect(mail.parsed.text).toContain(reference);
    for (const sent of ['meter readings', 'De Linde', 'Joke', '1234 5678']) expect(mail.raw.toString()).not.toContain(sent);

    const reports = (await request(t.http).get('/api/breach-reports').set('Authorization', `Bearer ${admin}`).expect(200)).body as { reference: string; reporterName: string; reporterPhone: string; organisation: string }[];
    expect(reports.find((r) => r.reference === reference)).toMatchObject({ reporterName: 'Joke Reporter', reporterPhone: '06 1234 5678', organisation: 'Buurtvereniging De Linde' });
  });
});
