import type { CampaignView } from '../../campaigns/campaigns.service';
import { LetterNeedingPerson, printReference, ReturnCandidate } from '../../postal/postal-letters.service';
import type { PrintBatchView } from '../../postal/print-batches.service';
import { TextArea } from '../hotline/hotline.pages';
import { Button, ErrorSummary, FieldErrors, Form, LiveRegion, SummaryList, Table, Warning } from '../layout/components';
import { formatDateTime, formatNumber, Lang } from '../layout/i18n';
import { Page, PageContext } from '../layout/page';
import { POSTAL } from './texts';

/** What the campaign page shows about printing: letters waiting, the batches, and the e-mails that did not arrive. */
export interface Printing {
  awaiting: { total: number; post: number; email: number };
  batches: PrintBatchView[];
  needsPerson: { letters: LetterNeedingPerson[]; total: number };
}

const STARTED = ['sending', 'paused', 'completed'];
const SHA_SHOWN = 12;
const batchState = (b: PrintBatchView) => (b.postedAt ? 'posted' : b.status);
const STATE_TAG = { building: 'tag-yellow', ready: 'tag-green', posted: 'tag-grey' } as const;
export const fileHref = (batchId: number, name: string) => `/console/print-batches/${batchId}/files/${encodeURIComponent(name)}`;

/** The batches still being made, with their progress: the part of the section that updates by itself. */
export function PrintProgress({ lang, batches }: { lang: Lang; batches: PrintBatchView[] }) {
  const t = POSTAL[lang];
  const building = batches.filter((b) => b.status === 'building');
  return (
    <div data-fragment="" data-final={building.length === 0 ? '' : undefined}>
      {building.map((b) => (
        <div key={b.id}>
          <h3 id={`batch-${b.id}`}>{t.batchHeading(b.id)}</h3>
          <BatchStatus lang={lang} state="building" />
          <p>
            <label className="label" htmlFor={`batch-${b.id}-progress`}>
              {t.progressLabel}
              <span className="visually-hidden"> ({t.batchHeading(b.id)})</span>
            </label>
            <progress className="progress" id={`batch-${b.id}-progress`} max={Math.max(b.progress.files, 1)} value={b.progress.filesDone}>
              {t.progress(formatNumber(b.progress.filesDone, lang), formatNumber(b.progress.files, lang))}
            </progress>
          </p>
          <p>
            {t.progress(formatNumber(b.progress.filesDone, lang), formatNumber(b.progress.files, lang))} · {formatNumber(b.letters, lang)} {t.letters.toLowerCase()}
          </p>
        </div>
      ))}
    </div>
  );
}

function BatchStatus({ lang, state }: { lang: Lang; state: keyof typeof STATE_TAG }) {
  const t = POSTAL[lang];
  return (
    <p>
      {t.status}: <strong className={`tag ${STATE_TAG[state]}`}>{t.states[state]}</strong>
    </p>
  );
}

function ReadyBatch({ lang, batch, isComms }: { lang: Lang; batch: PrintBatchView; isComms: boolean }) {
  const t = POSTAL[lang];
  const n = (x: number) => formatNumber(x, lang);
  const state = batchState(batch);
  return (
    <>
      <h3 id={`batch-${batch.id}`}>{t.batchHeading(batch.id)}</h3>
      <BatchStatus lang={lang} state={state} />
      <SummaryList
        rows={[
          [t.letters, n(batch.letters)],
          [t.created, formatDateTime(batch.createdAt, lang)],
          [t.ready, formatDateTime(batch.readyAt, lang)],
          [t.posted, formatDateTime(batch.postedAt, lang)],
        ]}
      />
      <Table
        caption={t.filesCaption(batch.id)}
        head={t.filesHead}
        numeric={[1, 2]}
        rows={batch.files.map((f) => [
          isComms ? (
            <a href={fileHref(batch.id, f.name)} download="">
              {f.name}
            </a>
          ) : (
            f.name
          ),
          n(f.letters),
          f.name.endsWith('.pdf') ? n(f.pages) : '–',
          <code title={t.sha256Full(f.sha256)}>{f.sha256.slice(0, SHA_SHOWN)}</code>,
        ])}
      />
      {batch.lettersOverOneSheet > 0 && <Warning>{t.overOneSheet(batch.lettersOverOneSheet, n(batch.lettersOverOneSheet))}</Warning>}
      {isComms && <p className="hint">{t.downloadHint}</p>}
      {isComms && !batch.postedAt && (
        <p>
          <a className="button button-secondary" href={`/console/print-batches/${batch.id}/posted`}>
            {t.markPosted}
            <span className="visually-hidden"> ({t.batchHeading(batch.id)})</span>
          </a>
        </p>
      )}
    </>
  );
}

/** The campaign page's "Printed letters" section; its id is the target of the make-batch error. */
export function PrintedLetters({ lang, campaign, printing, isComms }: { lang: Lang; campaign: CampaignView; printing: Printing; isComms: boolean }) {
  const t = POSTAL[lang];
  const n = (x: number) => formatNumber(x, lang);
  const started = STARTED.includes(campaign.status);
  const { awaiting, batches } = printing;
  return (
    <section id="f-printBatch" aria-labelledby="printed-h">
      <h2 id="printed-h">{t.heading}</h2>
      {!started ? (
        <p>{t.notStarted(n(campaign.counts.post))}</p>
      ) : awaiting.total === 0 ? (
        <p>{t.nothingAwaiting}</p>
      ) : (
        <p>{t.awaiting(awaiting.total, n(awaiting.post), n(awaiting.email))}</p>
      )}
      {started && isComms && awaiting.total > 0 && (
        <Form action={`/console/campaigns/${campaign.id}/print-batches`}>
          <p className="hint">{t.makeHint}</p>
          <Button>{t.makeBatch(awaiting.total)}</Button>
        </Form>
      )}
      {batches.length === 0 && started && <p>{t.noBatches}</p>}
      {batches.some((b) => b.status === 'building') && (
        <LiveRegion src={`/console/campaigns/${campaign.id}/print-batches/progress`} lang={lang} reload={`/console/campaigns/${campaign.id}`}>
          <PrintProgress lang={lang} batches={batches} />
        </LiveRegion>
      )}
      {batches
        .filter((b) => b.status === 'ready')
        .map((b) => (
          <ReadyBatch key={b.id} lang={lang} batch={b} isComms={isComms} />
        ))}
    </section>
  );
}

/** The e-mails of "Letters that need a person", one row each: no names, the letter id is what the hotline and print house use. */
export function NeedsPersonList({ lang, list }: { lang: Lang; list: Printing['needsPerson'] }) {
  const t = POSTAL[lang];
  const where = (l: LetterNeedingPerson) => {
    if (l.batchId === null || l.sequence === null) return t.waitsForPrint;
    return (
      <>
        {l.printedAt ? t.printedIn(l.batchId) : t.inBatch(l.batchId)} <span className="nowrap">({t.reference(printReference(l.batchId, l.sequence))})</span>
      </>
    );
  };
  if (list.letters.length === 0) return null;
  return (
    <>
      <Table caption={t.needsPersonCaption} head={t.needsPersonHead} rows={list.letters.map((l) => [l.id, t.outcomes[l.outcome], formatDateTime(l.at, lang), where(l)])} />
      {list.total > list.letters.length && <p>{t.firstShown(formatNumber(list.letters.length, lang), formatNumber(list.total, lang))}</p>}
    </>
  );
}

export function PostedCheckPage({ ctx, batch }: { ctx: PageContext; batch: PrintBatchView }) {
  const t = POSTAL[ctx.lang];
  const n = batch.letters;
  const back = `/console/campaigns/${batch.campaignId}#batch-${batch.id}`;
  return (
    <Page ctx={ctx} title={t.postedTitle(batch.id)} backHref={back}>
      {batch.postedAt ? (
        <p>{t.alreadyPosted(formatDateTime(batch.postedAt, ctx.lang))}</p>
      ) : batch.status !== 'ready' ? (
        <p>{t.stillBuilding}</p>
      ) : (
        <>
          <p>{t.postedIntro(n, batch.campaignId)}</p>
          <Warning>{t.postedWarning(n)}</Warning>
          <Form action={`/console/print-batches/${batch.id}/posted`}>
            <div className="actions">
              <Button warning>{t.postedButton(n)}</Button>
              <a href={back}>{t.cancel}</a>
            </div>
          </Form>
        </>
      )}
    </Page>
  );
}

export function ReturnedPage({ ctx, value, errors, recorded }: { ctx: PageContext; value: string; errors: FieldErrors; recorded?: number }) {
  const t = POSTAL[ctx.lang];
  return (
    <Page ctx={ctx} title={t.returnedTitle} scripts={['/console/assets/console.js']}>
      <ErrorSummary errors={errors} lang={ctx.lang} />
      {recorded !== undefined && Object.keys(errors).length === 0 && (
        <div className="panel panel-success" role="status" tabIndex={-1} data-autofocus="true">
          <p>{t.recorded(recorded)}</p>
        </div>
      )}
      <p>{t.returnedIntro}</p>
      <Form action="/console/postal/returned/check">
        <TextArea lang={ctx.lang} name="references" label={t.referencesLabel} hint={t.referencesHint} error={errors.references} value={value} rows={8} />
        <Button>{t.continue}</Button>
      </Form>
    </Page>
  );
}

export interface ReturnRow {
  text: string;
  letter: ReturnCandidate;
}

export function ReturnedCheckPage({ ctx, value, rows }: { ctx: PageContext; value: string; rows: ReturnRow[] }) {
  const t = POSTAL[ctx.lang];
  const l = ctx.lang;
  const n = rows.length;
  const note = (c: ReturnCandidate) =>
    c.returnedAt ? t.alreadyReturned(formatDateTime(c.returnedAt, l)) : c.postedAt ? t.postedOn(formatDateTime(c.postedAt, l)) : t.notPostedYet(formatDateTime(c.printedAt, l));
  return (
    <Page ctx={ctx} title={t.checkTitle} backHref="/console/postal/returned">
      <p>{t.checkIntro(n)}</p>
      <Table caption={t.checkCaption} head={t.checkHead} rows={rows.map((r) => [r.text, r.letter.letterId, r.letter.campaignId, note(r.letter)])} />
      <Form action="/console/postal/returned">
        <input type="hidden" name="references" value={value} />
        <div className="actions">
          <Button>{t.record(n)}</Button>
          {/* Same form, other action: back to the textarea with what was typed. */}
          <button type="submit" className="button button-secondary" formAction="/console/postal/returned/change">
            {t.change}
          </button>
        </div>
      </Form>
    </Page>
  );
}
