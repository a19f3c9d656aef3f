import { createHash } from 'node:crypto';
import { LandingView, PAGE_HEADERS, renderLandingPage, renderNotFoundPage, renderThanksPage, telHref } from './pages';

const view: LandingView = {
  language: 'en',
  company: 'Polderstroom <Energie>',
  tier: 'viewed',
  description: 'Someone looked up records.\n\nWe found out quickly.',
  measuresTaken: 'We ended their access.',
  discoveredAt: new Date('2026-11-20T09:00:00Z'),
  tips: ['Hang up & call back.'],
  hotline: { company: 'Polderstroom <Energie>', phone: '0800 765 4321', email: 'datalek@polderstroom.example' },
};

describe('customer pages', () => {
  it('renders the landing page in the letter language with escaped incident text, the tips and the form', () => {
    const html = renderLandingPage(view, '/l/TOKEN/ack');
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain('Polderstroom &lt;Energie&gt;');
    expect(html).not.toContain('<Energie>');
    expect(html).toContain('<p>Someone looked up records.</p><p>We found out quickly.</p>');
    expect(html).toContain('20 November 2026');
    expect(html).toContain('<li>Hang up &amp; call back.</li>');
    expect(html).toContain('<form method="post" action="/l/TOKEN/ack"><button type="submit">I have read this</button></form>');
    expect(html).toContain('href="tel:08007654321"');
  });

  it('falls back to the general advice when the letter had no tips', () => {
    const html = renderLandingPage({ ...view, language: 'nl', tips: [] }, '/l/x/ack');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Hang dan meteen op');
    expect(html).toContain('20 november 2026');
  });

  it('allows exactly its own stylesheet by hash', () => {
    const html = renderThanksPage('nl', view.hotline);
    const css = /<style>(.*?)<\/style>/s.exec(html)![1];
    const hash = createHash('sha256').update(css).digest('base64');
    expect(PAGE_HEADERS['Content-Security-Policy']).toContain(`style-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/style="/);
  });

  it('renders a bilingual 404 page with or without a hotline', () => {
    const withHotline = renderNotFoundPage(view.hotline);
    expect(withHotline).toContain('Deze link werkt niet');
    expect(withHotline).toContain('<section id="en" class="en" lang="en">');
    expect(withHotline).toContain('0800 765 4321');
    const without = renderNotFoundPage(null);
    expect(without).not.toContain('tel:');
    expect(without).toContain('website');
  });

  it('keeps a leading + in phone links', () => {
    expect(telHref(' +31 (0)20 123 45 67 ')).toBe('tel:+31201234567');
  });
});
