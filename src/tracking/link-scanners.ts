/**
 * Requests that must not count as a customer reading the letter: mail-security link scanners,
 * chat/social link previews, search crawlers and browser prefetches.
 *
 * Matched case-insensitively as substrings of the User-Agent. Deliberately NOT listed:
 * - generic HTTP clients (`curl`, `Wget`, `python-requests`, `node`, `undici`): a person can be
 *   behind them, and some readers' accessibility tools use them; we only exclude what we know is
 *   automated.
 * - `Google-Read-Aloud`: fetched because a person asked Chrome to read the page out loud.
 * - `GoogleImageProxy` (Gmail): it fetches images when a person opens the message, so for the
 *   opt-in open pixel it is a real open.
 * - a bare `bot` substring: Android user agents of Cubot phones contain it.
 * Scanners that pretend to be an ordinary browser (some Proofpoint and Defender sandboxes do)
 * cannot be told apart by their user agent; the read confirmation is the reliable signal.
 */
export const LINK_SCANNER_AGENTS: readonly string[] = [
  // Mail security (Safe Links / Defender, Proofpoint URL Defense, Mimecast, Barracuda, Cisco, Trend Micro, Sophos)
  'BingPreview',
  'Microsoft Office Existence Discovery',
  'Microsoft Office Protocol Discovery',
  'Proofpoint',
  'Mimecast',
  'Barracuda',
  'Cisco-IronPort',
  'TrendMicro',
  'Sophos',
  'ZScaler',
  // Chat and social link previews
  'Slackbot',
  'Slack-ImgProxy',
  'facebookexternalhit',
  'Facebot',
  'WhatsApp',
  'Twitterbot',
  'LinkedInBot',
  'TelegramBot',
  'Discordbot',
  'SkypeUriPreview',
  'redditbot',
  'Iframely',
  'Embedly',
  // Search and other crawlers
  'Googlebot',
  'AdsBot-Google',
  'bingbot',
  'Applebot',
  'YandexBot',
  'DuckDuckBot',
  'Baiduspider',
];

const SCANNER_RE = new RegExp(LINK_SCANNER_AGENTS.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

/** Header values a prefetching browser sends (`Sec-Purpose: prefetch;prerender`, `Purpose: prefetch`, Firefox's `X-Moz: prefetch`, Safari's `X-Purpose: preview`). */
const PREFETCH_RE = /\b(prefetch|prerender|preview)\b/i;

export interface RequestSignals {
  userAgent: string | undefined;
  purpose?: string | undefined;
  secPurpose?: string | undefined;
  xPurpose?: string | undefined;
  xMoz?: string | undefined;
}

export function isLinkScanner(userAgent: string | undefined): boolean {
  return userAgent !== undefined && SCANNER_RE.test(userAgent);
}

export function isPrefetch(s: RequestSignals): boolean {
  return [s.purpose, s.secPurpose, s.xPurpose, s.xMoz].some((v) => v !== undefined && PREFETCH_RE.test(v));
}

/** True when the request is a person's own visit (to be counted). HEAD is decided by the caller. */
export function isHumanVisit(s: RequestSignals): boolean {
  return !isLinkScanner(s.userAgent) && !isPrefetch(s);
}
