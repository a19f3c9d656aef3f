/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { TIP_CATALOGUE } from '../emails/tips/catalogue';
import { LettersService } from '../src/letters/letters.service';
import { axeViolations, launchBrowser } from './support/browser';
import { ConsoleMember, createConsoleMember, setUp, signIn } from './support/console';
import { customerIdByNumber, seedCustomers, seedIncident } from './support/seed';
import { ServerProcess, startServerProcess } from './support/server-process';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

const SHOTS = '/tmp/hotline-shots';

async function until<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The hotline's call screen and the admin pages in Chromium, signed in as real members, against
 * the server as its own process (so invitation and alert e-mails really go out to the SMTP sink).
 */
describe('Console: Look up a caller and the admin pages (Chromium)', () => {
  let inst: TestInstallation;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestApp;
  let server: ServerProcess;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const members: Record<'hotline' | 'admin' | 'comms', ConsoleMember> = {} as never;
  const pages: Partial<Record<'hotline' | 'admin' | 'comms', Page>> = {};
  let incidentId: number;
  let tipTexts: string[];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB' });
    contexts.push(context);
    return context.newPage();
  }

  /** Zero WCAG 2.2 AA violations, and a look at 320 and 1280 px. */
  async function check(page: Page, name: string): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  /** Submits the current form with Enter, the way a call handler on the phone would. */
  async function pressEnterIn(page: Page, label: string): Promise<Response | null> {
    const [response] = await Promise.all([page.waitForNavigation(), page.getByLabel(label, { exact: true }).press('Enter')]);
    return response;
  }

  async function lookUp(page: Page, fields: Record<string, string>): Promise<Response | null> {
    if (!new URL(page.url()).pathname.startsWith('/console/hotline')) await page.goto(`${base}/console/hotline`);
    await page.getByLabel('Reason', { exact: true }).fill('Caller asks whether her data was in the breach');
    for (const label of ['Customer number', 'Postcode', 'House number', 'Addition', 'Date of birth']) await page.getByLabel(label, { exact: true }).fill(fields[label] ?? '');
    return pressEnterIn(page, Object.keys(fields)[Object.keys(fields).length - 1]);
  }

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url });
    t = await inst.startApp({ appRole: 'api' });
    server = await startServerProcess(inst.config);
    base = server.baseUrl;
    browser = await launchBrowser();

    incidentId = await seedIncident(inst.db, { title: 'Photographed records at the service desk' });
    await seedCustomers(inst.db, incidentId, [
      { customerNumber: 'K1000001', name: 'Jan Jansen', email: 'jan.jansen@example.nl', phone: '+31612345678', street: 'Dorpsstraat', houseNumber: '12', postcode: '1234 AB', city: 'Testdorp', tier: 'photographed', exposed: ['name', 'email', 'address', 'iban', 'customerNumber'] },
      { customerNumber: 'K1000002', name: 'Anna Bakker', street: 'Dorpsstraat', houseNumber: '14', postcode: '1234 AB', city: 'Testdorp', birthDate: '1949-06-01', tier: 'viewed' },
      { customerNumber: 'K1000003', name: 'Piet Bakker', street: 'Dorpsstraat', houseNumber: '14', postcode: '1234 AB', city: 'Testdorp', birthDate: '1948-11-30', tier: 'searched' },
    ]);
    const jan = { id: await customerIdByNumber(inst.db, 'K1000001') };
    const tipIds = TIP_CATALOGUE.slice(0, 3).map((tip) => tip.id);
    tipTexts = t.app.get(LettersService).tipTexts(tipIds, 'nl');
    const campaign: { insertId: number } = await inst.db.query("INSERT INTO campaigns (incidentId, tiers, status, createdBy) VALUES (?, '[\"photographed\"]', 'completed', 1)", [incidentId]);
    await inst.db.query("INSERT INTO letters (campaignId, customerId, channel, state, token, sentAt, deliveredAt, tipIds) VALUES (?, ?, 'email', 'sent', 'CCCCCCCCCCCCCCCCCCCCCC', ?, ?, ?)", [
      campaign.insertId,
      jan.id,
      new Date('2026-11-21T10:00:00Z'),
      new Date('2026-11-21T10:00:05Z'),
      JSON.stringify(tipIds),
    ]);

    members.hotline = await createConsoleMember(t, 'hotline', 'Hanna Hotline', 'hanna@staff.example');
    members.admin = await createConsoleMember(t, 'admin', 'Aad Admin', 'aad@staff.example');
    members.comms = await createConsoleMember(t, 'comms', 'Cor Comms', 'cor@staff.example');
    for (const role of ['hotline', 'admin', 'comms'] as const) {
      const page = await newPage();
      await setUp(page, base, members[role]);
      await signIn(page, base, members[role]);
      pages[role] = page;
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    await inst?.close();
    await sink?.close();
  });

  describe('Look up a caller', () => {
    it('finds a caller by customer number with Enter, focuses the result and shows it at a glance, never cached', async () => {
      const page = pages.hotline!;
      await page.goto(`${base}/console/hotline`);
      expect(await page.locator('h1').textContent()).toBe('Look up a caller');
      await check(page, 'hotline-form');

      const response = await lookUp(page, { 'Customer number': 'K1000001' });
      expect(response?.headers()['cache-control']).toBe('no-store');
      expect(new URL(page.url()).pathname).toBe('/console/hotline');
      expect(page.url()).not.toContain('K1000001');
      expect(await focusedId(page)).toBe('result-heading');
      const result = page.locator('section.result');
      await expect(result.locator('h2').textContent()).resolves.toBe('Caller: Jan Jansen');
      const text = (await result.textContent()) ?? '';
      expect(text).toContain('Your data was photographed and probably passed on to criminals');
      expect(text).toContain('name, e-mail address, address, customer number, bank account (IBAN)');
      expect(text).toContain('j***@example.nl');
      expect(text).toContain('***678');
      expect(text).not.toContain('jan.jansen@example.nl');
      expect(text).toMatch(/Campaign \d+ \(e-mail\)sent: .*delivered: /);
      expect(await result.locator('ol.tips li').allTextContents()).toEqual(tipTexts);
      await check(page, 'hotline-result');
    });

    it('logs the call right below the result, then clears the form for the next caller', async () => {
      const page = pages.hotline!;
      await page.getByLabel('Outcome').selectOption({ label: 'Approached by a fraudster' });
      await page.getByLabel('Notes').fill('Someone posing as the bank phoned her yesterday; advised to hang up and call the bank herself.');
      await page.getByRole('button', { name: 'Save contact' }).click();
      await page.waitForURL(/\/console\/hotline\?saved=1$/);
      await expect(page.getByRole('status').textContent()).resolves.toContain('The call has been logged');
      for (const label of ['Reason', 'Customer number', 'Postcode', 'House number']) await expect(page.getByLabel(label, { exact: true }).inputValue()).resolves.toBe('');
      await check(page, 'hotline-saved');
      const [contact] = await inst.db.query<{ outcome: string; staffId: number }[]>('SELECT outcome, staffId FROM contacts');
      expect(contact).toEqual({ outcome: 'fraud-attempt', staffId: members.hotline.id });

      // The next lookup shows the earlier contact.
      await lookUp(page, { 'Customer number': 'K1000001' });
      await expect(page.locator('ul.contacts').textContent()).resolves.toContain('Hanna Hotline · Approached by a fraudster');
    });

    it('says only that nothing was found, and which identifiers to ask for', async () => {
      const page = pages.hotline!;
      await page.goto(`${base}/console/hotline`);
      await lookUp(page, { 'Customer number': 'K7777777' });
      const notice = page.getByRole('status');
      await expect(notice.locator('h2').textContent()).resolves.toBe('Nothing found');
      await expect(notice.textContent()).resolves.toContain('Ask for the customer number printed at the top of the letter.');
      expect(await focusedId(page)).toBe('');
      await check(page, 'hotline-miss');
    });

    it('asks for the date of birth at a shared address, keeps what was typed, then finds the one caller', async () => {
      const page = pages.hotline!;
      await page.goto(`${base}/console/hotline`);
      await lookUp(page, { Postcode: '1234ab', 'House number': '14' });
      const summary = page.getByRole('alert');
      await expect(summary.textContent()).resolves.toContain('Ask the caller for their date of birth');
      await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe('#f-birthDate');
      await expect(page.getByLabel('Postcode', { exact: true }).inputValue()).resolves.toBe('1234ab');
      await check(page, 'hotline-shared-address');

      await page.getByLabel('Date of birth').fill('01-06-1949');
      await pressEnterIn(page, 'Date of birth');
      await expect(page.locator('section.result h2').textContent()).resolves.toBe('Caller: Anna Bakker');
      expect(await focusedId(page)).toBe('result-heading');
    });

    it('shows what is wrong next to the field and keeps the input', async () => {
      const page = pages.hotline!;
      await page.goto(`${base}/console/hotline`);
      await page.getByLabel('Postcode', { exact: true }).fill('1234');
      await page.getByLabel('House number', { exact: true }).fill('12');
      await pressEnterIn(page, 'House number');
      const summary = page.getByRole('alert');
      await expect(summary.textContent()).resolves.toContain('Enter the reason');
      await page.getByLabel('Reason', { exact: true }).fill('Caller asks about the letter');
      await pressEnterIn(page, 'Reason');
      await expect(page.getByRole('alert').textContent()).resolves.toContain('postcode must be a complete postcode');
      await expect(page.getByRole('alert').getByRole('link').getAttribute('href')).resolves.toBe('#f-postcode');
      await check(page, 'hotline-invalid');
    });
  });

  describe('admin', () => {
    it('lists staff with role, last sign-in and status', async () => {
      const page = pages.admin!;
      await page.goto(`${base}/console/admin/staff`);
      const row = page.getByRole('row', { name: /Hanna Hotline/ });
      const cells = await row.locator('th, td').allTextContents();
      expect(cells[0]).toBe('Hanna Hotline');
      expect(cells[1]).toBe('hotline');
      expect(cells[2]).toMatch(/\d{4}/);
      expect(cells[3]).toBe('active');
      const invited = await createConsoleMember(t, 'comms', 'Nog Niet', 'nog@staff.example');
      await page.reload();
      expect(await page.getByRole('row', { name: /Nog Niet/ }).locator('th, td').allTextContents()).toEqual(['Nog Niet', 'communications', 'never', 'invited']);
      expect(invited.id).toBeGreaterThan(0);
      await check(page, 'admin-staff');
    });

    it('invites a staff member: the set-up link is e-mailed and shown once, and works', async () => {
      const page = pages.admin!;
      await page.goto(`${base}/console/admin/staff`);
      await page.getByRole('link', { name: 'Invite staff member' }).click();
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter the name');
      await check(page, 'admin-invite-errors');
      await page.getByLabel('Name').fill('Ingrid Invite');
      await page.getByLabel('Email address').fill('ingrid@staff.example');
      await page.getByLabel('Role').selectOption('hotline');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Ingrid Invite has been invited');
      const link = await page.getByLabel('Set-up link').inputValue();
      expect(link).toMatch(/^http:\/\/fw\.test\/console\/setup\/[A-Za-z0-9_-]{43}$/);
      await check(page, 'admin-invited');

      const mail = await until(
        () => sink.messages.filter((m) => m.to.includes('ingrid@staff.example')),
        (m) => m.length > 0,
      );
      expect(mail[0].parsed.subject).toBe('Your invitation to the fraud-warning console');
      expect(mail[0].parsed.text).toContain(link);
      expect(mail[0].parsed.text).toContain('Aad Admin has invited you to the fraud-warning console as a hotline member.');
      const fresh = await newPage();
      await fresh.goto(base + new URL(link).pathname);
      expect(await fresh.title()).toMatch(/^Set up your account/);
    });

    it('changes a role, resets the authenticator and disables a member, which ends their session', async () => {
      const page = pages.admin!;
      const cor = members.comms;
      await page.goto(`${base}/console/admin/staff/${cor.id}`);
      await check(page, 'admin-member');
      await page.getByLabel('Role').selectOption('hotline');
      await page.getByRole('button', { name: 'Change role' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toBe('The role has been changed.');
      await page.getByLabel('Role').selectOption('comms');
      await page.getByRole('button', { name: 'Change role' }).click();

      await page.getByRole('button', { name: 'Reset authenticator' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('New set-up link for Cor Comms');
      // The reset ended Cor's session: his next page is the sign-in page.
      await pages.comms!.goto(`${base}/console/incidents`);
      expect(new URL(pages.comms!.url()).pathname).toBe('/console/sign-in');
      const resetLink = await page.getByLabel('Set-up link').inputValue();
      const again: ConsoleMember = { ...cor, setupPath: new URL(resetLink).pathname };
      await setUp(pages.comms!, base, again);
      expect(again.secret).not.toBe(cor.secret);
      await signIn(pages.comms!, base, again);

      await page.goto(`${base}/console/admin/staff/${cor.id}`);
      await page.getByRole('button', { name: 'Disable' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Disabled; 1 session\(s\) ended\.$/);
      await pages.comms!.goto(`${base}/console/incidents`);
      expect(new URL(pages.comms!.url()).pathname).toBe('/console/sign-in');
      const actions = (await inst.db.query<{ action: string }[]>('SELECT action FROM audit_events WHERE subject = ? ORDER BY id', [`staff:${cor.id}`])).map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['staff.change-role', 'staff.reset-authenticator', 'staff.disable']));
    });

    it('reads the audit log filtered by action, pages through it and exports CSV without personal values', async () => {
      const page = pages.admin!;
      await page.goto(`${base}/console/admin/audit`);
      await page.getByLabel('Action').fill('hotline.lookup');
      await page.getByRole('button', { name: 'Filter' }).click();
      expect(new URL(page.url()).searchParams.get('action')).toBe('hotline.lookup');
      const actions = await page.locator('table tbody tr td:nth-child(3)').allTextContents();
      expect(actions.length).toBeGreaterThan(3);
      expect(new Set(actions)).toEqual(new Set(['hotline.lookup']));
      const body = (await page.locator('main').textContent()) ?? '';
      for (const personal of ['Jan Jansen', 'Anna Bakker', '1234 AB', 'K1000001', 'jan.jansen@example.nl', '1949']) expect(body).not.toContain(personal);
      await check(page, 'admin-audit');

      await page.getByLabel('Staff member').selectOption({ label: 'Hanna Hotline' });
      await page.getByRole('button', { name: 'Filter' }).click();
      expect(await page.locator('table tbody tr').count()).toBe(actions.length);

      const csv = await page.request.get(`${base}/console/admin/audit.csv?action=hotline.lookup`);
      expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
      const text = await csv.text();
      expect(text.split('\r\n')[0]).toBe('at,actor,action,subject,detail');
      for (const personal of ['Jan Jansen', '1234 AB', 'K1000001', 'Caller asks']) expect(text).not.toContain(personal);

      await page.goto(`${base}/console/admin/audit?from=yesterday`);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter the date as YYYY-MM-DD');
      await check(page, 'admin-audit-error');
    });

    it('shows lookups per staff member per day', async () => {
      const page = pages.admin!;
      await page.goto(`${base}/console/admin/lookups`);
      const row = page.getByRole('row', { name: /Hanna Hotline/ });
      const cells = await row.locator('td').allTextContents();
      const [count] = await inst.db.query<{ n: string }[]>("SELECT COUNT(*) n FROM audit_events WHERE action = 'hotline.lookup' AND actorId = ?", [members.hotline.id]);
      expect(cells[cells.length - 1]).toBe(String(count.n));
      await check(page, 'admin-lookups');
    });

    it('shows the breach register with each deadline, late ones in red, and the authority report draft as text', async () => {
      const page = pages.admin!;
      await page.goto(`${base}/console`);
      await page.getByRole('link', { name: 'Breach register' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Breach register');
      const row = page.getByRole('row', { name: /Photographed records at the service desk/ });
      // Discovered 2026-11-20 (seeded), more than 72 hours ago and never notified: late, in red.
      await expect(row.locator('.tag-red').first().textContent()).resolves.toBe('Late');
      await expect(page.getByRole('alert').or(page.locator('.warning')).first().textContent()).resolves.toMatch(/deadline/);
      await check(page, 'admin-register');
      await row.getByRole('link', { name: /Draft notification/ }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Draft notification: Photographed records at the service desk');
      await expect(page.locator('pre').textContent()).resolves.toMatch(/^0\. About this notification/);
      await check(page, 'admin-register-report');
      const csv = await page.request.get(`${base}/console/admin/register.csv`);
      expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
      expect((await csv.text()).split('\r\n').length).toBeGreaterThan(1);
    });
  });

  it('suspends a browsing hotline member with a clear message until an admin resolves the alert in the console', async () => {
    const hotline = pages.hotline!;
    for (let i = 1; i <= 6; i++) await lookUp(hotline, { 'Customer number': `K55500${i}` });
    await lookUp(hotline, { 'Customer number': 'K1000001' });
    await expect(hotline.getByRole('alert').textContent()).resolves.toContain('Your lookups are paused');
    await check(hotline, 'hotline-suspended');
    await until(
      () => sink.messages.filter((m) => m.parsed.subject?.includes('lookups by Hanna Hotline')),
      (m) => m.length > 0,
    );

    const admin = pages.admin!;
    await admin.goto(`${base}/console/admin/alerts`);
    const card = admin.getByRole('region', { name: /Alert \d+: Hanna Hotline/ });
    await expect(card.textContent()).resolves.toContain('6 lookups in a row found nobody');
    await check(admin, 'admin-alerts');
    await card.getByLabel('What you found').fill('Asked Hanna: a caller read out old customer numbers from an earlier company.');
    await card.getByRole('button', { name: 'Resolve' }).click();
    await expect(admin.locator('main').textContent()).resolves.toContain('No open alerts.');
    await expect(admin.locator('table').textContent()).resolves.toContain('Resolved by Aad Admin');

    await lookUp(hotline, { 'Customer number': 'K1000001' });
    await expect(hotline.locator('section.result h2').textContent()).resolves.toBe('Caller: Jan Jansen');
  });

  it('lets every role open only its own console pages', async () => {
    const routes: [string, ('hotline' | 'admin' | 'comms')[]][] = [
      ['/console/hotline', ['hotline']],
      ['/console/admin/staff', ['admin']],
      ['/console/admin/staff/new', ['admin']],
      [`/console/admin/staff/${members.hotline.id}`, ['admin']],
      ['/console/admin/audit', ['admin']],
      ['/console/admin/audit.csv', ['admin']],
      ['/console/admin/lookups', ['admin']],
      ['/console/admin/alerts', ['admin']],
      ['/console/admin/register', ['admin']],
      [`/console/admin/register/${incidentId}/authority-report`, ['admin']],
      ['/console/admin/register.csv', ['admin']],
      ['/console/incidents', ['comms', 'admin']],
      ['/console/incidents/new', ['comms', 'admin']],
      [`/console/incidents/${incidentId}`, ['comms', 'admin']],
    ];
    // Cor was disabled above; a fresh comms member stands in.
    const comms = await createConsoleMember(t, 'comms', 'Carla Comms', 'carla@staff.example');
    const commsPage = await newPage();
    await setUp(commsPage, base, comms);
    await signIn(commsPage, base, comms);
    const byRole = { hotline: pages.hotline!, admin: pages.admin!, comms: commsPage };
    const seen: string[] = [];
    for (const [path, allowed] of routes) {
      for (const role of ['hotline', 'admin', 'comms'] as const) {
        const res = await byRole[role].request.get(base + path, { maxRedirects: 0 });
        seen.push(`${role} ${path} ${res.status()}`);
        expect(`${role} ${path} ${res.status()}`).toBe(`${role} ${path} ${allowed.includes(role) ? 200 : 403}`);
      }
    }
    // And the forms: a hotline member cannot post to admin pages, an admin cannot look up.
    const post = (role: 'hotline' | 'admin' | 'comms', path: string, form: Record<string, string>) => byRole[role].request.post(base + path, { form, maxRedirects: 0, headers: { origin: base } });
    expect((await post('hotline', `/console/admin/staff/${members.admin.id}/disable`, {})).status()).toBe(403);
    expect((await post('comms', '/console/admin/staff', { name: 'X', email: 'x@example.nl', role: 'admin' })).status()).toBe(403);
    expect((await post('admin', '/console/hotline', { incidentId: String(incidentId), reason: 'test', customerNumber: 'K1000001' })).status()).toBe(403);
    expect((await post('comms', '/console/hotline/contacts', { incidentId: String(incidentId), customerNumber: 'K1000001', outcome: 'informed' })).status()).toBe(403);
    expect(seen).toHaveLength(routes.length * 3);
  });
});
