/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { AppConfig } from '../src/config/config';
import { StaffService } from '../src/staff/staff.service';
import { axeViolations, launchBrowser } from './support/browser';
import { ConsoleMember, createConsoleMember, freshCode, setUp, signIn } from './support/console';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

const COOKIE = 'fw_console';

describe('Console sign-in and sessions (Chromium)', () => {
  let inst: TestInstallation;
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    inst = await createInstallation();
    t = await inst.startApp({ listen: true, signInLockAfter: 3, signInSlowAfter: 1 } as Partial<AppConfig>);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await inst.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB' });
    contexts.push(context);
    return context.newPage();
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
  }

  const sessionCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name === COOKIE);
  const auditActions = async (subject: string) =>
    (await inst.db.query<{ action: string }[]>('SELECT action FROM audit_events WHERE subject = ? ORDER BY id', [subject])).map((r) => r.action);

  async function readyMember(name: string, email: string, app: TestApp = t): Promise<ConsoleMember> {
    const member = await createConsoleMember(app, 'comms', name, email);
    await setUp(await newPage(), app.baseUrl, member);
    return member;
  }

  it('set-up refuses a short password, a common one and a wrong code, says why next to the field, and keeps no secret in the form', async () => {
    const member = await createConsoleMember(t, 'comms', 'Saskia de Wit', 'saskia@example.org');
    const page = await newPage();
    await page.goto(t.baseUrl + member.setupPath);
    expect(await page.title()).toMatch(/^Set up your account/);
    await expect(page.locator('img.qr').getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/);
    const key = await page.getByLabel('Set-up key').inputValue();
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page);

    await page.getByLabel('Password').fill('short pass');
    await page.getByLabel('Code from your authenticator app').fill('123456');
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.getByRole('alert');
    await expect(summary.textContent()).resolves.toContain('at least 12 characters');
    await expect(summary.textContent()).resolves.toContain('The code is not right');
    await expect(summary.getByRole('link').first().getAttribute('href')).resolves.toBe('#f-password');
    await expect(page.getByLabel('Password').inputValue()).resolves.toBe('');
    await expectAccessible(page);

    await page.getByLabel('Password').fill('Wachtwoord123!');
    await page.getByLabel('Code from your authenticator app').fill(await freshCode(key));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('widely used');

    member.secret = key;
    await page.getByLabel('Password').fill(member.password);
    await page.getByLabel('Code from your authenticator app').fill(await freshCode(key));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/console\/sign-in\?done=setup/);
    await expectAccessible(page);
    expect(await auditActions(`staff:${member.id}`)).toContain('staff.setup');

    // The link worked once.
    const again = await page.goto(t.baseUrl + member.setupPath);
    expect(again?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('This link no longer works');
  });

  it('signs in with password then code, gives a new session id at sign-in, and a cookie that is HttpOnly, SameSite=Strict and only for /console', async () => {
    const member = await readyMember('Joris Bakker', 'joris@example.org');
    const page = await newPage();
    await page.goto(t.baseUrl + '/console/incidents');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await expectAccessible(page);
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/console\/sign-in\/code$/);
    await expectAccessible(page);
    const before = await sessionCookie(page);
    expect(before).toBeDefined();

    await page.getByLabel('Code from your authenticator app').fill(await freshCode(member.secret!));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/console\/incidents$/);
    const after = await sessionCookie(page);
    expect(after?.value).not.toBe(before?.value);
    expect(after).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console', secure: false });
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
    expect(await auditActions(`staff:${member.id}`)).toContain('staff.sign-in');

    // The old (pre-sign-in) id is worth nothing.
    const replay = await request(t.http).get('/console/incidents').set('Cookie', `${COOKIE}=${before!.value}`);
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toBe('/console/sign-in');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/sign-in/);
    const res = await request(t.http).get('/console/incidents').set('Cookie', `${COOKIE}=${after!.value}`);
    expect(res.status).toBe(303);
  });

  it('answers a wrong password and a wrong or reused code with the same message, and audits each failure', async () => {
    const member = await readyMember('Fenna Visser', 'fenna@example.org');
    const page = await newPage();
    await page.goto(t.baseUrl + '/console/sign-in');
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill('not the right password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const wrongPassword = await page.getByRole('alert').textContent();
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe(member.email);
    await expectAccessible(page);

    await page.getByLabel('Email address').fill('nobody@example.org');
    await page.getByLabel('Password').fill('not the right password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(wrongPassword);

    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Code from your authenticator app').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(wrongPassword);
    await expectAccessible(page);

    const code = await freshCode(member.secret!);
    await page.getByLabel('Code from your authenticator app').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/console\/incidents$/);
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The same code a second time, with the right password: refused.
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Code from your authenticator app').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(wrongPassword);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in/code');

    const failed = await inst.db.query<{ n: string }[]>("SELECT COUNT(*) n FROM audit_events WHERE action = 'staff.sign-in-failed'");
    expect(Number(failed[0].n)).toBeGreaterThanOrEqual(4);
  });

  it('locks an account after repeated failures, even for the right password, and audits staff.locked', async () => {
    const member = await readyMember('Lotte Smit', 'lotte@example.org');
    const page = await newPage();
    await page.goto(t.baseUrl + '/console/sign-in');
    for (let i = 0; i < 3; i++) {
      await page.getByLabel('Email address').fill(member.email);
      await page.getByLabel('Password').fill(`wrong guess number ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
    }
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('locked');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await auditActions(`staff:${member.id}`)).toContain('staff.locked');
  });

  it('sends / to the console, in Dutch unless the browser or ?lang= asks for English', async () => {
    const root = await request(t.http).get('/').expect(302);
    expect(root.headers.location).toBe('/console');
    const context = await browser.newContext({ locale: 'nl-NL' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(t.baseUrl + '/');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.locator('h1').textContent()).toBe('Aanmelden');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    // The choice is kept for the rest of the visit.
    await page.goto(t.baseUrl + '/console/sign-in');
    expect(await page.locator('h1').textContent()).toBe('Sign in');
  });

  it('refuses a state-changing request from another origin', async () => {
    const evil = await request(t.http).post('/console/sign-in').set('Origin', 'https://attacker.example').type('form').send({ email: 'x@example.org', password: 'y' });
    expect(evil.status).toBe(403);
    const fetchMeta = await request(t.http).post('/console/sign-out').set('Sec-Fetch-Site', 'cross-site').type('form').send({});
    expect(fetchMeta.status).toBe(403);
    // Same origin is fine.
    const host = new URL(t.baseUrl).host;
    const same = await request(t.http).post('/console/sign-in').set('Host', host).set('Origin', t.baseUrl).type('form').send({ email: 'x@example.org', password: 'y' });
    expect(same.status).toBe(200);
  });

  it('throws a disabled member out at once: their sessions end and the next page asks to sign in', async () => {
    const member = await readyMember('Daan Mulder', 'daan@example.org');
    const page = await newPage();
    await signIn(page, t.baseUrl, member);
    const cookie = await sessionCookie(page);
    await t.app.get(StaffService).disable(member.id, 'cli');
    await page.goto(t.baseUrl + '/console/incidents');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    const res = await request(t.http).get('/console/incidents').set('Cookie', `${COOKIE}=${cookie!.value}`);
    expect(res.status).toBe(303);
  });

  it('ends a session after the idle time and after the absolute time however active it is', async () => {
    const idleApp = await inst.startApp({ listen: true, sessionIdleSeconds: 2 } as Partial<AppConfig>);
    const member = await readyMember('Iris Jansen', 'iris@example.org', idleApp);
    const page = await newPage();
    await signIn(page, idleApp.baseUrl, member);
    await new Promise((r) => setTimeout(r, 3000));
    await page.goto(idleApp.baseUrl + '/console/incidents');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await idleApp.close();

    const absoluteApp = await inst.startApp({ listen: true, sessionIdleSeconds: 60, sessionAbsoluteSeconds: 4 } as Partial<AppConfig>);
    await signIn(page, absoluteApp.baseUrl, member);
    const started = Date.now();
    let path = '/console/incidents';
    while (path !== '/console/sign-in') {
      await page.goto(absoluteApp.baseUrl + '/console/incidents');
      path = new URL(page.url()).pathname;
      if (path !== '/console/sign-in') await new Promise((r) => setTimeout(r, 500));
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(3500);
    await absoluteApp.close();
  });

  it('keeps API bearer tokens working, and a console cookie is no API credential', async () => {
    const { token } = await inst.staffToken('comms');
    await request(t.http).get('/api/incidents/999').set('Authorization', `Bearer ${token}`).expect(404);
    const member = await readyMember('Bram Peters', 'bram@example.org');
    const page = await newPage();
    await signIn(page, t.baseUrl, member);
    const cookie = await sessionCookie(page);
    await request(t.http).get('/api/incidents/999').set('Cookie', `${COOKIE}=${cookie!.value}`).expect(401);
  });
});
