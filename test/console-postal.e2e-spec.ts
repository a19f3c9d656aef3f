/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppConfig } from '../src/config/config';
import { launchBrowser } from './support/browser';
import { auth, createApprovedCampaign } from './campaigns.support';
import { ConsoleMember, createConsoleMember, setUp, signIn } from './support/console';
import { checkPageState, tabTo } from './support/console-pages';
import { customerNumbersById, seedCustomers, seedIncident } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

/** Three customers without an e-mail address, one whose mail server refuses, one who gets the e-mail. */
const CUSTOMERS = [
  { customerNumber: 'K3000001', name: 'Wilhelmina Post', street: 'Kerkweg', houseNumber: '1', postcode: '2345 BC', city: 'Oostervenne', birthDate: '1938-04-01' },
  { customerNumber: 'K3000002', name: 'Hendrik Brief', street: 'Kerkweg', houseNumber: '2', postcode: '2345 BC', city: 'Oostervenne' },
  { customerNumber: 'K3000003', name: 'Johanna Zegel', street: 'Kerkweg', houseNumber: '3', houseNumberSuffix: 'B', postcode: '2345 BC', city: 'Oostervenne' },
  { customerNumber: 'K3000004', name: 'Geweigerd Adres', email: 'weigert@voorbeeld.example', street: 'Kerkweg', houseNumber: '4', postcode: '2345 BC', city: 'Oostervenne' },
  { customerNumber: 'K3000005', name: 'Ontvangt Mail', email: 'ontvangt@voorbeeld.example', street: 'Kerkweg', houseNumber: '5', postcode: '2345 BC', city: 'Oostervenne' },
].map((c) => ({ ...c, tier: 'viewed' as const }));

/**
 * Printed letters in the console (Chromium): the campaign page's Printed letters section, the
 * audited downloads, Mark as posted, Returned letters, and the hotline seeing a returned letter.
 * Print files render in a separate worker app, stopped for a while so "being made" can be seen.
 */
describe('Console: printed letters and returned mail (Chromium)', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inst: TestInstallation;
  let web: TestApp;
  let worker: TestApp | undefined;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let carla: ConsoleMember;
  let hugo: ConsoleMember;
  let aad: ConsoleMember;
  let comms: Page;
  let hotline: Page;
  let admin: Page;
  let campaignId: number;
  let campaignPath: string;
  let batchId: number;
  let manifest: Record<string, string>[];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    // Waiting is bounded by Jest's guard against hangs, not by a time limit per step.
    context.setDefaultTimeout(0);
    contexts.push(context);
    return context.newPage();
  }

  const main = (page: Page) => page.locator('main').innerText();
  /** Submits an empty POST form from the page, as a stale page or a page of another role would. */
  const postForm = async (page: Page, action: string) => {
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.evaluate((to) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = to;
        document.body.append(form);
        form.submit();
      }, action),
    ]);
    return response;
  };
  const rows = (page: Page, caption: string) =>
    page.getByRole('region', { name: caption }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => (c as HTMLElement).innerText)));

  beforeAll(async () => {
    sink = await startSmtpSink({ rule: (address) => (address.startsWith('weigert@') ? { code: 550, message: '5.1.1 No such mailbox' } : undefined) });
    inst = await createInstallation({ smtpUrl: sink.url });
    inst.config.printDir = join(inst.dir, 'print');
    // Two files for four letters: progress has something to count.
    inst.config.printFileLetters = 2;
    web = await inst.startApp({ listen: true, appRole: 'api' } as Partial<AppConfig>);
    worker = await inst.startApp({ appRole: 'worker' });
    browser = await launchBrowser();

    // A description far longer than usual: its letters take a second sheet, which the ready batch must point out.
    const description = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of a very long account of what happened at the service desk.`).join(' ');
    const incidentId = await seedIncident(inst.db, { title: 'Records viewed at the service desk', description });
    await seedCustomers(inst.db, incidentId, CUSTOMERS);
    const ada = (await inst.staffToken('comms', 'Ada')).token;
    const bob = (await inst.staffToken('comms', 'Bob')).token;
    campaignId = await createApprovedCampaign(web, incidentId, ada, bob, ['viewed']);
    campaignPath = `/console/campaigns/${campaignId}`;
    // The first test starts it from the console, so the start button is seen too.
    expect((await request(web.http).get(`/api/campaigns/${campaignId}`).set(auth(ada)).expect(200)).body.status).toBe('approved');

    carla = await createConsoleMember(web, 'comms', 'Carla Comms', 'carla@staff.example');
    hugo = await createConsoleMember(web, 'hotline', 'Hugo Hotline', 'hugo@staff.example');
    comms = await newPage();
    await setUp(comms, web.baseUrl, carla);
    await signIn(comms, web.baseUrl, carla);
    hotline = await newPage();
    await setUp(hotline, web.baseUrl, hugo);
    await signIn(hotline, web.baseUrl, hugo);
    aad = await createConsoleMember(web, 'admin', 'Aad Admin', 'aad@staff.example');
    admin = await newPage();
    await setUp(admin, web.baseUrl, aad);
    await signIn(admin, web.baseUrl, aad);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await inst?.close();
    await sink?.close();
  });

  it('starts with the e-mails only, says the post letters go to print, and lists the e-mail that did not arrive', async () => {
    await comms.goto(web.baseUrl + campaignPath);
    const start = comms.getByRole('button', { name: 'Start sending 2 letters by email' });
    expect(await start.count()).toBe(1);
    expect(await main(comms)).toContain('The 3 letters by post go to print');
    expect(await main(comms)).toContain('Letters are printed once the campaign has started. 3 go by post then.');
    await checkPageState(comms, 'postal-campaign-approved');

    await start.click();
    await comms.waitForFunction(() => document.querySelector('.live .tag')?.textContent === 'Completed', undefined, { timeout: 0, polling: 500 });
    await comms.getByRole('region', { name: 'Emails that did not arrive' }).waitFor();
    const [refused] = await inst.db.query<{ id: string }[]>("SELECT id FROM letters WHERE campaignId = ? AND state = 'failed'", [campaignId]);
    expect(await rows(comms, 'Emails that did not arrive')).toEqual([[String(refused.id), 'Refused by the mail server', expect.any(String), 'Waits for the next print batch']]);
    expect(await main(comms)).toContain('4 letters wait to be printed: 3 by post and 1 because the email did not arrive');
    expect(await comms.getByRole('button', { name: 'Make print batch (4 letters)' }).count()).toBe(1);
    await checkPageState(comms, 'postal-campaign-completed');
  });

  it('lets only comms make print batches and download files; without a session, every page goes to sign-in', async () => {
    expect((await hotline.goto(web.baseUrl + campaignPath))?.status()).toBe(403);
    // The make-batch form, as if the hotline had it: refused, and no batch made.
    expect((await postForm(hotline, `${campaignPath}/print-batches`))?.status()).toBe(403);
    expect(await inst.db.query('SELECT id FROM print_batches')).toEqual([]);
    expect((await hotline.goto(`${web.baseUrl}/console/print-batches/1/files/manifest.csv`))?.status()).toBe(403);
    expect((await hotline.goto(`${web.baseUrl}/console/postal/returned`))?.status()).toBe(200);
    expect(await hotline.getByRole('navigation').getByRole('link', { name: 'Returned letters' }).count()).toBe(1);

    const stranger = await newPage();
    for (const path of [campaignPath, `${campaignPath}/print-batches/progress`, '/console/print-batches/1/files/manifest.csv', '/console/print-batches/1/posted', '/console/postal/returned']) {
      await stranger.goto(web.baseUrl + path);
      expect(new URL(stranger.url()).pathname).toBe('/console/sign-in');
    }
  });

  it('makes a print batch by keyboard alone, shows it being made, then its files once the worker has rendered them', async () => {
    // No worker: the batch stays "being made" until one starts again.
    await worker!.close();
    worker = undefined;
    await comms.goto(web.baseUrl + campaignPath);
    const make = comms.getByRole('button', { name: 'Make print batch (4 letters)' });
    await tabTo(comms, make);
    await comms.keyboard.press('Enter');
    await comms.waitForURL(/#batch-\d+$/);
    batchId = Number(/#batch-(\d+)$/.exec(comms.url())![1]);
    expect(await main(comms)).toContain('0 of 2 files done');
    expect(await main(comms)).toContain('No letters wait to be printed.');
    expect(await comms.getByRole('button', { name: /^Make print batch/ }).count()).toBe(0);
    await checkPageState(comms, 'postal-batch-building');
    // A second click from a page that still shows the button: nothing is left, and the summary says so.
    await postForm(comms, `${campaignPath}/print-batches`);
    expect(await comms.getByRole('alert').textContent()).toContain('No letter waits to be printed any more');
    expect(await comms.getByRole('alert').getByRole('link').getAttribute('href')).toBe('#f-printBatch');
    expect(await inst.db.query('SELECT id FROM print_batches')).toEqual([{ id: batchId }]);
    await checkPageState(comms, 'postal-batch-nothing-left');

    worker = await inst.startApp({ appRole: 'worker' });
    // console.js polls the progress and reloads the page once the batch is ready.
    await comms.getByText('Ready for the print house').waitFor();
    // Reloaded by GET, not by posting the make-batch form again.
    expect(new URL(comms.url()).pathname).toBe(campaignPath);
    const files = await inst.db.query<{ name: string; letters: number; pages: number; sha256: string }[]>('SELECT name, letters, pages, sha256 FROM print_files WHERE batchId = ? ORDER BY fileIndex', [batchId]);
    const [batch] = await inst.db.query<{ manifestSha256: string }[]>('SELECT manifestSha256 FROM print_batches WHERE id = ?', [batchId]);
    expect(await rows(comms, `Files of print batch ${batchId}`)).toEqual([
      ...files.map((f) => [f.name, String(f.letters), String(f.pages), f.sha256.slice(0, 12)]),
      ['manifest.csv', '4', '–', batch.manifestSha256.slice(0, 12)],
    ]);
    const [failed] = await inst.db.query<{ letterId: string; sequence: number }[]>("SELECT i.letterId, i.sequence FROM print_items i JOIN letters l ON l.id = i.letterId WHERE l.state = 'failed'");
    expect(await rows(comms, 'Emails that did not arrive')).toEqual([
      [String(failed.letterId), 'Refused by the mail server', expect.any(String), `Printed in print batch ${batchId} (reference ${batchId}-${String(failed.sequence).padStart(6, '0')})`],
    ]);
    await expect(comms.getByText('4 letters do not fit on one sheet (more than 2 pages). Tell the print house.', { exact: false }).isVisible()).resolves.toBe(true);
    await checkPageState(comms, 'postal-batch-ready');
  });

  it('downloads the manifest and a PDF through the console, audited and never cached', async () => {
    const save = async (name: string) => {
      const [download] = await Promise.all([comms.waitForEvent('download'), comms.getByRole('link', { name, exact: true }).click()]);
      return readFileSync(await download.path());
    };
    const csv = (await save('manifest.csv')).toString('utf8');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    manifest = parsed.data;
    expect(parsed.meta.fields).toEqual(['sequence', 'letterId', 'file', 'firstPage', 'pages', 'name', 'street', 'houseNumber', 'houseNumberSuffix', 'postcode', 'city']);
    expect(manifest.map((r) => r.sequence)).toEqual(['1', '2', '3', '4']);

    const pdfName = `letters-${batchId}-001.pdf`;
    const pdf = await save(pdfName);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const path = join(inst.dir, 'downloaded.pdf');
    writeFileSync(path, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBe(manifest.filter((r) => r.file === pdfName).reduce((sum, r) => sum + Number(r.pages), 0));

    const res = await comms.request.get(`${web.baseUrl}/console/print-batches/${batchId}/files/${pdfName}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toBe('no-store');
    expect(res.headers()['content-disposition']).toBe(`attachment; filename="${pdfName}"`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const audited = await inst.db.query<{ actorId: number; detail: string | { file: string } }[]>("SELECT actorId, detail FROM audit_events WHERE action = 'postal.download' ORDER BY id");
    expect(audited.map((a) => [a.actorId, (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail).file])).toEqual([
      [carla.id, 'manifest.csv'],
      [carla.id, pdfName],
      [carla.id, pdfName],
    ]);

    // Admins follow batches (as the API lets them) but neither download nor mark them.
    await admin.goto(web.baseUrl + campaignPath);
    expect(await rows(admin, `Files of print batch ${batchId}`)).toHaveLength(3);
    expect(await admin.getByRole('link', { name: 'manifest.csv' }).count()).toBe(0);
    expect(await admin.getByRole('link', { name: /^Mark as posted/ }).count()).toBe(0);
    expect(await admin.getByRole('button', { name: /^Make print batch/ }).count()).toBe(0);
    expect((await admin.goto(`${web.baseUrl}/console/print-batches/${batchId}/files/manifest.csv`))?.status()).toBe(403);
    expect((await admin.goto(`${web.baseUrl}/console/print-batches/${batchId}/posted`))?.status()).toBe(403);
  });

  it('marks the batch as posted after a check step that says it cannot be undone', async () => {
    await comms.getByRole('link', { name: `Mark as posted (Print batch ${batchId})` }).click();
    await comms.waitForURL(new RegExp(`/console/print-batches/${batchId}/posted$`));
    expect(await main(comms)).toContain('This cannot be undone: 4 letters will then show as posted');
    await checkPageState(comms, 'postal-posted-check');
    await comms.getByRole('button', { name: 'Mark 4 letters as posted' }).click();
    await comms.waitForURL(new RegExp(`${campaignPath}#batch-${batchId}$`));
    expect(await comms.locator(`#batch-${batchId} + p .tag`).textContent()).toBe('Posted');
    expect(await comms.getByRole('link', { name: /^Mark as posted/ }).count()).toBe(0);
    const [posted] = await inst.db.query<{ n: string }[]>('SELECT COUNT(*) n FROM letters WHERE campaignId = ? AND postedAt IS NOT NULL', [campaignId]);
    expect(Number(posted.n)).toBe(4);
    await checkPageState(comms, 'postal-campaign-posted');
    // The same page in Dutch (the session keeps the language until it is switched back).
    await comms.goto(`${web.baseUrl}${campaignPath}?lang=nl`);
    expect(await comms.getByRole('heading', { level: 2, name: 'Gedrukte brieven' }).count()).toBe(1);
    expect(await comms.locator(`#batch-${batchId} + p .tag`).textContent()).toBe('Op de post');
    await checkPageState(comms, 'postal-campaign-posted-nl');
    await comms.goto(`${web.baseUrl}${campaignPath}?lang=en`);
  });

  it('records a returned letter by the reference printed on it, after naming the lines it cannot use', async () => {
    await comms.getByRole('navigation').getByRole('link', { name: 'Returned letters' }).click();
    await comms.waitForURL(/\/console\/postal\/returned$/);
    await checkPageState(comms, 'returned-form');
    await comms.getByRole('button', { name: 'Continue' }).click();
    expect(await comms.getByRole('alert').textContent()).toContain('Enter at least one reference or letter id');
    await checkPageState(comms, 'returned-empty');

    const [delivered] = await inst.db.query<{ id: string }[]>("SELECT id FROM letters WHERE campaignId = ? AND state = 'sent'", [campaignId]);
    const typed = `not a reference\n999-000001\n${delivered.id}`;
    await comms.getByLabel('Which letters came back?').fill(typed);
    await comms.getByRole('button', { name: 'Continue' }).click();
    await comms.waitForURL(/\/console\/postal\/returned\/check$/);
    const alert = comms.getByRole('alert');
    expect(await alert.textContent()).toContain('Line 1: not a reference like 12-000034 and not a letter id');
    expect(await alert.textContent()).toContain('Line 2: no letter has this reference or id');
    expect(await alert.textContent()).toContain('Line 3: never printed, so it cannot have come back by post');
    expect(await alert.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#f-references']);
    expect(await comms.getByLabel('Which letters came back?').inputValue()).toBe(typed);
    await checkPageState(comms, 'returned-errors');

    const second = manifest[1];
    const reference = `Reference: ${batchId}-000002`;
    await comms.getByLabel('Which letters came back?').fill(reference);
    await comms.getByRole('button', { name: 'Continue' }).click();
    await comms.locator('h1', { hasText: 'Check the returned letters' }).waitFor();
    expect(await rows(comms, 'Letters to record')).toEqual([[reference, second.letterId, String(campaignId), expect.stringMatching(/^Posted on \d+ December \d{4} at \d\d:\d\d$/)]]);
    // Names stay off this page and out of every URL.
    expect(await main(comms)).not.toContain(second.name);
    await checkPageState(comms, 'returned-check');
    await comms.getByRole('button', { name: 'Change' }).click();
    expect(await comms.getByLabel('Which letters came back?').inputValue()).toBe(reference);
    await comms.getByRole('button', { name: 'Continue' }).click();
    await comms.getByRole('button', { name: 'Record 1 returned letter' }).click();
    await comms.waitForURL(/\/console\/postal\/returned\?recorded=1$/);
    expect(await comms.getByRole('status').textContent()).toBe('1 letter recorded as returned.');
    await checkPageState(comms, 'returned-recorded');
    const returned = await inst.db.query<{ id: string }[]>('SELECT id FROM letters WHERE returnedAt IS NOT NULL');
    expect(returned.map((r) => String(r.id))).toEqual([second.letterId]);
    const [audit] = await inst.db.query<{ actorId: number; subject: string }[]>("SELECT actorId, subject FROM audit_events WHERE action = 'postal.returned'");
    expect(audit).toEqual({ actorId: carla.id, subject: `letter:${second.letterId}` });
  });

  it('shows the returned letter on the hotline’s timeline for that caller', async () => {
    const [letter] = await inst.db.query<{ customerId: string }[]>('SELECT customerId FROM letters WHERE id = ?', [manifest[1].letterId]);
    const customer = { customerNumber: (await customerNumbersById(inst.db)).get(String(letter.customerId))! };
    await hotline.goto(`${web.baseUrl}/console/hotline`);
    await hotline.getByLabel('Reason', { exact: true }).fill('Caller asks why no letter came');
    await hotline.getByLabel('Customer number', { exact: true }).fill(customer.customerNumber);
    await Promise.all([hotline.waitForNavigation(), hotline.getByLabel('Customer number', { exact: true }).press('Enter')]);
    const timeline = await hotline.locator('section.result').innerText();
    for (const step of ['printed: ', 'posted: ', 'returned to us (undeliverable): ']) expect(timeline).toContain(step);
    await checkPageState(hotline, 'postal-hotline-returned');
  });

  it('counts printed, posted and returned on the campaign', async () => {
    const { body } = await request(web.http).get(`/api/campaigns/${campaignId}`).set(auth((await inst.staffToken('admin', 'Adri')).token)).expect(200);
    expect(body.counts).toMatchObject({ printed: 4, posted: 4, returned: 1 });
  });
});
