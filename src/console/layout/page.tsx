import type { ReactNode } from 'react';
import type { Role } from '../../staff/roles';
import type { Lang } from './i18n';
import { POSTAL } from '../postal/texts';
import { SHELL } from './texts';

/** What every page needs to know about the request it answers. */
export interface PageContext {
  lang: Lang;
  /** Per response; only scripts carrying it run (see render.ts). */
  nonce: string;
  staff: { name: string; role: Role } | null;
  /** Path of this page without query string, for the language switch. */
  path: string;
}

/**
 * Items of the main menu, by role. Other areas add theirs here (one line each), e.g.
 * `{ href: '/console/hotline', label: { nl: 'Beller opzoeken', en: 'Look up a caller' }, roles: ['hotline'] }`.
 */
export const NAV_ITEMS: { href: string; label: Record<Lang, string>; roles: Role[] }[] = [
  { href: '/console/incidents', label: { nl: SHELL.nl.nav.incidents, en: SHELL.en.nav.incidents }, roles: ['comms', 'admin'] },
  { href: '/console/hotline', label: { nl: 'Beller opzoeken', en: 'Look up a caller' }, roles: ['hotline'] },
  { href: '/console/postal/returned', label: { nl: POSTAL.nl.nav, en: POSTAL.en.nav }, roles: ['comms', 'hotline'] },
  { href: '/console/admin/staff', label: { nl: 'Medewerkers', en: 'Staff' }, roles: ['admin'] },
  { href: '/console/admin/audit', label: { nl: 'Auditlog', en: 'Audit log' }, roles: ['admin'] },
  { href: '/console/admin/lookups', label: { nl: 'Opzoekingen', en: 'Lookups per staff member' }, roles: ['admin'] },
  { href: '/console/admin/alerts', label: { nl: 'Meldingen', en: 'Alerts' }, roles: ['admin'] },
  { href: '/console/admin/register', label: { nl: 'Register datalekken', en: 'Breach register' }, roles: ['admin'] },
];

interface PageProps {
  ctx: PageContext;
  /** The one h1 of the page; the document title starts with it. */
  title: string;
  children?: ReactNode;
  /** Scripts of our own origin to load (progressive enhancement only). */
  scripts?: string[];
  backHref?: string;
}

/** The page shell: header with service name, menu and Sign out; one main region with the h1. */
export function Page({ ctx, title, children, scripts = [], backHref }: PageProps) {
  const t = SHELL[ctx.lang];
  const nav = ctx.staff ? NAV_ITEMS.filter((i) => i.roles.includes(ctx.staff!.role)) : [];
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} – ${t.service}`}</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
        {scripts.map((src) => (
          <script key={src} src={src} nonce={ctx.nonce} defer />
        ))}
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t.skip}
        </a>
        <header className="header">
          <div className="width header-inner">
            <a className="service-name" href="/console">
              {t.service}
            </a>
            <a className="lang-switch" href={`${ctx.path}?lang=${t.otherLangCode}`} lang={t.otherLangCode} hrefLang={t.otherLangCode}>
              {t.otherLang}
            </a>
            {ctx.staff && (
              <div className="account">
                <span>{t.signedInAs(ctx.staff.name, t.roles[ctx.staff.role] ?? ctx.staff.role)}</span>
                <form method="post" action="/console/sign-out" className="inline-form">
                  <button type="submit" className="link-button">
                    {t.signOut}
                  </button>
                </form>
              </div>
            )}
          </div>
          {nav.length > 0 && (
            <nav className="nav" aria-label={t.navLabel}>
              <ul className="width">
                {nav.map((i) => (
                  <li key={i.href}>
                    <a href={i.href} aria-current={ctx.path.startsWith(i.href) ? 'page' : undefined}>
                      {i.label[ctx.lang]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <div className="width">
          {backHref && (
            <a className="back-link" href={backHref}>
              {t.back}
            </a>
          )}
          <main id="main" tabIndex={-1}>
            <h1>{title}</h1>
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}
