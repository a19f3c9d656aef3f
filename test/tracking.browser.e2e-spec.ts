/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { CHROMIUM_PATH } from './support/system-tools';
import request from 'supertest';
import type { AppConfig } from '../src/config/config';
import { seedCustomers } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';
import { letterLinks } from './tracking.seed';

/** Screenshots are kept after the run so a person can look at them. */
const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'fw-tracking-screenshots');

describe('Landing page in a real browser (headless Chromium)', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inst: TestInstallation;
  let t: TestApp;
  let browser: Browser;
  let comms: string;
  let campaignId: number;
  /** Path of the link in each received letter, by recipient. */
  const linkOf = new Map<string, string>();

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url });
    t = await inst.startApp({ listen: true } as Partial<AppConfig>);
    comms = (await inst.staffToken('comms', 'Comms One')).token;
    const approver = (await inst.staffToken('comms', 'Comms Two')).token;
    const incident = await request(t.http)
      .post('/api/incidents')
      .set('Authorization', `Bearer ${comms}`)
      .send({
        title: 'Records photographed at a service desk',
        company: 'Polderstroom Energie',
        hotlinePhone: '0800 765 4321',
        hotlineEmail: 'datalek@polderstroom.example',
        discoveredAt: '2026-11-20T09:30:00Z',
        description: 'Een medewerker van een bedrijf dat voor ons de klantenservice deed, heeft zonder reden klantgegevens opgezocht. Van een deel daarvan maakte hij foto’s, die hij aan criminelen gaf.',
        measuresTaken: 'Dit bedrijf kan niet meer bij onze gegevens. We hebben het datalek gemeld bij de Autoriteit Persoonsgegevens en aangifte gedaan bij de politie.',
        descriptionEn: 'An employee of a company that ran our customer service looked up customer records without any reason. He photographed some of them and gave the photos to criminals.',
        measuresTakenEn: 'That company no longer has access to our records. We reported the breach to the Autoriteit Persoonsgegevens and to the police.',
      })
      .expect(201);
    await seedCustomers(inst.db, incident.body.id as number, [
      { customerNumber: 'KN-1001', name: 'Geertruida Bosman', email: 'g.bosman@voorbeeld.example', tier: 'photographed', language: 'nl' },
      { customerNumber: 'KN-1002', name: 'Arthur Pennington', email: 'a.pennington@voorbeeld.example', tier: 'viewed', language: 'en' },
    ]);
    const campaign = await request(t.http).post(`/api/incidents/${incident.body.id}/campaigns`).set('Authorization', `Bearer ${comms}`).send({ tiers: ['photographed', 'viewed'] }).expect(201);
    campaignId = campaign.body.id as number;
    await request(t.http).post(`/api/campaigns/${campaignId}/approve`).set('Authorization', `Bearer ${approver}`).expect(200);
    await request(t.http).post(`/api/campaigns/${campaignId}/start`).set('Authorization', `Bearer ${comms}`).expect(202);
    while (sink.messages.length < 2) await new Promise((r) => setTimeout(r, 50));
    for (const m of sink.messages) linkOf.set(m.to[0], letterLinks(m.parsed.text ?? '')[0].path);

    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await inst.close();
    await sink.close();
  });

  const counts = async () => (await request(t.http).get(`/api/campaigns/${campaignId}`).set('Authorization', `Bearer ${comms}`).expect(200)).body.counts as { clicked: number; acknowledged: number };

  async function openPage(width: number): Promise<{ page: Page; cspErrors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    return { page, cspErrors };
  }

  /** The whole page, plus screen-sized parts of it that can be looked at in full resolution. */
  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    const { width, height } = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight }));
    for (let y = 0, part = 1; y < height; y += 900, part++) {
      await page.screenshot({ path: join(SHOTS, `${name}.part${part}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(900, height - y) } });
    }
  }

  it.each([375, 1280, 320])('is readable at %i px wide without JavaScript: styled, large text, nothing wider than the screen', async (width) => {
    const { page, cspErrors } = await openPage(width);
    const res = await page.goto(t.baseUrl + linkOf.get('g.bosman@voorbeeld.example')!);
    expect(res?.status()).toBe(200);
    await shoot(page, `landing-nl-${width}`);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      bodyFont: parseFloat(getComputedStyle(document.body).fontSize),
      buttonFont: parseFloat(getComputedStyle(document.querySelector('button')!).fontSize),
      buttonHeight: document.querySelector('button')!.getBoundingClientRect().height,
      headerBackground: getComputedStyle(document.querySelector('header')!).backgroundColor,
    }));
    expect(cspErrors).toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(width);
    expect(layout.bodyFont).toBeGreaterThanOrEqual(18);
    expect(layout.buttonFont).toBeGreaterThanOrEqual(20);
    expect(layout.buttonHeight).toBeGreaterThanOrEqual(48);
    // The stylesheet applied (allowed by its hash), not the browser's default.
    expect(layout.headerBackground).toBe('rgb(11, 61, 145)');
    await page.context().close();
  });

  it('records the acknowledgement when the reader of a received letter presses the button, and the campaign counts show it', async () => {
    const before = await counts();
    const { page } = await openPage(375);
    const path = linkOf.get('a.pennington@voorbeeld.example')!;
    await page.goto(t.baseUrl + path);
    await shoot(page, 'landing-en-375');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.textContent('body')).toContain('He photographed some of them');
    await Promise.all([page.waitForURL(`**${path}/ack`), page.getByRole('button', { name: 'I have read this' }).click()]);
    await shoot(page, 'thanks-en-375');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you, we have noted it');
    expect(await counts()).toMatchObject({ clicked: before.clicked + 1, acknowledged: before.acknowledged + 1 });
    await page.context().close();
  });

  it('shows the 404 page in the same style for an unknown link', async () => {
    const { page, cspErrors } = await openPage(375);
    const res = await page.goto(`${t.baseUrl}/l/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(res?.status()).toBe(404);
    await shoot(page, 'not-found-375');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Deze link werkt niet');
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });
});
