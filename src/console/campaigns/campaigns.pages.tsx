import type { TripwireReport } from '../../campaigns/campaign-tripwire.service';
import type { CampaignCounts, CampaignView } from '../../campaigns/campaigns.service';
import { isAutomaticPause } from '../../campaigns/send-policy';
import { Tier, TIERS } from '../../customers/tiers';
import { Button, Checkboxes, ErrorSummary, FieldErrors, Form, LiveRegion, SummaryList, Table, Warning } from '../layout/components';
import { CAMPAIGN_STATUS_TEXTS, STATUS_TAG, TIER_TEXTS } from '../layout/domain-texts';
import { formatDateTime, formatNumber, Lang } from '../layout/i18n';
import { Page, PageContext } from '../layout/page';
import { SampleLinks } from '../letters/letters.pages';
import { NeedsPersonList, PrintedLetters, Printing } from '../postal/postal.pages';
import { CAMPAIGNS } from './texts';

export function NewCampaignPage({ ctx, incident, counts, checked, errors }: { ctx: PageContext; incident: { id: number; title: string }; counts: Record<Tier, { total: number; email: number }>; checked: string[]; errors: FieldErrors }) {
  const t = CAMPAIGNS[ctx.lang];
  const l = ctx.lang;
  const n = (x: number) => formatNumber(x, l);
  return (
    <Page ctx={ctx} title={t.newTitle} backHref={`/console/incidents/${incident.id}`} scripts={['/console/assets/console.js']}>
      <span className="caption">{incident.title}</span>
      <ErrorSummary errors={errors} lang={l} />
      <p>{t.newIntro}</p>
      <Form action={`/console/incidents/${incident.id}/campaigns`}>
        <Checkboxes
          lang={l}
          name="tiers"
          legend={t.tiers}
          hint={t.tiersHint}
          error={errors.tiers}
          checked={checked}
          items={TIERS.map((tier) => ({ value: tier, label: TIER_TEXTS[l][tier].label, hint: t.tierCounts(n(counts[tier].total), n(counts[tier].email), n(counts[tier].total - counts[tier].email)) }))}
        />
        <Button>{t.create}</Button>
      </Form>
    </Page>
  );
}

// A post letter stays `pending` (it is never e-mailed): the postal rows say what became of it.
const LETTER_STATES: (keyof CampaignCounts)[] = ['pending', 'queued', 'sending', 'sent', 'retrying', 'failed', 'unknown', 'delivered', 'bounced', 'printed', 'posted', 'returned', 'clicked', 'acknowledged'];

/** Status and counts: the part of the campaign page that updates by itself while it sends. */
export function CampaignStatus({ lang, campaign }: { lang: Lang; campaign: CampaignView }) {
  const t = CAMPAIGNS[lang];
  const c = campaign.counts;
  return (
    <div data-fragment="" data-final={campaign.status === 'sending' ? undefined : ''}>
      <p>
        {t.status}: <strong className={`tag ${STATUS_TAG[campaign.status] ?? ''}`}>{CAMPAIGN_STATUS_TEXTS[lang][campaign.status] ?? campaign.status}</strong>
      </p>
      {campaign.status === 'paused' && campaign.resumeAt && <p>{t.resumesAt(formatDateTime(campaign.resumeAt, lang))}</p>}
      {campaign.status === 'paused' && !campaign.resumeAt && isAutomaticPause(campaign.pausedReason) && <p>{t.waitsForPerson}</p>}
      {campaign.status === 'paused' && campaign.pausedReason && <p>{t.pausedReason(campaign.pausedReason)}</p>}
      {campaign.status === 'completed' && <p>{t.completed}</p>}
      <Table
        caption={t.countsCaption}
        head={[t.letters, '#']}
        numeric={[1]}
        rows={[
          [t.states.total, `${formatNumber(c.total, lang)} (${formatNumber(c.email, lang)} ${t.byEmail}, ${formatNumber(c.post, lang)} ${t.byPost})`],
          ...LETTER_STATES.map((s) => [t.states[s], formatNumber(c[s], lang)]),
        ]}
      />
    </div>
  );
}

export interface CampaignPageProps {
  ctx: PageContext;
  campaign: CampaignView;
  incident: { id: number; title: string };
  templateVersion: string;
  approverName: string | null;
  viewer: { id: number; role: string };
  errors: FieldErrors;
  /** What the campaign tripwire found about this campaign (usually nothing). */
  tripwire?: TripwireReport;
  /** Printed letters: waiting, batches, and the e-mails that did not arrive. */
  printing: Printing;
}

/** The tripwire's findings for one campaign, as sentences for the campaign page. */
export function tripwireWarnings(report: TripwireReport | undefined, campaignId: number, lang: Lang): string[] {
  if (!report) return [];
  const t = CAMPAIGNS[lang].tripwire;
  const out: string[] = [];
  if (report.completedWithOpenLetters.includes(campaignId)) out.push(t.completedWithOpenLetters);
  if (report.startedWithPendingLetters.includes(campaignId)) out.push(t.startedWithPendingLetters);
  const stalled = report.stalled.find((s) => s.campaignId === campaignId);
  if (stalled) out.push(t.stalled(formatNumber(stalled.dueLetters, lang), formatDateTime(stalled.lastMovedAt, lang)));
  return out;
}

export function CampaignPage({ ctx, campaign, incident, templateVersion, approverName, viewer, errors, tripwire, printing }: CampaignPageProps) {
  const t = CAMPAIGNS[ctx.lang];
  const l = ctx.lang;
  const c = campaign.counts;
  const n = (x: number) => formatNumber(x, l);
  const isComms = viewer.role === 'comms';
  const action = (verb: string) => `/console/campaigns/${campaign.id}/${verb}`;
  const awaitingApproval = campaign.status === 'draft';
  return (
    <Page ctx={ctx} title={t.title(campaign.id)} backHref={`/console/incidents/${incident.id}`} scripts={['/console/assets/console.js']}>
      <span className="caption">{incident.title}</span>
      {tripwireWarnings(tripwire, campaign.id, l).map((w) => (
        <Warning key={w}>{w}</Warning>
      ))}
      <ErrorSummary errors={errors} lang={l} />
      <LiveRegion src={`/console/campaigns/${campaign.id}/status`} lang={l} reload={`/console/campaigns/${campaign.id}`}>
        <CampaignStatus lang={l} campaign={campaign} />
      </LiveRegion>

      {(awaitingApproval || campaign.status === 'approved') && (
        <>
          <h2>{t.approvalHeading}</h2>
          <p>{t.approvalIntro}</p>
          <SummaryList
            rows={[
              [t.tierList, campaign.tiers.map((x) => TIER_TEXTS[l][x].label).join(', ')],
              [t.recipients, `${n(c.total)} (${n(c.email)} ${t.byEmail}, ${n(c.post)} ${t.byPost})`],
              [t.templateVersion, campaign.templateVersion ?? templateVersion],
              [t.samples, <SampleLinks ctx={ctx} incidentId={incident.id} tiers={campaign.tiers} />],
            ]}
          />
        </>
      )}
      {approverName && campaign.approvedAt && <p>{t.approvedBy(approverName, formatDateTime(campaign.approvedAt, l))}</p>}

      {isComms && (campaign.status !== 'completed' || errors.actions) && (
        <section id="f-actions" aria-labelledby="actions-h">
          <h2 id="actions-h">{t.actionsHeading}</h2>
          {awaitingApproval &&
            (viewer.id === campaign.createdBy ? (
              <p>{t.creatorCannotApprove}</p>
            ) : (
              <Form action={action('approve')}>
                <Button>{t.approve}</Button>
              </Form>
            ))}
          {campaign.status === 'approved' && (
            <Form action={action('start')}>
              <p className="hint">{t.startHint(n(c.email), n(c.post))}</p>
              <Button>{c.email > 0 ? t.start(n(c.email)) : t.startPostOnly(n(c.post))}</Button>
            </Form>
          )}
          {campaign.status === 'sending' && (
            <Form action={action('pause')}>
              <Button warning>{t.pause}</Button>
            </Form>
          )}
          {campaign.status === 'paused' && (
            <Form action={action('resume')}>
              <Button>{t.resume}</Button>
            </Form>
          )}
        </section>
      )}

      <h2>{t.needsPersonHeading}</h2>
      {c.failed + c.unknown + c.bounced === 0 ? (
        <p>{t.nothingNeedsPerson}</p>
      ) : (
        <ul>
          {c.failed > 0 && <li>{t.failedHelp(n(c.failed))}</li>}
          {c.unknown > 0 && <li>{t.unknownHelp(n(c.unknown))}</li>}
          {c.bounced > 0 && <li>{t.bouncedHelp(n(c.bounced))}</li>}
        </ul>
      )}
      <NeedsPersonList lang={l} list={printing.needsPerson} />

      <PrintedLetters lang={l} campaign={campaign} printing={printing} isComms={isComms} />

      {isComms && (
        <>
          <h2>{t.postalHeading}</h2>
          <p>{t.postalIntro}</p>
          <p>
            <a href={action('postal.csv')} download="">
              {t.postalLink}
            </a>
          </p>
        </>
      )}
    </Page>
  );
}
