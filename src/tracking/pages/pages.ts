import { createHash } from 'node:crypto';
import type { Tier } from '../../customers/tiers';
import { PageLanguage, TEXTS } from './texts';

/** Section anchors a letter may link to (`/l/<token>#what-to-do`). */
export const LANDING_SECTIONS = ['what-happened', 'what-it-means', 'never-ask', 'what-to-do', 'contact', 'confirm'] as const;

/** What a customer page shows: incident facts and the letter's tier, language and tips. Never personal data. */
export interface LandingView {
  language: PageLanguage;
  company: string;
  tier: Tier;
  description: string;
  measuresTaken: string;
  discoveredAt: Date;
  tips: string[];
  hotline: Hotline;
}

export interface Hotline {
  company: string;
  phone: string;
  email: string;
}

const CSS = [
  ':root{color-scheme:light}',
  '*{box-sizing:border-box}',
  'html{-webkit-text-size-adjust:100%;text-size-adjust:100%}',
  'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:1.25rem;line-height:1.6;color:#111;background:#fff}',
  'header{background:#0b3d91;color:#fff;padding:.9rem 0}',
  'header p{margin:0 auto;max-width:42rem;padding:0 1rem;font-weight:700;font-size:1.25rem}',
  'main{max-width:42rem;margin:0 auto;padding:.5rem 1rem 2rem}',
  'h1{font-size:1.85rem;line-height:1.25;margin:1.25rem 0 1rem}',
  'h2{font-size:1.45rem;line-height:1.3;margin:2.25rem 0 .5rem}',
  'h3{font-size:1.25rem;margin:1.5rem 0 .25rem}',
  'p,li{max-width:38em}',
  'ul{padding-left:1.4rem}',
  'li{margin:.5rem 0}',
  'a{color:#0b3d91;text-decoration:underline;text-underline-offset:.15em}',
  'a:focus-visible,button:focus-visible{outline:4px solid #e58a00;outline-offset:3px}',
  '.promise{border:4px solid #a4001d;border-radius:.5rem;padding:.25rem 1rem;background:#fff3f3}',
  '.promise h2{margin-top:.75rem;color:#a4001d}',
  '.promise p{font-weight:700}',
  '.contact{list-style:none;padding:0}',
  '.contact li{margin:.75rem 0}',
  '.contact .label{display:block;font-size:1.05rem;color:#333}',
  '.contact a{font-weight:700;font-size:1.4rem;overflow-wrap:anywhere}',
  '.contact a[href^="mailto:"]{font-size:1.15rem}',
  '.lang-switch{margin:.75rem 0 0;font-size:1.1rem}',
  '.confirm{margin-top:2.5rem;padding:1rem;border-radius:.5rem;background:#eef5ee}',
  '.confirm h2{margin-top:.25rem}',
  'button{font:inherit;font-size:1.4rem;font-weight:700;display:block;width:100%;min-height:3.5rem;padding:.75rem 1.25rem;border:0;border-radius:.5rem;background:#0b6b2e;color:#fff;cursor:pointer}',
  'button:hover{background:#08521f}',
  'footer{max-width:42rem;margin:0 auto;padding:1rem;font-size:1.05rem;color:#333;border-top:1px solid #999}',
  '.en{margin-top:3rem;padding-top:1rem;border-top:2px solid #0b3d91}',
  '@media (min-width:40rem){button{width:auto;min-width:20rem}h1{font-size:2.2rem}}',
].join('');

/** The one stylesheet, allowed by its hash so the CSP needs no 'unsafe-inline'. */
const CSS_HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`;

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': `default-src 'none'; style-src '${CSS_HASH}'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Robots-Tag': 'noindex, nofollow',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** `tel:` target: digits and a leading +, as dialled. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  // "+31 (0)20 …": the (0) is only dialled within the country.
  if (trimmed.startsWith('+')) return `tel:+${trimmed.replace(/\(0\)/g, '').replace(/\D/g, '')}`;
  return `tel:${trimmed.replace(/\D/g, '')}`;
}

function formatDate(date: Date, language: PageLanguage): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(date);
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
}

function page(language: PageLanguage, title: string, company: string | null, body: string): string {
  const header = company ? `<header><p>${escapeHtml(company)}</p></header>` : '';
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex, nofollow">' +
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>${header}<main>${body}</main>` +
    `<footer><p>${escapeHtml(TEXTS[language].safePage)}</p></footer></body></html>`
  );
}

function contactSection(language: PageLanguage, hotline: Hotline, headingLevel: 'h2' = 'h2'): string {
  const t = TEXTS[language];
  return (
    `<section id="contact" aria-labelledby="contact-h"><${headingLevel} id="contact-h">${escapeHtml(t.contact)}</${headingLevel}>` +
    `<p>${escapeHtml(t.contactIntro(hotline.company))}</p>` +
    '<ul class="contact">' +
    `<li><span class="label">${escapeHtml(t.phoneLabel)}</span> <a href="${escapeHtml(telHref(hotline.phone))}">${escapeHtml(hotline.phone)}</a></li>` +
    `<li><span class="label">${escapeHtml(t.emailLabel)}</span> <a href="mailto:${escapeHtml(hotline.email)}">${escapeHtml(hotline.email)}</a></li>` +
    `</ul><p>${escapeHtml(t.onlyThisNumber)}</p></section>`
  );
}

function promiseSection(language: PageLanguage): string {
  const t = TEXTS[language];
  return `<section id="never-ask" class="promise" aria-labelledby="never-ask-h"><h2 id="never-ask-h">${escapeHtml(t.promiseHeading)}</h2><p>${escapeHtml(t.promise)}</p></section>`;
}

function tipsSection(language: PageLanguage, tips: string[]): string {
  const t = TEXTS[language];
  const list = tips.length ? tips : t.generalTips;
  return `<section id="what-to-do" aria-labelledby="what-to-do-h"><h2 id="what-to-do-h">${escapeHtml(t.whatToDo)}</h2><ul>${list.map((tip) => `<li>${tipHtml(tip)}</li>`).join('')}</ul></section>`;
}

/** A tip given as "Title: text" shows its title in bold. */
function tipHtml(tip: string): string {
  const at = tip.indexOf(': ');
  if (at <= 0 || at > 80) return escapeHtml(tip);
  return `<strong>${escapeHtml(tip.slice(0, at))}</strong><br>${escapeHtml(tip.slice(at + 2))}`;
}

/** The landing page of one letter. `ackAction` is the form's target (`/l/<token>/ack`). */
export function renderLandingPage(view: LandingView, ackAction: string): string {
  const t = TEXTS[view.language];
  const body =
    `<h1>${escapeHtml(t.heading)}</h1><p>${escapeHtml(t.intro)}</p>` +
    `<section id="what-happened" aria-labelledby="what-happened-h"><h2 id="what-happened-h">${escapeHtml(t.whatHappened)}</h2>` +
    paragraphs(view.description) +
    `<p><strong>${escapeHtml(t.tierHappened[view.tier])}</strong></p>` +
    `<p>${escapeHtml(t.discovered(formatDate(view.discoveredAt, view.language)))}</p>` +
    (view.measuresTaken.trim() ? `<h3>${escapeHtml(t.measures)}</h3>${paragraphs(view.measuresTaken)}` : '') +
    '</section>' +
    `<section id="what-it-means" aria-labelledby="what-it-means-h"><h2 id="what-it-means-h">${escapeHtml(t.whatItMeans)}</h2><p>${escapeHtml(t.tierMeans[view.tier](view.company))}</p></section>` +
    promiseSection(view.language) +
    tipsSection(view.language, view.tips) +
    contactSection(view.language, view.hotline) +
    `<section id="confirm" class="confirm" aria-labelledby="confirm-h"><h2 id="confirm-h">${escapeHtml(t.confirm)}</h2><p>${escapeHtml(t.confirmText)}</p>` +
    `<form method="post" action="${escapeHtml(ackAction)}"><button type="submit">${escapeHtml(t.button)}</button></form></section>`;
  return page(view.language, t.htmlTitle(view.company), view.company, body);
}

/** After "I have read this" (the same page for a first and a repeated confirmation). */
export function renderThanksPage(language: PageLanguage, hotline: Hotline): string {
  const t = TEXTS[language];
  const body = `<h1>${escapeHtml(t.thanksHeading)}</h1><p>${escapeHtml(t.thanksText)}</p>` + promiseSection(language) + contactSection(language, hotline);
  return page(language, t.thanksTitle, hotline.company, body);
}

/**
 * For every unknown or malformed token: Dutch first, then English (the language is unknown). It
 * shows the hotline given (the installation's current incident) or, without one, how to find it.
 */
export function renderNotFoundPage(hotline: Hotline | null): string {
  const part = (language: PageLanguage): string => {
    const t = TEXTS[language];
    const suffix = language === 'nl' ? '' : '-en';
    const contact = hotline
      ? contactSection(language, hotline).replace('id="contact"', `id="contact${suffix}"`).replaceAll('contact-h', `contact-h${suffix}`)
      : `<p>${escapeHtml(t.notFoundNoHotline)}</p>`;
    return (
      `<h${language === 'nl' ? 1 : 2}>${escapeHtml(t.notFoundHeading)}</h${language === 'nl' ? 1 : 2}><p>${escapeHtml(t.notFoundText)}</p>` +
      `<div class="promise"><p>${escapeHtml(t.promise)}</p></div>` +
      `<ul>${t.generalTips.map((tip) => `<li>${escapeHtml(tip)}</li>`).join('')}</ul>` +
      contact
    );
  };
  const body = `<p class="lang-switch" lang="en"><a href="#en">English below</a></p>` + part('nl') + `<section id="en" class="en" lang="en">${part('en')}</section>`;
  return page('nl', `${TEXTS.nl.notFoundTitle} / ${TEXTS.en.notFoundTitle}`, hotline?.company ?? null, body);
}

/** When the database cannot be reached: no incident data, only what is always true. */
export function renderUnavailablePage(): string {
  const part = (language: PageLanguage): string => {
    const t = TEXTS[language];
    const h = language === 'nl' ? 'h1' : 'h2';
    return (
      `<${h}>${escapeHtml(t.unavailableHeading)}</${h}><p>${escapeHtml(t.unavailableText)}</p>` +
      `<div class="promise"><p>${escapeHtml(t.promise)}</p></div><p>${escapeHtml(t.notFoundNoHotline)}</p>`
    );
  };
  return page('nl', `${TEXTS.nl.unavailableHeading} / ${TEXTS.en.unavailableHeading}`, null, part('nl') + `<section id="en" class="en" lang="en">${part('en')}</section>`);
}

/** A transparent 1×1 GIF. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export const PIXEL_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'image/gif',
  'Cache-Control': 'no-store, no-cache, must-revalidate, max-age=0',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};
