import type { AuditView } from '../../audit/audit.service';
import type { AlertView } from '../../hotline/browsing-alerts.service';
import { Button, ErrorSummary, FieldErrors, Select, SummaryList, Table, TextInput } from '../layout/components';
import { formatDateTime, formatNumber } from '../layout/i18n';
import { Page, PageContext } from '../layout/page';
import { TextArea } from '../hotline/hotline.pages';
import { AuditFilterForm, describeDetail, filterQuery, LookupsTable } from './audit-view';
import { ADMIN } from './texts';

export function AuditPage(p: { ctx: PageContext; form: AuditFilterForm; errors: FieldErrors; events: AuditView[]; page: number; more: boolean; actions: string[]; staff: { id: number; name: string }[] }) {
  const { ctx, form, errors, events, page, more } = p;
  const t = ADMIN[ctx.lang];
  const l = ctx.lang;
  return (
    <Page ctx={ctx} title={t.auditTitle} scripts={['/console/assets/console.js']}>
      <ErrorSummary errors={errors} lang={l} />
      <form method="get" action="/console/admin/audit" className="filters" noValidate>
        <TextInput lang={l} name="action" label={t.action} hint={`${t.actionHint} ${p.actions.slice(0, 12).join(', ')}`} value={form.action} error={errors.action} autoComplete="off" width="short" />
        <Select lang={l} name="staff" label={t.staffMember} value={form.staff} placeholder={t.anyone} error={errors.staff} options={p.staff.map((s) => ({ value: String(s.id), label: s.name }))} />
        <TextInput lang={l} name="from" label={t.from} hint={t.dayHint} value={form.from} error={errors.from} autoComplete="off" width="short" />
        <TextInput lang={l} name="to" label={t.to} hint={t.dayHint} value={form.to} error={errors.to} autoComplete="off" width="short" />
        <Button secondary>{t.filter}</Button>
      </form>
      <p>
        <a href={`/console/admin/audit.csv${filterQuery(form)}`} download>
          {t.csv}
        </a>
      </p>
      {events.length === 0 ? (
        <p>{t.noEvents}</p>
      ) : (
        <Table
          caption={t.auditCaption}
          head={[t.colAt, t.colActor, t.colAction, t.colSubject, t.colDetail]}
          rows={events.map((e) => [formatDateTime(e.at, l), e.actor, e.action, e.subject ?? '–', describeDetail(e.detail, true)])}
        />
      )}
      <nav className="pager" aria-label={t.auditCaption}>
        {page > 1 && <a href={`/console/admin/audit${filterQuery(form, { page: String(page - 1) })}`}>{t.newer}</a>}
        {more && <a href={`/console/admin/audit${filterQuery(form, { page: String(page + 1) })}`}>{t.older}</a>}
      </nav>
    </Page>
  );
}

export function LookupsPage({ ctx, days, table }: { ctx: PageContext; days: number; table: LookupsTable }) {
  const t = ADMIN[ctx.lang];
  const l = ctx.lang;
  return (
    <Page ctx={ctx} title={t.lookupsTitle}>
      <p>{t.lookupsIntro(days)}</p>
      <form method="get" action="/console/admin/lookups" className="filters" noValidate>
        <Select lang={l} name="days" label={t.period} value={String(days)} options={['1', '7', '14', '30'].map((d) => ({ value: d, label: d }))} />
        <Button secondary>{t.show}</Button>
      </form>
      {table.rows.length === 0 ? (
        <p>{t.noLookups}</p>
      ) : (
        <Table
          caption={t.lookupsCaption}
          head={[t.staffMember, ...table.days.map((d) => d.slice(5)), t.colTotal]}
          numeric={table.days.map((_, i) => i + 1).concat(table.days.length + 1)}
          rows={table.rows.map((r) => [r.actor, ...r.perDay.map((n) => formatNumber(n, l)), formatNumber(r.total, l)])}
        />
      )}
    </Page>
  );
}

export function AlertsPage({ ctx, alerts, errors }: { ctx: PageContext; alerts: AlertView[]; errors: FieldErrors }) {
  const t = ADMIN[ctx.lang];
  const l = ctx.lang;
  const open = alerts.filter((a) => a.status === 'open');
  const resolved = alerts.filter((a) => a.status === 'resolved');
  return (
    <Page ctx={ctx} title={t.alertsTitle} scripts={['/console/assets/console.js']}>
      <ErrorSummary errors={errors} lang={l} />
      <p>{t.alertsIntro}</p>
      <h2>{t.openAlerts}</h2>
      {open.length === 0 && <p>{t.noAlerts}</p>}
      {open.map((a) => (
        <section key={a.id} aria-labelledby={`alert-${a.id}`} className="alert-card">
          <h3 id={`alert-${a.id}`}>{t.alertHeading(a.id, a.staff.name)}</h3>
          <SummaryList rows={[[t.raised, formatDateTime(a.raisedAt, l)], [t.suspends, a.suspends ? t.yes : t.no]]} />
          <ul>
            {a.findings.map((f) => (
              <li key={f.rule}>{f.summary}</li>
            ))}
          </ul>
          <form method="post" action={`/console/admin/alerts/${a.id}/resolve`} noValidate>
            <TextArea lang={l} name={`resolution-${a.id}`} label={t.resolution} hint={t.resolutionHint} error={errors[`resolution-${a.id}`]} rows={3} />
            <Button>{t.resolve}</Button>
          </form>
        </section>
      ))}
      <h2>{t.resolvedAlerts}</h2>
      {resolved.length === 0 ? (
        <p>–</p>
      ) : (
        <Table
          caption={t.resolvedAlerts}
          head={[t.colName, t.raised, t.colDetail, t.resolution]}
          rows={resolved.map((a) => [t.alertHeading(a.id, a.staff.name), formatDateTime(a.raisedAt, l), a.findings.map((f) => f.summary).join(' '), `${t.resolvedBy(a.resolvedBy ?? '–', formatDateTime(a.resolvedAt, l))}${a.resolution ? `: ${a.resolution}` : ''}`])}
        />
      )}
    </Page>
  );
}
