import { FIELD_LIMITS, readReportForm } from './breach-report-form';
import { renderReportForm, renderThanks } from './report-pages';
import { reportLanguage } from './texts';

const valid = { whatHappened: 'A list of customers was left on a printer.', noticedAt: 'yesterday 16:00', name: 'Jan', email: 'jan@example.org' };

describe('readReportForm', () => {
  it('accepts a complete report and keeps line breaks in what happened', () => {
    const r = readReportForm({ ...valid, whatHappened: 'First line\r\n\r\nSecond line' }, 'en');
    expect(r).toMatchObject({ ok: true, values: { whatHappened: 'First line\n\nSecond line', organisation: '', phone: '' } });
  });

  it('names every missing field, in the order of the form', () => {
    const r = readReportForm({}, 'en');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['whatHappened', 'noticedAt', 'name', 'email']);
  });

  it('removes control and direction-override characters and ignores non-string values', () => {
    const r = readReportForm({ ...valid, name: 'Ja\u202En\u0007', email: ['a@b.example', 'c@d.example'], phone: { x: 1 } }, 'en');
    expect(r.values.name).toBe('Jan');
    expect(r.values.email).toBe('');
    expect(!r.ok && r.errors).toEqual([{ field: 'email', message: 'Enter your email address or your phone number' }]);
  });

  it('refuses values over the limits with the limit in the message, in Dutch too', () => {
    const r = readReportForm({ ...valid, whatHappened: 'x'.repeat(FIELD_LIMITS.whatHappened + 1), phone: '1'.repeat(41) }, 'nl');
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual(['Wat is er gebeurd mag hoogstens 5.000 tekens lang zijn', expect.stringMatching(/^Vul een telefoonnummer in/)]);
  });

  it('refuses malformed e-mail addresses and phone numbers', () => {
    for (const email of ['jan', 'jan@', '<jan@example.org>', 'jan@example']) expect(readReportForm({ ...valid, email }, 'en').ok).toBe(false);
    expect(readReportForm({ ...valid, email: '', phone: 'call me' }, 'en').ok).toBe(false);
    expect(readReportForm({ ...valid, email: '', phone: '+31 (0)6-1234 5678' }, 'en').ok).toBe(true);
  });
});

describe('report pages', () => {
  it('escape what was typed and link the error summary to the fields', () => {
    const r = readReportForm({ whatHappened: '</textarea><script>x()</script>', name: '"><b>' }, 'en');
    const html = renderReportForm('en', r.values, r.ok ? [] : r.errors).body;
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt;</textarea>');
    expect(html).toContain('value="&quot;&gt;&lt;b&gt;"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="#noticedAt">Enter when you noticed it</a>');
    expect(html).toContain('aria-describedby="noticedAt-hint noticedAt-error" aria-invalid="true"');
  });

  it('show only the reference on the thank-you page', () => {
    const html = renderThanks('nl', 'MR-ABCDEFGH').body;
    expect(html).toContain('<strong>MR-ABCDEFGH</strong>');
    expect(html).toContain('<html lang="nl">');
  });
});

describe('reportLanguage', () => {
  it('takes ?lang first, then the preferred of nl and en in Accept-Language, else Dutch', () => {
    expect(reportLanguage('en', 'nl-NL')).toBe('en');
    expect(reportLanguage(undefined, 'de-DE,en;q=0.8,nl;q=0.5')).toBe('en');
    expect(reportLanguage(undefined, 'en-GB;q=0.4, nl-BE')).toBe('nl');
    expect(reportLanguage(['en'], 'fr')).toBe('nl');
  });
});
