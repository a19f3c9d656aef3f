import { isHumanVisit, isLinkScanner, isPrefetch } from './link-scanners';

describe('link scanners', () => {
  it.each([
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b',
    'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'WhatsApp/2.23.20.0 A',
    'Twitterbot/1.0',
    'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
    'TelegramBot (like TwitterBot)',
    'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
    'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5',
    'Microsoft Office Existence Discovery',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  ])('recognises %s', (ua) => {
    expect(isLinkScanner(ua)).toBe(true);
    expect(isHumanVisit({ userAgent: ua })).toBe(false);
  });

  it.each([
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (Linux; Android 12; CUBOT X50) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 (compatible; Google-Read-Aloud; +https://support.google.com/webmasters/answer/1061943)',
    'curl/8.5.0',
    undefined,
  ])('counts a person behind %s', (ua) => {
    expect(isLinkScanner(ua)).toBe(false);
    expect(isHumanVisit({ userAgent: ua })).toBe(true);
  });

  it('does not count browser prefetches and previews', () => {
    const ua = 'Mozilla/5.0 Chrome/126.0';
    expect(isPrefetch({ userAgent: ua, secPurpose: 'prefetch;prerender' })).toBe(true);
    expect(isPrefetch({ userAgent: ua, secPurpose: 'prefetch' })).toBe(true);
    expect(isPrefetch({ userAgent: ua, purpose: 'prefetch' })).toBe(true);
    expect(isPrefetch({ userAgent: ua, xMoz: 'prefetch' })).toBe(true);
    expect(isPrefetch({ userAgent: ua, xPurpose: 'preview' })).toBe(true);
    expect(isPrefetch({ userAgent: ua })).toBe(false);
    expect(isHumanVisit({ userAgent: ua, purpose: 'prefetch' })).toBe(false);
  });
});
