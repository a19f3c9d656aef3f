/// <reference lib="dom" />
import type { Browser, BrowserContext } from 'playwright-core';
import request from 'supertest';
import type { AppConfig } from '../src/config/config';
import { auth, counts, createApprovedCampaign, until } from './campaigns.support';
import { launchBrowser } from './support/browser';
import { ConsoleMember, createConsoleMember, signedInPage } from './support/console';
import { checkPageState } from './support/console-pages';
import { seedCustomers, seedIncident } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

/**
 * A campaign that paused itself while the mail server refused the e-mails for now: its page says
 * when it sends again by itself and why it paused, and offers Resume (Chromium, English and Dutch).
 */
describe('Console: a campaign that paused itself (Chromium)', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inst: TestInstallation;
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let member: ConsoleMember;
  let campaignId: number;
  let creator: string;
  let approver: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    sink.setRule(() => ({ code: 421, message: 'Too many connections, try again later' }));
    // A long cool-off, so the page is looked at while the campaign waits.
    inst = await createInstallation({ smtpUrl: sink.url, sendFailurePauseAfter: 3, sendRate: 5, sendAutoResumeSeconds: 600, reconcileIntervalSeconds: 1 });
    t = await inst.startApp({ listen: true } as Partial<AppConfig>);
    browser = await launchBrowser();
    member = await createConsoleMember(t, 'comms', 'Carla Comms', 'carla@example.org');
    creator = (await inst.staffToken('comms', 'Ada')).token;
    approver = (await inst.staffToken('comms', 'Bram')).token;
    const incidentId = await seedIncident(inst.db, { title: 'Records photographed at the counter' });
    await seedCustomers(inst.db, incidentId, 10);
    campaignId = await createApprovedCampaign(t, incidentId, creator, approver);
    await request(t.http).post(`/api/campaigns/${campaignId}/start`).set(auth(creator)).expect(202);
    await until(() => counts(t, campaignId, creator), (c) => c.status === 'paused' && c.resumeAt !== null);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await inst?.close();
    await sink?.close();
  });


  it('says when it sends again by itself and why, and offers Resume', async () => {
    const page = await signedInPage(browser, contexts, t.baseUrl, member);
    await page.goto(`${t.baseUrl}/console/campaigns/${campaignId}?lang=en`);
    const main = await page.locator('main').innerText();
    expect(main).toMatch(/The mail server refused the e-mails for now\. The campaign sends again by itself from .+; if the mail server works again already, resume now\./);
    expect(main).toMatch(/Reason: Paused automatically after \d+ consecutive send failures \(the last: .*421/);
    expect(await page.getByRole('button', { name: 'Resume' }).count()).toBe(1);
    await checkPageState(page, 'campaign-paused-automatically');

    await page.goto(`${t.baseUrl}/console/campaigns/${campaignId}?lang=nl`);
    expect(await page.locator('main').innerText()).toMatch(/De campagne verstuurt vanzelf weer vanaf .+; werkt de mailserver al weer, hervat dan nu\./);
    await checkPageState(page, 'campaign-paused-automatically-nl');

    sink.setRule(undefined);
    await page.goto(`${t.baseUrl}/console/campaigns/${campaignId}?lang=en`);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction(() => document.querySelector('.live .tag')?.textContent === 'Completed', undefined, { timeout: 0, polling: 500 });
    expect(await page.locator('main').innerText()).not.toContain('sends again by itself');
    expect(sink.messages).toHaveLength(10);
  });

  it('says after permanent refusals that a person must have the mail server checked, and what resuming then does', async () => {
    sink.setRule(() => ({ code: 554, message: 'Relay access denied' }));
    const incidentId = await seedIncident(inst.db, { title: 'Records viewed without a reason' });
    await seedCustomers(inst.db, incidentId, 10, `i${incidentId}.example`);
    const id = await createApprovedCampaign(t, incidentId, creator, approver);
    await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(creator)).expect(202);
    await until(() => counts(t, id, creator), (c) => c.status === 'paused');
    const page = await signedInPage(browser, contexts, t.baseUrl, member);
    await page.goto(`${t.baseUrl}/console/campaigns/${id}?lang=en`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('The mail server kept refusing the e-mails, and trying again by itself will not help.');
    expect(main).toContain('the e-mails refused during this outage are then sent again (except those already in a print batch)');
    expect(main).not.toContain('sends again by itself from');
    await checkPageState(page, 'campaign-paused-for-a-person');
    await page.goto(`${t.baseUrl}/console/campaigns/${id}?lang=nl`);
    expect(await page.locator('main').innerText()).toContain('Laat de instellingen van de mailserver nakijken en hervat de campagne daarna');
    await checkPageState(page, 'campaign-paused-for-a-person-nl');
  });
});
