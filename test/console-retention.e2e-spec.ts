/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppConfig } from '../src/config/config';
import { launchBrowser } from './support/browser';
import { ConsoleMember, createConsoleMember, signedInPage } from './support/console';
import { checkPageState } from './support/console-pages';
import { seedCustomers, seedIncident } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

/**
 * The incident page's retention part and the Close incident check step in Chromium: an admin sees
 * when the purge will run and closes through the check page; comms see the status but no button.
 */
describe('Console: Close incident (Chromium)', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inst: TestInstallation;
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: ConsoleMember;
  let comms: ConsoleMember;
  let incidentId: number;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // 30 days, so the page can say when; the API process does not sweep (no purge during the test).
    inst = await createInstallation({ smtpUrl: sink.url, retentionDays: 30 });
    t = await inst.startApp({ listen: true, appRole: 'api' } as Partial<AppConfig>);
    browser = await launchBrowser();
    admin = await createConsoleMember(t, 'admin', 'Ada Lovelace', 'ada@example.org');
    comms = await createConsoleMember(t, 'comms', 'Carla Comms', 'carla@example.org');
    incidentId = await seedIncident(inst.db, { title: 'Records photographed at the counter' });
    await seedCustomers(inst.db, incidentId, 3);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await inst?.close();
    await sink?.close();
  });


  it('shows comms the status and no way to close', async () => {
    const page = await signedInPage(browser, contexts, t.baseUrl, comms);
    await page.goto(`${t.baseUrl}/console/incidents/${incidentId}`);
    await expectText(page, 'Keeping personal data');
    await expectText(page, 'Open');
    expect(await page.getByRole('button', { name: 'Close incident' }).count()).toBe(0);
    const res = await page.goto(`${t.baseUrl}/console/incidents/${incidentId}/close`);
    expect(res?.status()).toBe(403);
  });

  it('lets an admin close through a check step that says what goes and when (English and Dutch)', async () => {
    const page = await signedInPage(browser, contexts, t.baseUrl, admin);
    await page.goto(`${t.baseUrl}/console/incidents/${incidentId}`);
    await checkPageState(page, 'retention-incident-open');
    await page.getByRole('button', { name: 'Close incident' }).click();
    await page.waitForURL(new RegExp(`/console/incidents/${incidentId}/close\\??$`));
    await expectText(page, 'What will be removed');
    await expectText(page, 'This cannot be undone.');
    await checkPageState(page, 'retention-close-check');

    await page.goto(`${t.baseUrl}/console/incidents/${incidentId}/close?lang=nl`);
    await expectText(page, 'Wat wordt verwijderd');
    await checkPageState(page, 'retention-close-check-nl');

    await page.goto(`${t.baseUrl}/console/incidents/${incidentId}/close?lang=en`);
    await page.getByRole('button', { name: 'Close incident' }).click();
    await page.waitForURL(new RegExp(`/console/incidents/${incidentId}$`));
    await expectText(page, 'Closed');
    await expectText(page, 'Personal data will be removed on');
    expect(await page.getByRole('button', { name: 'Close incident' }).count()).toBe(0);
    await checkPageState(page, 'retention-incident-closed');

    const [row]: { status: string; purgeAt: Date; closedAt: Date }[] = await inst.db.query('SELECT status, purgeAt, closedAt FROM incidents WHERE id = ?', [incidentId]);
    expect(row.status).toBe('closed');
    expect(new Date(row.purgeAt).getTime() - new Date(row.closedAt).getTime()).toBe(30 * 86_400_000);
    const audit: { n: number }[] = await inst.db.query("SELECT COUNT(*) n FROM audit_events WHERE action = 'incident.close' AND actorId = ?", [admin.id]);
    expect(Number(audit[0].n)).toBe(1);

    await page.goto(`${t.baseUrl}/console/incidents`);
    await expectText(page, 'Closed');
    await checkPageState(page, 'retention-incident-list');
  });

  it('says on the check page what must happen first while a campaign is sending', async () => {
    const other = await seedIncident(inst.db, { title: 'Still sending' });
    await inst.db.query("INSERT INTO campaigns (incidentId, tiers, status, createdBy, kind) VALUES (?, '[\"viewed\"]', 'sending', ?, 'warning')", [other, comms.id]);
    const page = await signedInPage(browser, contexts, t.baseUrl, admin);
    await page.goto(`${t.baseUrl}/console/incidents/${other}/close`);
    await expectText(page, 'You cannot close this incident yet');
    await expectText(page, 'is still sending: pause it or wait until it has completed');
    expect(await page.getByRole('button', { name: 'Close incident' }).count()).toBe(0);
    await checkPageState(page, 'retention-close-blocked');
  });
});

async function expectText(page: Page, text: string): Promise<void> {
  expect(await page.locator('main').innerText()).toContain(text);
}
