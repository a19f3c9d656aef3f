import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CLI_ACTOR } from '../../src/audit/audit.service';
import type { Role } from '../../src/staff/roles';
import { StaffService } from '../../src/staff/staff.service';
import { currentCode } from '../../src/staff/totp';
import type { TestApp } from './test-app';

export interface ConsoleMember {
  id: number;
  name: string;
  email: string;
  password: string;
  /** Path of the one-time set-up link (its origin is PUBLIC_BASE_URL, not the test server's). */
  setupPath: string;
  /** Read from the set-up page, as a person would type it into an app. */
  secret?: string;
}

/** Staff created the way `staff:create --email` does it: the real service, with a set-up link. */
export async function createConsoleMember(t: TestApp, role: Role, name: string, email: string): Promise<ConsoleMember> {
  const created = await t.app.get(StaffService).create({ name, role, email }, CLI_ACTOR);
  return { id: created.id, name, email, password: `${name.split(' ')[0]} paints the lighthouse green at dawn`, setupPath: new URL(created.setupUrl!).pathname };
}

const STEP_MS = 30_000;
const lastStep = new Map<string, number>();

/**
 * A code the member's authenticator app would show, that has not been used yet: codes work once,
 * so a second sign-in within the same 30 s uses the next step's code (accepted one step early,
 * like a phone clock that runs slightly ahead) or waits for it.
 */
export async function freshCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / STEP_MS);
    const used = lastStep.get(secret) ?? -1;
    const target = Math.max(step, used + 1);
    if (target <= step + 1) {
      lastStep.set(secret, target);
      return currentCode(secret, target * STEP_MS + 1000);
    }
    await new Promise((r) => setTimeout(r, (step + 1) * STEP_MS - now + 50));
  }
}

/** Completes the set-up page: password, the key read from the page, a code from it. */
export async function setUp(page: Page, baseUrl: string, member: ConsoleMember): Promise<void> {
  await page.goto(baseUrl + member.setupPath);
  await page.getByLabel('Password').fill(member.password);
  member.secret = await page.getByLabel('Set-up key').inputValue();
  await page.getByLabel('Code from your authenticator app').fill(await freshCode(member.secret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/console\/sign-in/);
}

export async function signIn(page: Page, baseUrl: string, member: ConsoleMember): Promise<void> {
  await page.goto(baseUrl + '/console/sign-in');
  await page.getByLabel('Email address').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Code from your authenticator app').fill(await freshCode(member.secret!));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/console/sign-in'));
}

/**
 * A new browser context (kept in `contexts` for closing) with the member signed in, set up first
 * when they have not been. Waiting is bounded by Jest's guard against hangs, not per step.
 */
export async function signedInPage(browser: Browser, contexts: BrowserContext[], baseUrl: string, member: ConsoleMember, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(0);
  contexts.push(context);
  const page = await context.newPage();
  if (!member.secret) await setUp(page, baseUrl, member);
  await signIn(page, baseUrl, member);
  return page;
}
