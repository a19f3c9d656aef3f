import { TIERS } from '../../customers/tiers';
import type { IncidentListItem, IncidentView } from '../../incidents/incidents.service';
import { Button, ErrorSummary, FieldErrors, Form, SummaryList, Table, TextInput } from '../layout/components';
import { CAMPAIGN_STATUS_TEXTS, STATUS_TAG, TIER_TEXTS } from '../layout/domain-texts';
import { formatDateTime, formatNumber } from '../layout/i18n';
import { Page, PageContext } from '../layout/page';
import type { IncidentForm } from './incident-form';
import { RetentionSection } from './retention.pages';
import { RETENTION } from './retention-texts';
import { INCIDENTS } from './texts';

type ListItem = Pick<IncidentListItem, 'id' | 'title' | 'company' | 'discoveredAt' | 'status'>;

export function IncidentsListPage({ ctx, incidents, canCreate }: { ctx: PageContext; incidents: ListItem[]; canCreate: boolean }) {
  const t = INCIDENTS[ctx.lang];
  return (
    <Page ctx={ctx} title={t.listTitle}>
      {canCreate && (
        <p>
          <a className="button" href="/console/incidents/new">
            {t.newIncident}
          </a>
        </p>
      )}
      {incidents.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <Table
          caption={t.tableCaption}
          head={[t.colTitle, t.colCompany, t.colDiscovered, RETENTION[ctx.lang].colStatus]}
          rows={incidents.map((i) => [<a href={`/console/incidents/${i.id}`}>{i.title}</a>, i.company, formatDateTime(i.discoveredAt, ctx.lang), RETENTION[ctx.lang].statuses[i.status]])}
        />
      )}
    </Page>
  );
}

export function NewIncidentPage({ ctx, form, errors }: { ctx: PageContext; form?: IncidentForm; errors: FieldErrors }) {
  const t = INCIDENTS[ctx.lang];
  const l = ctx.lang;
  return (
    <Page ctx={ctx} title={t.newTitle} backHref="/console/incidents" scripts={['/console/assets/console.js']}>
      <ErrorSummary errors={errors} lang={l} />
      <Form action="/console/incidents">
        <TextInput lang={l} name="title" label={t.title} hint={t.titleHint} value={form?.title} error={errors.title} />
        <TextInput lang={l} name="company" label={t.company} hint={t.companyHint} value={form?.company} error={errors.company} autoComplete="organization" />
        <TextInput lang={l} name="hotlinePhone" type="tel" label={t.hotlinePhone} hint={t.hotlineHint} value={form?.hotlinePhone} error={errors.hotlinePhone} width="short" />
        <TextInput lang={l} name="hotlineEmail" type="email" label={t.hotlineEmail} value={form?.hotlineEmail} error={errors.hotlineEmail} />
        <TextInput lang={l} name="discoveredAt" label={t.discoveredAt} hint={t.discoveredAtHint} value={form?.discoveredAt} error={errors.discoveredAt} />
        <Button>{t.create}</Button>
      </Form>
    </Page>
  );
}

export function IncidentPage({
  ctx,
  incident,
  campaigns,
  isComms,
  isAdmin,
}: {
  ctx: PageContext;
  incident: IncidentView;
  campaigns: { id: number; status: string; tiers: string[]; createdAt: string }[];
  isComms: boolean;
  isAdmin: boolean;
}) {
  const t = INCIDENTS[ctx.lang];
  const l = ctx.lang;
  const base = `/console/incidents/${incident.id}`;
  return (
    <Page ctx={ctx} title={incident.title} backHref="/console/incidents">
      <h2>{t.customersHeading}</h2>
      <Table
        caption={t.countsCaption}
        head={[t.colTier, t.colCustomers]}
        numeric={[1]}
        rows={[...TIERS.map((tier) => [TIER_TEXTS[l][tier].label, formatNumber(incident.customers[tier], l)]), [<strong>{t.total}</strong>, <strong>{formatNumber(incident.customers.total, l)}</strong>]]}
      />
      {isComms && incident.status !== 'purged' && (
        <>
          <h2>{t.whatNext}</h2>
          <ul className="cards">
            {/* A closed incident takes no new customers or campaigns; its letters can be previewed until the purge. */}
            {incident.status === 'open' && (
              <li>
                <a href={`${base}/upload`}>{t.upload}</a>
              </li>
            )}
            <li>
              <a href={`${base}/preview`}>{t.preview}</a>
            </li>
            {incident.status === 'open' && (
              <li>
                <a href={`${base}/campaigns/new`}>{t.newCampaign}</a>
              </li>
            )}
          </ul>
        </>
      )}
      <h2>{t.campaignsHeading}</h2>
      {campaigns.length === 0 ? (
        <p>{t.noCampaigns}</p>
      ) : (
        <ul className="cards">
          {campaigns.map((c) => (
            <li key={c.id}>
              <a href={`/console/campaigns/${c.id}`}>{t.campaignLink(c.id)}</a> <span className={`tag ${STATUS_TAG[c.status] ?? ''}`}>{CAMPAIGN_STATUS_TEXTS[l][c.status] ?? c.status}</span>{' '}
              {c.tiers.map((tier) => TIER_TEXTS[l][tier as keyof (typeof TIER_TEXTS)['en']]?.label ?? tier).join(', ')}
            </li>
          ))}
        </ul>
      )}
      <h2>{t.facts}</h2>
      <SummaryList
        rows={[
          [t.company, incident.company],
          [t.hotline, `${incident.hotlinePhone} · ${incident.hotlineEmail}`],
          [t.discoveredAt, formatDateTime(incident.discoveredAt, l)],
          [t.created, formatDateTime(incident.createdAt, l)],
        ]}
      />
      <RetentionSection ctx={ctx} incident={incident} isAdmin={isAdmin} />
    </Page>
  );
}
