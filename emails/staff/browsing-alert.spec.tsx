import { renderToStaticMarkup } from 'react-dom/server';
import { BrowsingAlertEmail } from './browsing-alert';

// Rendered with React directly, as in import-finished.spec.tsx (Jest cannot load @react-email/render).
describe(BrowsingAlertEmail.name, () => {
  it('names the member, every finding, the suspension and where to resolve it', () => {
    const html = renderToStaticMarkup(<BrowsingAlertEmail {...BrowsingAlertEmail.PreviewProps} />);
    expect(html).toContain('Hotline alert #3: lookups that look like browsing');
    expect(html).toContain('Henk de Vries (hotline)');
    expect(html).toContain('6 lookups in a row found nobody (threshold 6).');
    expect(html).toContain('4 neighbouring house numbers in one postcode');
    expect(html).toContain('cannot look customers up until an admin has looked at this alert');
    expect(html).toContain('href="http://localhost:3000/console/admin/alerts"');
  });

  it('says so when lookups were not suspended', () => {
    const html = renderToStaticMarkup(<BrowsingAlertEmail {...BrowsingAlertEmail.PreviewProps} suspended={false} />);
    expect(html).toContain('can still look customers up (suspension is turned off)');
  });

  it('escapes a hostile staff name', () => {
    const html = renderToStaticMarkup(<BrowsingAlertEmail {...BrowsingAlertEmail.PreviewProps} staffName={'<script>x</script>'} />);
    expect(html).not.toContain('<script>');
  });
});
