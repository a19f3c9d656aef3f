/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppConfig } from '../src/config/config';
import { launchBrowser } from './support/browser';
import { ConsoleMember, createConsoleMember, setUp, signIn } from './support/console';
import { checkPageState, tabTo } from './support/console-pages';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

/** Six customers that can be reached, one without a name, one that cannot be reached, one bad birth date. */
const CSV = [
  'klantnummer;naam;e-mailadres;straat;huisnummer;postcode;plaats;geboortedatum',
  'KN-2001;Geertruida Bosman;g.bosman@voorbeeld.example;Dorpsstraat;1;1234AB;Rietmeer;01-02-1950',
  'KN-2002;Pieter de Groot;p.degroot@voorbeeld.example;Dorpsstraat;2;1234AB;Rietmeer;03-04-1960',
  'KN-2003;;nobody@voorbeeld.example;Dorpsstraat;3;1234AB;Rietmeer;05-06-1970',
  'KN-2004;Anouk Jansen;a.jansen@voorbeeld.example;Dorpsstraat;4;1234AB;Rietmeer;31-02-1980',
  'KN-2005;Kees Postma;;Kerkweg;12;2345BC;Oostervenne;07-08-1945',
  'KN-2006;Zonder Adres;niet-een-adres;;;;;',
  'KN-2007;Marieke Vos;m.vos@voorbeeld.example;Dorpsstraat;7;1234AB;Rietmeer;09-10-1990',
  'KN-2008;Henk Bakker;h.bakker@voorbeeld.example;Dorpsstraat;8;1234AB;Rietmeer;11-12-1955',
].join('\r\n');

describe('The communications team’s whole flow in the console (Chromium, two comms members)', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inst: TestInstallation;
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let anna: ConsoleMember;
  let bert: ConsoleMember;
  let csvPath: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url });
    // One letter a second: slow enough to pause a campaign while it sends.
    t = await inst.startApp({ listen: true, sendRate: 1 } as Partial<AppConfig>);
    browser = await launchBrowser();
    anna = await createConsoleMember(t, 'comms', 'Anna de Boer', 'anna@example.org');
    bert = await createConsoleMember(t, 'comms', 'Bert Hendriks', 'bert@example.org');
    csvPath = join(inst.dir, 'viewed-customers.csv');
    writeFileSync(csvPath, CSV);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await inst.close();
    await sink.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    // Waiting is bounded by Jest's guard against hangs, not by a time limit per step.
    context.setDefaultTimeout(0);
    contexts.push(context);
    return context.newPage();
  }

  const h1 = (page: Page) => page.locator('h1').textContent();
  const waitForH1 = (page: Page, text: string) => page.waitForFunction((x) => document.querySelector('h1')?.textContent === x, text, { timeout: 0 });

  it('goes from set-up to a completed mailing', async () => {
    const annaPage = await newPage();
    await annaPage.goto(t.baseUrl + anna.setupPath);
    await checkPageState(annaPage, 'setup');
    await setUp(annaPage, t.baseUrl, anna);
    await checkPageState(annaPage, 'sign-in-after-setup');
    await setUp(await newPage(), t.baseUrl, bert);

    // Anna signs in and creates the incident; the form first says what is missing.
    await signIn(annaPage, t.baseUrl, anna);
    await checkPageState(annaPage, 'incidents-empty');
    await annaPage.getByRole('link', { name: 'New incident' }).click();
    await checkPageState(annaPage, 'incident-new');
    await annaPage.getByLabel('Title').fill('<script>alert(1)</script> Records photographed');
    await annaPage.getByLabel('Hotline phone').fill('call us');
    await annaPage.getByRole('button', { name: 'Create incident' }).click();
    await checkPageState(annaPage, 'incident-new-errors');
    const summaryLinks = await annaPage.getByRole('alert').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(summaryLinks).toEqual(['#f-company', '#f-hotlinePhone', '#f-hotlineEmail', '#f-discoveredAt']);
    expect(await annaPage.getByLabel('Title').inputValue()).toBe('<script>alert(1)</script> Records photographed');
    await annaPage.getByLabel('Company').fill('Polderstroom Energie');
    await annaPage.getByLabel('Hotline phone').fill('0800 765 4321');
    await annaPage.getByLabel('Hotline email').fill('datalek@polderstroom.example');
    await annaPage.getByLabel('Discovered at').fill('2026-11-20T09:30:00Z');
    await annaPage.getByRole('button', { name: 'Create incident' }).click();
    await annaPage.waitForURL(/\/console\/incidents\/\d+$/);
    expect(await h1(annaPage)).toBe('<script>alert(1)</script> Records photographed');
    await checkPageState(annaPage, 'incident');
    const incidentPath = new URL(annaPage.url()).pathname;

    // Upload, check and import by keyboard alone.
    await annaPage.getByRole('link', { name: 'Upload customers' }).click();
    await checkPageState(annaPage, 'upload');
    await annaPage.getByRole('button', { name: 'Check file' }).click();
    await checkPageState(annaPage, 'upload-errors');
    await tabTo(annaPage, annaPage.getByLabel('Tier'));
    await annaPage.keyboard.type('V');
    expect(await annaPage.getByLabel('Tier').inputValue()).toBe('viewed');
    await tabTo(annaPage, annaPage.getByLabel('CSV file'));
    const [chooser] = await Promise.all([annaPage.waitForEvent('filechooser', { timeout: 0 }), annaPage.keyboard.press('Space')]);
    await chooser.setFiles(csvPath);
    await tabTo(annaPage, annaPage.getByRole('button', { name: 'Check file' }));
    await annaPage.keyboard.press('Enter');
    await waitForH1(annaPage, 'Check the file');
    await checkPageState(annaPage, 'check');
    const summary = await annaPage.locator('.summary-list').textContent();
    expect(summary).toContain('Rows read8');
    expect(summary).toContain('Rows rejected2');
    expect(summary).toContain('EncodingUTF-8');
    expect(summary).toContain('Delimitersemicolon (;)');
    const problems = await annaPage.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent)));
    expect(problems).toEqual(
      expect.arrayContaining([
        ['4', expect.stringMatching(/name/), 'naam', 'Error: row skipped'],
        ['7', expect.any(String), expect.any(String), 'Error: row skipped'],
        ['5', expect.any(String), 'geboortedatum', 'Warning: value left out'],
      ]),
    );
    expect(await annaPage.getByRole('link', { name: 'Download the list of problems (CSV)' }).getAttribute('href')).toMatch(/^\/console\/imports\/\d+\/rejects\.csv$/);
    const importButton = annaPage.getByRole('button', { name: 'Import 6 customers' });
    await tabTo(annaPage, importButton);
    await annaPage.keyboard.press('Enter');
    await waitForH1(annaPage, 'Import finished');
    await checkPageState(annaPage, 'import-done');
    await annaPage.goto(t.baseUrl + incidentPath);
    const counts = await annaPage.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent)));
    expect(counts).toEqual([['Photographed', '0'], ['Viewed', '6'], ['Searched', '0'], ['Total', '6']]);

    // Preview one customer's letter (by POST, audited) and a sample.
    await annaPage.getByRole('link', { name: 'Preview letter' }).click();
    await checkPageState(annaPage, 'preview');
    await annaPage.getByRole('button', { name: 'Show letter' }).click();
    await checkPageState(annaPage, 'preview-errors');
    await annaPage.getByLabel('Customer number').fill('KN-2001');
    await annaPage.getByRole('button', { name: 'Show letter' }).click();
    await annaPage.waitForURL(/\/preview$/);
    expect(annaPage.url()).not.toContain('KN-2001');
    const letter = annaPage.frameLocator('iframe.frame');
    await letter.locator('body').waitFor();
    expect(await letter.locator('body').textContent()).toContain('Geertruida Bosman');
    await checkPageState(annaPage, 'preview-letter');
    const audited = await inst.db.query<{ n: string }[]>("SELECT COUNT(*) n FROM audit_events WHERE action = 'letter.preview'");
    expect(Number(audited[0].n)).toBe(1);
    await annaPage.goto(t.baseUrl + incidentPath + '/preview');
    await annaPage.getByRole('link', { name: 'Viewed, English' }).click();
    expect(await letter.locator('body').textContent()).toContain('Sam Example');
    await checkPageState(annaPage, 'sample-letter');

    // Anna creates the campaign; she cannot approve it herself.
    await annaPage.goto(t.baseUrl + incidentPath + '/campaigns/new');
    await checkPageState(annaPage, 'campaign-new');
    await annaPage.getByRole('button', { name: 'Create campaign' }).click();
    await checkPageState(annaPage, 'campaign-new-errors');
    expect(await annaPage.getByRole('alert').textContent()).toContain('Choose at least one tier');
    await annaPage.getByLabel('Viewed').check();
    await annaPage.getByRole('button', { name: 'Create campaign' }).click();
    await annaPage.waitForURL(/\/console\/campaigns\/\d+$/);
    const campaignPath = new URL(annaPage.url()).pathname;
    await checkPageState(annaPage, 'campaign-draft');
    expect(await annaPage.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await annaPage.locator('main').textContent()).toContain('Another colleague from communications must approve it');

    // Bert approves; he sees what he approves.
    const bertPage = await newPage();
    await signIn(bertPage, t.baseUrl, bert);
    await bertPage.goto(t.baseUrl + campaignPath);
    const approval = await bertPage.locator('.summary-list').textContent();
    expect(approval).toContain('TiersViewed');
    expect(approval).toContain('Recipients6 (5 by email, 1 by post)');
    expect(approval).toMatch(/Letter template version\S+/);
    await checkPageState(bertPage, 'campaign-to-approve');
    await bertPage.getByRole('button', { name: 'Approve' }).click();
    await bertPage.waitForURL(new RegExp(`${campaignPath}$`));
    await checkPageState(bertPage, 'campaign-approved');

    // Anna starts, pauses, resumes, and watches it complete without reloading.
    await annaPage.goto(t.baseUrl + campaignPath);
    // The sink answers no letter until she has paused: on a slow machine all five could otherwise
    // be sent (one a second) before her click, and there would be no Pause button to find.
    sink.hold();
    await annaPage.getByRole('button', { name: 'Start sending 5 letters by email' }).click();
    await annaPage.getByRole('button', { name: 'Pause' }).click();
    await annaPage.getByRole('button', { name: 'Resume' }).waitFor();
    sink.release();
    await checkPageState(annaPage, 'campaign-paused');
    await annaPage.getByRole('button', { name: 'Resume' }).click();
    await annaPage.getByRole('button', { name: 'Pause' }).waitFor();
    await checkPageState(annaPage, 'campaign-sending');
    await annaPage.waitForFunction(() => document.querySelector('.live .tag')?.textContent === 'Completed', undefined, { timeout: 0, polling: 500 });
    await checkPageState(annaPage, 'campaign-completed');
    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['a.jansen@voorbeeld.example', 'g.bosman@voorbeeld.example', 'h.bakker@voorbeeld.example', 'm.vos@voorbeeld.example', 'p.degroot@voorbeeld.example']);
    expect(await annaPage.getByRole('link', { name: 'Download the postal list (CSV)' }).getAttribute('href')).toBe(`${campaignPath}/postal.csv`);
  });
});
