import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the browser tests find Chromium: CHROMIUM_PATH, else Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Makes sure the browser tests have a browser, so `npm test` works on a fresh machine by itself:
 * when Chromium is missing and we may install system packages (root with apt-get), Debian's
 * chromium package is installed once; otherwise the run stops here with what to do. The browser
 * tests are never skipped silently, and never download a browser of their own.
 */
export function ensureChromium(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && process.env.TEST_INSTALL_CHROMIUM !== '0';
  if (!canInstall) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}: install it (Debian: \`apt-get install chromium\`) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
  }
  log('test setup: Chromium is missing; installing Debian\'s chromium package (once, about a minute)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing; set CHROMIUM_PATH.`);
  log('test setup: Chromium installed.');
}
