import { Button, ErrorSummary, FieldErrors, Form, Inset, TextInput } from '../layout/components';
import { Page, PageContext } from '../layout/page';
import { SIGN_IN } from './texts';

export function SignInPage({ ctx, email, errors, notice }: { ctx: PageContext; email?: string; errors: FieldErrors; notice?: string }) {
  const t = SIGN_IN[ctx.lang];
  return (
    <Page ctx={ctx} title={t.title} scripts={['/console/assets/console.js']}>
      <ErrorSummary errors={errors} lang={ctx.lang} />
      {notice && <Inset>{notice}</Inset>}
      <Form action="/console/sign-in">
        <TextInput lang={ctx.lang} name="email" type="email" label={t.email} value={email} autoComplete="username" error={errors.email} />
        <TextInput lang={ctx.lang} name="password" type="password" label={t.password} autoComplete="current-password" />
        <Button>{t.signIn}</Button>
      </Form>
    </Page>
  );
}

export function CodePage({ ctx, errors }: { ctx: PageContext; errors: FieldErrors }) {
  const t = SIGN_IN[ctx.lang];
  return (
    <Page ctx={ctx} title={t.codeTitle} scripts={['/console/assets/console.js']}>
      <ErrorSummary errors={errors} lang={ctx.lang} />
      <Form action="/console/sign-in/code">
        <TextInput lang={ctx.lang} name="code" label={t.code} hint={t.codeHint} autoComplete="one-time-code" inputMode="numeric" width="short" error={errors.code} />
        <Button>{t.continue}</Button>
      </Form>
    </Page>
  );
}

export function SetupPage({ ctx, token, name, secret, qrDataUrl, errors }: { ctx: PageContext; token: string; name: string; secret: string; qrDataUrl: string; errors: FieldErrors }) {
  const t = SIGN_IN[ctx.lang];
  return (
    <Page ctx={ctx} title={t.setupTitle} scripts={['/console/assets/console.js']}>
      <ErrorSummary errors={errors} lang={ctx.lang} />
      <p className="lead">{t.setupIntro(name)}</p>
      <Form action={`/console/setup/${token}`}>
        <TextInput lang={ctx.lang} name="password" type="password" label={t.password} hint={t.passwordHint} autoComplete="new-password" error={errors.password} />
        <h2>{t.appHeading}</h2>
        <ol>
          {t.appSteps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        <img className="qr" src={qrDataUrl} alt={t.qrAlt} width={200} height={200} />
        <div className="field">
          <label className="label" htmlFor="setup-key">
            {t.setupKey}
          </label>
          <div className="hint" id="setup-key-hint">
            {t.setupKeyHint}
          </div>
          <input className="input setup-key" id="setup-key" type="text" readOnly value={secret} aria-describedby="setup-key-hint" spellCheck={false} />
        </div>
        <TextInput lang={ctx.lang} name="code" label={t.code} hint={t.setupCodeHint} autoComplete="one-time-code" inputMode="numeric" width="short" error={errors.code} />
        <Button>{t.continue}</Button>
      </Form>
    </Page>
  );
}

export function SetupInvalidPage({ ctx }: { ctx: PageContext }) {
  const t = SIGN_IN[ctx.lang];
  return (
    <Page ctx={ctx} title={t.setupInvalidTitle}>
      <p>{t.setupInvalid}</p>
    </Page>
  );
}
