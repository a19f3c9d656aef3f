import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the browser tests find Chromium: CHROMIUM_PATH, else Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The programs the tests run besides Node, and the Debian package that brings each. */
const TOOLS: { path: string; pkg: string; what: string }[] = [
  { path: CHROMIUM_PATH, pkg: 'chromium', what: 'the browser tests (or set CHROMIUM_PATH)' },
  { path: '/usr/bin/pdftotext', pkg: 'poppler-utils', what: 'reading printed letters back (pdftotext, pdfinfo)' },
  { path: '/usr/bin/pdfinfo', pkg: 'poppler-utils', what: 'page counts of printed letters' },
];

/**
 * Makes sure the tests have the programs they call, so `npm test` works on a fresh machine by
 * itself: what is missing is installed once from Debian's packages when we may (root with
 * apt-get), in one apt-get run; otherwise the run stops here and says what to install. Tests that
 * need these are never skipped silently, and never download a browser of their own.
 */
export function ensureTestTools(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  const missing = TOOLS.filter((t) => !existsSync(t.path));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((t) => t.pkg))];
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && process.env.TEST_INSTALL_TOOLS !== '0';
  if (!canInstall) {
    const lines = missing.map((t) => `${t.path} (package ${t.pkg}) for ${t.what}`);
    throw new Error(`The tests need: ${lines.join('; ')}. Install them (Debian: \`apt-get install ${packages.join(' ')}\`).`);
  }
  log(`test setup: installing Debian's ${packages.join(', ')} (once, about a minute)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages, 'fonts-dejavu-core'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const still = missing.filter((t) => !existsSync(t.path));
  if (still.length > 0) throw new Error(`apt-get ran, but ${still.map((t) => t.path).join(', ')} is still missing.`);
  log('test setup: installed.');
}
