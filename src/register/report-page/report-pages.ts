import { createHash } from 'node:crypto';
import { escapeHtml } from '../../tracking/pages/pages';
import type { FieldError, ReportField, ReportValues } from './breach-report-form';
import { ReportLanguage, TEXTS } from './texts';

/**
 * The public breach report pages: plain HTML that works without JavaScript, one stylesheet
 * allowed by its hash (no inline script at all), and the GOV.UK error pattern: a summary at the top
 * linking to each field, the message at the field, and what was typed kept in the form.
 */
const CSS = [
  ':root{color-scheme:light}',
  '*{box-sizing:border-box}',
  'html{-webkit-text-size-adjust:100%;text-size-adjust:100%}',
  'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:1.125rem;line-height:1.5;color:#0b0c0c;background:#fff}',
  'header{background:#0b3d91;color:#fff;padding:.75rem 0}',
  'header p{margin:0 auto;max-width:40rem;padding:0 1rem;font-weight:700}',
  'main{max-width:40rem;margin:0 auto;padding:.5rem 1rem 2rem}',
  'h1{font-size:1.85rem;line-height:1.2;margin:1.25rem 0 1rem}',
  'p{max-width:38em}',
  'a{color:#0b3d91;text-decoration:underline;text-underline-offset:.15em}',
  'a:focus-visible,button:focus-visible{outline:3px solid #e58a00;outline-offset:2px}',
  '.lang{margin:.5rem 0 0;text-align:right}',
  '.field{margin:0 0 1.75rem}',
  'label,legend{display:block;font-weight:700;margin:0 0 .25rem}',
  'fieldset{border:0;margin:0 0 1.75rem;padding:0;min-width:0}',
  'legend{font-size:1.25rem;margin-bottom:.5rem}',
  '.hint{display:block;color:#484949;margin:0 0 .4rem}',
  'input,textarea{font:inherit;width:100%;padding:.4rem .5rem;border:2px solid #0b0c0c;border-radius:0;background:#fff;color:#0b0c0c}',
  'textarea{min-height:10rem;resize:vertical}',
  'input:focus,textarea:focus{outline:3px solid #e58a00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}',
  '.field-error{border-left:5px solid #b10e1e;padding-left:.9rem}',
  '.field-error input,.field-error textarea{border-color:#b10e1e}',
  '.error-message{display:block;color:#b10e1e;font-weight:700;margin:0 0 .4rem}',
  '.error-summary{border:5px solid #b10e1e;padding:1rem;margin:0 0 2rem}',
  '.error-summary h2{margin:0 0 .75rem;font-size:1.4rem}',
  '.error-summary ul{margin:0;padding-left:1.2rem}',
  '.error-summary a{color:#b10e1e;font-weight:700}',
  'button{font:inherit;font-weight:700;min-height:2.75rem;padding:.5rem 1.25rem;border:0;border-bottom:3px solid #002d18;background:#00703c;color:#fff;cursor:pointer}',
  'button:hover{background:#005a30}',
  '.reference{border:5px solid #00703c;padding:1rem;margin:1rem 0 1.5rem;background:#f3f9f5}',
  '.reference strong{display:block;font-size:1.75rem;letter-spacing:.04em;white-space:nowrap}',
  '.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}',
  'footer{max-width:40rem;margin:0 auto;padding:1rem;color:#484949;border-top:1px solid #b1b4b6}',
].join('');

const CSS_HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`;

export const REPORT_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': `default-src 'none'; style-src '${CSS_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export interface ReportPage {
  status: number;
  body: string;
}

function page(language: ReportLanguage, title: string, body: string, switchTo: string): string {
  const t = TEXTS[language];
  const other = language === 'nl' ? 'en' : 'nl';
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>` +
    `<header><p>${escapeHtml(t.title)}</p></header><main>` +
    `<p class="lang"><a href="${escapeHtml(switchTo)}?lang=${other}" lang="${other}" hreflang="${other}">${escapeHtml(t.otherLanguage)}</a></p>` +
    `${body}</main><footer><p>${escapeHtml(t.privacy)}</p></footer></body></html>`
  );
}

function field(language: ReportLanguage, name: ReportField, value: string, error: FieldError | undefined, attrs: { type?: string; autocomplete?: string; hint?: string; multiline?: boolean }): string {
  const t = TEXTS[language];
  const describedBy = [attrs.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const common = `id="${name}" name="${name}"${describedBy ? ` aria-describedby="${describedBy}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
  const control = attrs.multiline
    ? `<textarea ${common} rows="8" spellcheck="true">${escapeHtml(value)}</textarea>`
    : `<input ${common} type="${attrs.type ?? 'text'}" value="${escapeHtml(value)}"${attrs.autocomplete ? ` autocomplete="${attrs.autocomplete}"` : ''}${attrs.type === 'email' ? ' spellcheck="false"' : ''}>`;
  return (
    `<div class="field${error ? ' field-error' : ''}"><label for="${name}">${escapeHtml(t.labels[name])}</label>` +
    (attrs.hint ? `<span class="hint" id="${name}-hint">${escapeHtml(attrs.hint)}</span>` : '') +
    (error ? `<span class="error-message" id="${name}-error"><span class="visually-hidden">${escapeHtml(t.errorPrefix)}: </span>${escapeHtml(error.message)}</span>` : '') +
    `${control}</div>`
  );
}

/** The form, empty or with what was typed and the errors found in it. */
export function renderReportForm(language: ReportLanguage, values: ReportValues, errors: FieldError[] = []): ReportPage {
  const t = TEXTS[language];
  const err = (f: ReportField) => errors.find((e) => e.field === f);
  const summary = errors.length
    ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title"><h2 id="error-summary-title">${escapeHtml(t.errorSummary)}</h2><ul>` +
      errors.map((e) => `<li><a href="#${e.field}">${escapeHtml(e.message)}</a></li>`).join('') +
      '</ul></div>'
    : '';
  const body =
    summary +
    `<h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.intro)}</p><p>${escapeHtml(t.why)}</p>` +
    `<form method="post" action="/report?lang=${language}" novalidate>` +
    field(language, 'whatHappened', values.whatHappened, err('whatHappened'), { multiline: true, hint: t.hints.whatHappened }) +
    field(language, 'noticedAt', values.noticedAt, err('noticedAt'), { hint: t.hints.noticedAt }) +
    field(language, 'organisation', values.organisation, err('organisation'), { autocomplete: 'organization', hint: t.hints.organisation }) +
    field(language, 'name', values.name, err('name'), { autocomplete: 'name' }) +
    `<fieldset aria-describedby="contact-hint"><legend>${escapeHtml(t.contactLegend)}</legend><span class="hint" id="contact-hint">${escapeHtml(t.hints.contact)}</span>` +
    field(language, 'email', values.email, err('email'), { type: 'email', autocomplete: 'email' }) +
    field(language, 'phone', values.phone, err('phone'), { type: 'tel', autocomplete: 'tel' }) +
    `</fieldset><button type="submit">${escapeHtml(t.submit)}</button></form>`;
  return { status: errors.length ? 400 : 200, body: page(language, errors.length ? `${t.errorPrefix}: ${t.title}` : t.title, body, '/report') };
}

/** The thank-you page: the reference, and nothing of what was sent. */
export function renderThanks(language: ReportLanguage, reference: string): ReportPage {
  const t = TEXTS[language];
  const body =
    `<h1>${escapeHtml(t.thanksTitle)}</h1>` +
    `<div class="reference"><span>${escapeHtml(t.thanksReference)}</span> <strong>${escapeHtml(reference)}</strong></div>` +
    `<p>${escapeHtml(t.thanksNext)}</p><p><a href="/report?lang=${language}">${escapeHtml(t.thanksAgain)}</a></p>`;
  return { status: 200, body: page(language, t.thanksTitle, body, '/report') };
}

/** Refused before reading the form (too many reports, too large): a short page and the way back. */
export function renderRefused(language: ReportLanguage, kind: 'limited' | 'tooLarge', retryAfterSeconds = 0): ReportPage {
  const t = TEXTS[language];
  const title = kind === 'limited' ? t.limitedTitle : t.tooLargeTitle;
  const text = kind === 'limited' ? t.limited(Math.max(1, Math.ceil(retryAfterSeconds / 60))) : t.tooLarge;
  const body = `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="/report?lang=${language}">${escapeHtml(t.back)}</a></p>`;
  return { status: kind === 'limited' ? 429 : 413, body: page(language, title, body, '/report') };
}
