import type { ReactNode } from 'react';
import type { DeadlineView } from '../../register/deadlines.service';
import { Table, Warning } from '../layout/components';
import { formatDateTime, Lang } from '../layout/i18n';
import { Page, PageContext } from '../layout/page';
import { REGISTER } from './texts';

export interface RegisterRow {
  id: number;
  title: string;
  awareAt: string;
  deadlines: DeadlineView[];
}

const TAG = { open: 'tag-yellow', met: 'tag-green', late: 'tag-red' } as const;

/** One deadline cell: its status as a coloured tag (red when late) and when it is due or was met. */
export function deadlineCell(d: DeadlineView | undefined, lang: Lang): ReactNode {
  const t = REGISTER[lang];
  if (!d) return t.notRequired;
  const when = d.submittedAt ? t.submitted(formatDateTime(d.submittedAt, lang)) : d.dueAt ? t.due(formatDateTime(d.dueAt, lang)) : t.noFixedTime;
  return (
    <>
      <strong className={`tag ${TAG[d.status]}`}>{t.status[d.status]}</strong> {when}
    </>
  );
}

export function RegisterPage({ ctx, rows }: { ctx: PageContext; rows: RegisterRow[] }) {
  const t = REGISTER[ctx.lang];
  const l = ctx.lang;
  const late = rows.reduce((n, r) => n + r.deadlines.filter((d) => d.status === 'late').length, 0);
  const cell = (r: RegisterRow, recipient: DeadlineView['recipient']) => deadlineCell(r.deadlines.find((d) => d.recipient === recipient), l);
  return (
    <Page ctx={ctx} title={t.title}>
      {late > 0 && <Warning>{t.lateWarning(late)}</Warning>}
      <p>{t.intro}</p>
      {rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <Table
          caption={t.caption}
          head={t.head}
          rows={rows.map((r) => [
            <>
              {r.title}
              <br />
              <a href={`/console/admin/register/${r.id}/authority-report`}>
                {t.report}
                <span className="visually-hidden"> ({r.title})</span>
              </a>
            </>,
            formatDateTime(r.awareAt, l),
            cell(r, 'authority'),
            cell(r, 'controller'),
            cell(r, 'dataSubjects'),
          ])}
        />
      )}
      <p>
        <a href="/console/admin/register.csv">{t.download}</a>
      </p>
    </Page>
  );
}

export function AuthorityReportPage({ ctx, title, text }: { ctx: PageContext; title: string; text: string }) {
  const t = REGISTER[ctx.lang];
  return (
    <Page ctx={ctx} title={t.reportTitle(title)} backHref="/console/admin/register">
      <p>{t.reportIntro}</p>
      <pre className="report-text" tabIndex={0}>
        {text}
      </pre>
    </Page>
  );
}
