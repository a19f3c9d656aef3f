import type { ReactNode } from 'react';
import type { IncidentView } from '../../incidents/incidents.service';
import { personalDataGone, WorkInProgress } from '../../incidents/retention-rules';
import { Button, Form, Inset, SummaryList, Warning } from '../layout/components';
import { formatDateTime } from '../layout/i18n';
import { Page, PageContext } from '../layout/page';
import { RETENTION } from './retention-texts';

const STATUS_TAGS = { open: 'tag-green', closed: 'tag-yellow', purged: 'tag-grey' } as const;

/** The incident page's part about keeping personal data: status, when the purge runs, and for admins the way to close. */
export function RetentionSection({ ctx, incident, isAdmin }: { ctx: PageContext; incident: IncidentView; isAdmin: boolean }) {
  const t = RETENTION[ctx.lang];
  const l = ctx.lang;
  const purgeDue = personalDataGone({ status: incident.status, purgeAt: incident.purgeAt ? new Date(incident.purgeAt) : null }, new Date());
  const note =
    incident.status === 'open'
      ? t.openNote
      : incident.status === 'purged'
        ? t.purgedNote(formatDateTime(incident.purgedAt, l))
        : purgeDue
          ? t.duePurgeNote
          : t.closedNote(formatDateTime(incident.purgeAt, l));
  const rows: [string, ReactNode][] = [[t.status, <span className={`tag ${STATUS_TAGS[incident.status]}`}>{t.statuses[incident.status]}</span>]];
  if (incident.closedAt) rows.push([t.closedAt, formatDateTime(incident.closedAt, l)]);
  if (incident.status === 'closed') rows.push([t.purgeAt, formatDateTime(incident.purgeAt, l)]);
  if (incident.purgedAt) rows.push([t.purgedAt, formatDateTime(incident.purgedAt, l)]);
  return (
    <>
      <h2>{t.heading}</h2>
      <SummaryList rows={rows} />
      <p>{note}</p>
      {isAdmin && incident.status === 'open' && (
        // A GET to the check step: nothing changes until the button there is pressed.
        <form method="get" action={`/console/incidents/${incident.id}/close`}>
          <Button warning>{t.closeButton}</Button>
        </form>
      )}
    </>
  );
}

/** The check step before closing: what will be removed and when, or what must happen first. */
export function CloseIncidentPage({ ctx, incident, retentionDays, purgeAt, work }: { ctx: PageContext; incident: IncidentView; retentionDays: number; purgeAt: string; work: WorkInProgress }) {
  const t = RETENTION[ctx.lang];
  const l = ctx.lang;
  const back = `/console/incidents/${incident.id}`;
  const blockers = [
    ...work.campaigns.map((c) => (c.status === 'sending' ? t.blocked.sending(c.id) : t.blocked.approved(c.id))),
    ...work.imports.map((i) => t.blocked.import(i.id)),
    ...work.printBatches.map((b) => t.blocked.printBatch(b.id)),
  ];
  const when = retentionDays === 0 ? null : formatDateTime(purgeAt, l);
  return (
    <Page ctx={ctx} title={t.closeTitle} backHref={back}>
      <p className="lead">{incident.title}</p>
      {blockers.length > 0 ? (
        <>
          <h2>{t.blockedTitle}</h2>
          <ul>
            {blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
          <p>
            <a href={back}>{t.cancel}</a>
          </p>
        </>
      ) : (
        <>
          <Warning>{t.warning(when)}</Warning>
          <h2>{t.deletedHeading}</h2>
          <ul>
            {t.deleted.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          <h2>{t.keptHeading}</h2>
          <ul>
            {t.kept.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
          <Inset>
            {t.afterClosing.map((a) => (
              <p key={a}>{a}</p>
            ))}
          </Inset>
          <Form action={`/console/incidents/${incident.id}/close`}>
            <Button warning>{t.closeButton}</Button>
          </Form>
          <p>
            <a href={back}>{t.cancel}</a>
          </p>
        </>
      )}
    </Page>
  );
}
