import type { Request } from 'express';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

/** Texts of one page area in both languages; the Dutch ones are the default. */
export type Texts<T> = Record<Lang, T>;

/**
 * The console's language: `?lang=` (remembered in the session), else what was chosen earlier in
 * this session, else the browser's preference among Dutch and English, else Dutch.
 */
export function requestLang(req: Request): Lang {
  const asked = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
  if (asked === 'nl' || asked === 'en') {
    if (req.session) req.session.lang = asked;
    return asked;
  }
  if (req.session?.lang) return req.session.lang;
  return acceptLanguage(req.headers['accept-language']);
}

/** The first of nl/en in an Accept-Language header, by quality. */
export function acceptLanguage(header: string | undefined): Lang {
  if (!header) return 'nl';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'nl' || primary === 'en') return primary;
  }
  return 'nl';
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB').format(n);
}

export function formatDateTime(iso: string | Date | null, lang: Lang): string {
  if (!iso) return '–';
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(d);
}
