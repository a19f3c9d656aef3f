import { TIERS } from '../../customers/tiers';
import type { ImportSummary } from '../../imports/imports.dto';
import { Button, ErrorSummary, FieldErrors, FileUpload, Form, LiveRegion, Select, SummaryList, Table, Warning } from '../layout/components';
import { TIER_TEXTS } from '../layout/domain-texts';
import { formatNumber } from '../layout/i18n';
import { Page, PageContext } from '../layout/page';
import { IMPORTS } from './texts';

export interface Problem {
  line: string;
  column: string;
  severity: string;
  reason: string;
}

export function UploadPage({ ctx, incident, tier, errors }: { ctx: PageContext; incident: { id: number; title: string }; tier?: string; errors: FieldErrors }) {
  const t = IMPORTS[ctx.lang];
  const l = ctx.lang;
  return (
    <Page ctx={ctx} title={t.uploadTitle} backHref={`/console/incidents/${incident.id}`} scripts={['/console/assets/console.js']}>
      <span className="caption">{incident.title}</span>
      <ErrorSummary errors={errors} lang={l} />
      <p>{t.uploadIntro}</p>
      <Form action={`/console/incidents/${incident.id}/upload`} multipart>
        <Select
          lang={l}
          name="tier"
          label={t.tier}
          hint={t.tierHint}
          value={tier}
          error={errors.tier}
          placeholder={t.chooseTier}
          options={TIERS.map((x) => ({ value: x, label: `${TIER_TEXTS[l][x].label} – ${TIER_TEXTS[l][x].hint}` }))}
        />
        <FileUpload lang={l} name="file" label={t.file} hint={t.fileHint} accept=".csv,.txt,text/csv" error={errors.file} />
        <Button>{t.check}</Button>
      </Form>
    </Page>
  );
}

/** The part of an import's page that updates by itself while the file is processed. */
export function ImportProgress({ ctx, summary }: { ctx: PageContext; summary: ImportSummary }) {
  const t = IMPORTS[ctx.lang];
  const final = summary.status === 'completed' || summary.status === 'failed';
  return (
    <div data-fragment="" data-final={final ? '' : undefined}>
      <label className="label" htmlFor="import-progress">
        {t.progress}
      </label>
      <progress className="progress" id="import-progress" max={100} value={summary.progress}>
        {summary.progress}%
      </progress>
      <p>{summary.progress}%</p>
    </div>
  );
}

export function ImportRunningPage({ ctx, summary }: { ctx: PageContext; summary: ImportSummary }) {
  const t = IMPORTS[ctx.lang];
  return (
    <Page ctx={ctx} title={summary.dryRun ? t.checkingTitle : t.importingTitle} scripts={['/console/assets/console.js']}>
      <p>{summary.dryRun ? t.checkingBody : t.importingBody}</p>
      <LiveRegion src={`/console/imports/${summary.id}/status`} lang={ctx.lang}>
        <ImportProgress ctx={ctx} summary={summary} />
      </LiveRegion>
    </Page>
  );
}

function counts(ctx: PageContext, s: ImportSummary): [string, string][] {
  const t = IMPORTS[ctx.lang];
  const n = (x: number) => formatNumber(x, ctx.lang);
  return [
    [t.tierLabel, TIER_TEXTS[ctx.lang][s.tier].label],
    [t.rowsRead, n(s.rowsRead)],
    [t.rowsRejected, n(s.rowsRejected)],
    [t.warnings, n(s.warnings)],
    [t.encoding, s.encoding ? encodingName(s.encoding) : '–'],
    [t.delimiter, s.delimiter ? (t.delimiters[s.delimiter] ?? s.delimiter) : '–'],
    [t.toImport, `${n(customersOf(s))} (${n(s.customersCreated)} ${t.newCustomers}, ${n(s.customersUpdated)} ${t.updatedCustomers}, ${n(s.customersUnchanged)} ${t.unchangedCustomers})`],
  ];
}

/** As people know the names: UTF-8, Windows-1252. */
export const encodingName = (e: string) => e.replace(/^utf/i, 'UTF').replace(/^windows/i, 'Windows');

export const customersOf = (s: ImportSummary) => s.customersCreated + s.customersUpdated + s.customersUnchanged;

export function CheckPage({ ctx, summary, problems, canImport }: { ctx: PageContext; summary: ImportSummary; problems: Problem[]; canImport: boolean }) {
  const t = IMPORTS[ctx.lang];
  const l = ctx.lang;
  const n = customersOf(summary);
  const totalProblems = summary.rowsRejected + summary.warnings;
  return (
    <Page ctx={ctx} title={t.checkTitle} backHref={`/console/incidents/${summary.incidentId}`}>
      <p>{t.checkIntro}</p>
      <SummaryList rows={counts(ctx, summary)} />
      {problems.length === 0 ? (
        <p>{t.noProblems}</p>
      ) : (
        <>
          <Table
            caption={t.problemsCaption}
            // The reason first after the line: on a phone the last columns are scrolled to.
            head={[t.colLine, t.colReason, t.colColumn, t.colSeverity]}
            numeric={[0]}
            rows={problems.map((p) => [p.line, p.reason, p.column, t.severities[p.severity] ?? p.severity])}
          />
          {problems.length < totalProblems && <p>{t.moreProblems(formatNumber(problems.length, l), formatNumber(totalProblems, l))}</p>}
          <p>
            <a href={`/console/imports/${summary.id}/rejects.csv`} download="">
              {t.rejectsLink}
            </a>
          </p>
        </>
      )}
      {summary.rowsRejected > 0 && n > 0 && <Warning>{t.rejectedWarning(formatNumber(summary.rowsRejected, l))}</Warning>}
      {n === 0 ? (
        <p>{t.nothingToImport}</p>
      ) : canImport ? (
        <Form action={`/console/imports/${summary.id}/import`}>
          <Button>{t.importButton(formatNumber(n, l))}</Button>
        </Form>
      ) : (
        <p>{t.stagedGone}</p>
      )}
      <p>
        <a href={`/console/incidents/${summary.incidentId}/upload`}>{t.uploadAgain}</a>
      </p>
    </Page>
  );
}

export function ImportFailedPage({ ctx, summary }: { ctx: PageContext; summary: ImportSummary }) {
  const t = IMPORTS[ctx.lang];
  return (
    <Page ctx={ctx} title={t.failedTitle} backHref={`/console/incidents/${summary.incidentId}`}>
      <p>{summary.message}</p>
      <p>
        <a href={`/console/incidents/${summary.incidentId}/upload`}>{t.uploadAgain}</a>
      </p>
    </Page>
  );
}

export function ImportDonePage({ ctx, summary }: { ctx: PageContext; summary: ImportSummary }) {
  const t = IMPORTS[ctx.lang];
  return (
    <Page ctx={ctx} title={t.doneTitle}>
      <div className="panel">
        <h2>{t.donePanel(formatNumber(customersOf(summary), ctx.lang))}</h2>
      </div>
      <SummaryList rows={counts(ctx, summary)} />
      <p>
        <a className="button" href={`/console/incidents/${summary.incidentId}`}>
          {t.backToIncident}
        </a>
      </p>
    </Page>
  );
}
