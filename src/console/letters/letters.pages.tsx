import { TIERS } from '../../customers/tiers';
import { Button, ErrorSummary, FieldErrors, Form, Inset, TextInput } from '../layout/components';
import { TIER_TEXTS } from '../layout/domain-texts';
import { LANGS } from '../layout/i18n';
import { Page, PageContext } from '../layout/page';
import { LETTERS } from './texts';

export function SampleLinks({ ctx, incidentId, tiers = [...TIERS] }: { ctx: PageContext; incidentId: number; tiers?: string[] }) {
  const t = LETTERS[ctx.lang];
  return (
    <ul>
      {TIERS.filter((x) => tiers.includes(x)).flatMap((tier) =>
        LANGS.map((lang) => (
          <li key={`${tier}-${lang}`}>
            <a href={`/console/incidents/${incidentId}/samples/${tier}/${lang}`}>{t.sampleLink(TIER_TEXTS[ctx.lang][tier].label, t.languages[lang])}</a>
          </li>
        )),
      )}
    </ul>
  );
}

export function PreviewFormPage({ ctx, incident, customerNumber, errors }: { ctx: PageContext; incident: { id: number; title: string }; customerNumber?: string; errors: FieldErrors }) {
  const t = LETTERS[ctx.lang];
  return (
    <Page ctx={ctx} title={t.title} backHref={`/console/incidents/${incident.id}`} scripts={['/console/assets/console.js']}>
      <span className="caption">{incident.title}</span>
      <ErrorSummary errors={errors} lang={ctx.lang} />
      <p>{t.intro}</p>
      {/* POST: a customer number identifies a person and must not end up in a URL. */}
      <Form action={`/console/incidents/${incident.id}/preview`}>
        <TextInput lang={ctx.lang} name="customerNumber" label={t.customerNumber} hint={t.customerNumberHint} value={customerNumber} error={errors.customerNumber} autoComplete="off" />
        <Button>{t.show}</Button>
      </Form>
      <h2>{t.samplesHeading}</h2>
      <p>{t.samplesIntro}</p>
      <SampleLinks ctx={ctx} incidentId={incident.id} />
    </Page>
  );
}

export function LetterFramePage({ ctx, incidentId, title, intro, frameSrc }: { ctx: PageContext; incidentId: number; title: string; intro: string; frameSrc: string }) {
  const t = LETTERS[ctx.lang];
  return (
    <Page ctx={ctx} title={title} backHref={`/console/incidents/${incidentId}/preview`}>
      <Inset>{intro}</Inset>
      {/* sandbox without allow-same-origin or scripts: the letter cannot run code or reach the console. */}
      <iframe className="frame" src={frameSrc} title={t.frameTitle} sandbox="" />
      <p>
        <a href={`/console/incidents/${incidentId}/preview`}>{t.another}</a>
      </p>
    </Page>
  );
}
