import type { ReactNode } from 'react';
import { CONTACT_OUTCOMES } from '../../hotline/contact.entity';
import type { HotlineCustomer, LetterTimeline } from '../../hotline/customer-view';
import { Button, describedBy, ErrorSummary, FieldErrors, FieldFrame, fieldId, Form, Inset, Select, SummaryList, TextInput, Warning } from '../layout/components';
import { TIER_TEXTS } from '../layout/domain-texts';
import { formatDateTime, Lang } from '../layout/i18n';
import { Page, PageContext } from '../layout/page';
import type { LookupForm } from './lookup-form';
import { HOTLINE } from './texts';

export type IncidentOption = { id: number; title: string };

/** What the page says above the form after a lookup that found no one person. */
export type LookupNotice = { kind: 'miss' } | { kind: 'saved' } | { kind: 'suspended' | 'refused'; message: string };

/** A multi-line text field in the style of the shared components (which have none yet). */
export function TextArea(props: { name: string; label: string; hint?: string; error?: string; value?: string; lang: Lang; rows?: number }) {
  const { name, hint, error, value, rows = 4 } = props;
  return (
    <FieldFrame {...props}>
      <textarea className="input textarea" id={fieldId(name)} name={name} rows={rows} defaultValue={value} aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? true : undefined} />
    </FieldFrame>
  );
}

function Notice({ notice, lang }: { notice: LookupNotice; lang: Lang }) {
  const t = HOTLINE[lang];
  if (notice.kind === 'saved') {
    return (
      <div className="panel panel-success" role="status" tabIndex={-1} data-autofocus="true">
        <p>{t.saved}</p>
      </div>
    );
  }
  if (notice.kind === 'miss') {
    return (
      <div className="panel panel-notice" role="status" aria-labelledby="notice-title" tabIndex={-1} data-autofocus="true">
        <h2 id="notice-title">{t.missTitle}</h2>
        <p>{t.missBody}</p>
        <ul>
          {t.missAsk.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="panel panel-notice" role="alert" aria-labelledby="notice-title" tabIndex={-1} data-autofocus="true">
      <h2 id="notice-title">{notice.kind === 'suspended' ? t.suspendedTitle : t.missTitle}</h2>
      <Warning>{notice.message}</Warning>
    </div>
  );
}

export function LookupPage({ ctx, incidents, form, errors, notice }: { ctx: PageContext; incidents: IncidentOption[]; form?: Partial<LookupForm>; errors: FieldErrors; notice?: LookupNotice }) {
  const t = HOTLINE[ctx.lang];
  const l = ctx.lang;
  return (
    <Page ctx={ctx} title={t.title} scripts={['/console/assets/console.js']}>
      <ErrorSummary errors={errors} lang={l} />
      {notice && Object.keys(errors).length === 0 && <Notice notice={notice} lang={l} />}
      {incidents.length === 0 ? (
        <p>{t.noIncidents}</p>
      ) : (
        <>
          <p className="lead">{t.intro}</p>
          <Form action="/console/hotline">
            <Select lang={l} name="incidentId" label={t.incident} value={form?.incidentId ?? String(incidents[0].id)} error={errors.incidentId} options={incidents.map((i) => ({ value: String(i.id), label: i.title }))} />
            <TextInput lang={l} name="reason" label={t.reason} hint={t.reasonHint} value={form?.reason} error={errors.reason} autoComplete="off" />
            <fieldset className="fieldset">
              <legend className="legend">{t.byNumber}</legend>
              <TextInput lang={l} name="customerNumber" label={t.customerNumber} hint={t.customerNumberHint} value={form?.customerNumber} error={errors.customerNumber} autoComplete="off" width="short" />
            </fieldset>
            <fieldset className="fieldset">
              <legend className="legend">{t.byAddress}</legend>
              <TextInput lang={l} name="postcode" label={t.postcode} value={form?.postcode} error={errors.postcode} autoComplete="off" width="short" />
              <TextInput lang={l} name="houseNumber" label={t.houseNumber} value={form?.houseNumber} error={errors.houseNumber} autoComplete="off" inputMode="numeric" width="short" />
              <TextInput lang={l} name="houseNumberSuffix" label={t.addition} value={form?.houseNumberSuffix} error={errors.houseNumberSuffix} autoComplete="off" width="short" />
              <TextInput lang={l} name="birthDate" label={t.birthDate} hint={t.birthDateHint} value={form?.birthDate} error={errors.birthDate} autoComplete="off" width="short" />
            </fieldset>
            <Button>{t.lookUp}</Button>
          </Form>
        </>
      )}
    </Page>
  );
}

function letterSteps(letter: LetterTimeline, lang: Lang): ReactNode {
  const t = HOTLINE[lang].steps;
  const steps: [string, string | null][] = [
    [t.sent, letter.sentAt],
    [t.delivered, letter.deliveredAt],
    [t.bounced, letter.bouncedAt],
    [t.clicked, letter.clickedAt],
    [t.acknowledged, letter.acknowledgedAt],
    [t.printed, letter.printedAt],
    [t.posted, letter.postedAt],
    [t.returned, letter.returnedAt],
  ];
  const done = steps.filter(([, at]) => at !== null);
  if (done.length === 0) return t.notYet;
  return (
    <ol className="timeline">
      {done.map(([label, at]) => (
        <li key={label}>
          {label}: {formatDateTime(at, lang)}
        </li>
      ))}
    </ol>
  );
}

export interface ContactFormState {
  incidentId: string;
  customerNumber: string;
  outcome?: string;
  notes?: string;
}

/** `Log this call`: right below the result, or on its own when what was typed needs fixing. */
export function LogCallForm({ lang, state, errors }: { lang: Lang; state: ContactFormState; errors: FieldErrors }) {
  const t = HOTLINE[lang];
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">{t.logHeading}</h2>
      <Form action="/console/hotline/contacts">
        <input type="hidden" name="incidentId" value={state.incidentId} />
        <input type="hidden" name="customerNumber" value={state.customerNumber} />
        <Select lang={lang} name="outcome" label={t.outcome} value={state.outcome ?? 'informed'} error={errors.outcome} options={CONTACT_OUTCOMES.map((o) => ({ value: o, label: t.outcomes[o] }))} />
        <TextArea lang={lang} name="notes" label={t.notes} hint={t.notesHint} value={state.notes} error={errors.notes} />
        <Button>{t.save}</Button>
      </Form>
    </section>
  );
}

export function ResultPage({ ctx, customer, incidentId }: { ctx: PageContext; customer: HotlineCustomer; incidentId: number }) {
  const t = HOTLINE[ctx.lang];
  const l = ctx.lang;
  const a = customer.address;
  const address = [a.postcode, [a.houseNumber, a.houseNumberSuffix].filter(Boolean).join('-'), a.city].filter(Boolean).join(' ');
  return (
    <Page ctx={ctx} title={t.title} scripts={['/console/assets/console.js']}>
      <section aria-labelledby="result-heading" className="result">
        <h2 id="result-heading" tabIndex={-1} data-autofocus="true">
          {t.resultHeading(customer.name)}
        </h2>
        <Inset>
          <p>
            <strong>{TIER_TEXTS[l][customer.tier].label}:</strong> {t.tierPlain[customer.tier]}
          </p>
        </Inset>
        <SummaryList
          rows={[
            [t.exposedHeading, customer.exposed.map((c) => t.categories[c]).join(', ')],
            [t.email, customer.emailMasked ?? t.noneKnown],
            [t.phone, customer.phoneMasked ?? t.noneKnown],
            [t.address, address || t.noneKnown],
          ]}
        />
        <h3>{t.tipsHeading}</h3>
        {customer.tips.length === 0 ? (
          <p>{t.noTips}</p>
        ) : (
          <>
            <p className="hint">{t.tipsIntro}</p>
            <ol className="tips">
              {customer.tips.map((tip) => (
                <li key={tip}>{tip}</li>
              ))}
            </ol>
          </>
        )}
        <h3>{t.lettersHeading}</h3>
        {customer.letters.length === 0 ? (
          <p>{t.noLetters}</p>
        ) : (
          <ul className="letters">
            {customer.letters.map((letter, i) => (
              <li key={i}>
                <strong>{t.letterLine(letter.campaignId, t.channels[letter.channel] ?? letter.channel)}</strong>
                {letterSteps(letter, l)}
              </li>
            ))}
          </ul>
        )}
        <h3>{t.contactsHeading}</h3>
        {customer.contacts.length === 0 ? (
          <p>{t.noContacts}</p>
        ) : (
          <ul className="contacts">
            {customer.contacts.map((c, i) => (
              <li key={i}>
                {formatDateTime(c.at, l)} · {c.staff} · {t.outcomes[c.outcome]}
                {c.notes ? ` · ${c.notes}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <LogCallForm lang={l} state={{ incidentId: String(incidentId), customerNumber: customer.customerNumber }} errors={{}} />
      <p>
        <a href="/console/hotline">{t.newCaller}</a>
      </p>
    </Page>
  );
}

export function LogCallPage({ ctx, state, errors }: { ctx: PageContext; state: ContactFormState; errors: FieldErrors }) {
  return (
    <Page ctx={ctx} title={HOTLINE[ctx.lang].title} scripts={['/console/assets/console.js']} backHref="/console/hotline">
      <ErrorSummary errors={errors} lang={ctx.lang} />
      <LogCallForm lang={ctx.lang} state={state} errors={errors} />
    </Page>
  );
}
