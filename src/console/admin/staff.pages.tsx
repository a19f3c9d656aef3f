import { ROLES } from '../../staff/roles';
import { Button, ErrorSummary, FieldErrors, Form, Inset, Select, SummaryList, Table, TextInput, Warning } from '../layout/components';
import { formatDateTime, Lang } from '../layout/i18n';
import { Page, PageContext } from '../layout/page';
import { ADMIN } from './texts';

export interface StaffRow {
  id: number;
  name: string;
  role: string;
  email: string | null;
  disabledAt: Date | null;
  signInEnabledAt: Date | null;
  lastSignIn: Date | null;
}

function statusOf(m: StaffRow, lang: Lang): string {
  const s = ADMIN[lang].status;
  if (m.disabledAt) return s.disabled;
  if (!m.email) return s.tokenOnly;
  return m.signInEnabledAt ? s.active : s.invited;
}

const roleOptions = (lang: Lang) => ROLES.map((r) => ({ value: r, label: ADMIN[lang].roleNames[r] }));

export function StaffListPage({ ctx, staff }: { ctx: PageContext; staff: StaffRow[] }) {
  const t = ADMIN[ctx.lang];
  const l = ctx.lang;
  return (
    <Page ctx={ctx} title={t.staffTitle}>
      <p>
        <a className="button" href="/console/admin/staff/new">
          {t.invite}
        </a>
      </p>
      <Table
        caption={t.staffCaption}
        head={[t.colName, t.colRole, t.colLastSignIn, t.colStatus]}
        rows={staff.map((m) => [<a href={`/console/admin/staff/${m.id}`}>{m.name}</a>, t.roleNames[m.role] ?? m.role, m.lastSignIn ? formatDateTime(m.lastSignIn, l) : t.never, statusOf(m, l)])}
      />
    </Page>
  );
}

export interface InviteForm {
  name: string;
  email: string;
  role: string;
}

export function InvitePage({ ctx, form, errors }: { ctx: PageContext; form?: InviteForm; errors: FieldErrors }) {
  const t = ADMIN[ctx.lang];
  const l = ctx.lang;
  return (
    <Page ctx={ctx} title={t.inviteTitle} backHref="/console/admin/staff" scripts={['/console/assets/console.js']}>
      <ErrorSummary errors={errors} lang={l} />
      <Form action="/console/admin/staff">
        <TextInput lang={l} name="name" label={t.name} value={form?.name} error={errors.name} autoComplete="off" />
        <TextInput lang={l} name="email" type="email" label={t.emailAddress} hint={t.emailHint} value={form?.email} error={errors.email} autoComplete="off" />
        <Select lang={l} name="role" label={t.role} value={form?.role ?? ''} placeholder="" error={errors.role} options={roleOptions(l)} />
        <Button>{t.sendInvite}</Button>
      </Form>
    </Page>
  );
}

/** The set-up link, shown once (the page is never cached, and the link is not in any URL of ours). */
export function LinkOncePage({ ctx, title, setupUrl, mailedTo }: { ctx: PageContext; title: string; setupUrl: string; mailedTo: string | null }) {
  const t = ADMIN[ctx.lang];
  return (
    <Page ctx={ctx} title={title}>
      <Warning>{t.linkShownOnce}</Warning>
      <div className="field">
        <label className="label" htmlFor="setup-link">
          {t.setupLink}
        </label>
        <input className="input setup-key" id="setup-link" type="text" readOnly value={setupUrl} />
      </div>
      <p>{mailedTo ? t.mailed(mailedTo) : t.notMailed}</p>
      <p>
        <a href="/console/admin/staff">{t.backToStaff}</a>
      </p>
    </Page>
  );
}

export function MemberPage({ ctx, member, self, notice, errors }: { ctx: PageContext; member: StaffRow; self: boolean; notice?: string; errors: FieldErrors }) {
  const t = ADMIN[ctx.lang];
  const l = ctx.lang;
  const base = `/console/admin/staff/${member.id}`;
  return (
    <Page ctx={ctx} title={member.name} backHref="/console/admin/staff" scripts={['/console/assets/console.js']}>
      <ErrorSummary errors={errors} lang={l} />
      {notice && (
        <div className="panel panel-success" role="status" tabIndex={-1} data-autofocus={Object.keys(errors).length ? undefined : 'true'}>
          <p>{notice}</p>
        </div>
      )}
      <h2>{t.memberFacts}</h2>
      <SummaryList
        rows={[
          [t.colRole, t.roleNames[member.role] ?? member.role],
          [t.colEmail, member.email ?? '–'],
          [t.colLastSignIn, member.lastSignIn ? formatDateTime(member.lastSignIn, l) : t.never],
          [t.colStatus, statusOf(member, l)],
        ]}
      />
      {self ? (
        <Inset>{t.notYourself}</Inset>
      ) : (
        !member.disabledAt && (
          <>
            <h2>{t.changeRole}</h2>
            <Form action={`${base}/role`}>
              <Select lang={l} name="role" label={t.role} value={member.role} error={errors.role} options={roleOptions(l)} />
              <Button secondary>{t.changeRole}</Button>
            </Form>
            {member.email && (
              <>
                <h2>{t.resetAuthenticator}</h2>
                <p>{t.resetHint}</p>
                <Form action={`${base}/reset-authenticator`}>
                  <Button secondary>{t.resetAuthenticator}</Button>
                </Form>
              </>
            )}
            <h2>{t.disable}</h2>
            <Warning>{t.disableHint}</Warning>
            <Form action={`${base}/disable`}>
              <Button warning>{t.disable}</Button>
            </Form>
          </>
        )
      )}
    </Page>
  );
}
