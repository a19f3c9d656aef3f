import { renderToStaticMarkup } from 'react-dom/server';
import { ImportFinishedEmail } from './import-finished';

// @react-email/render loads react-dom/server with a dynamic import, which Jest's VM refuses without
// --experimental-vm-modules; the markup is the same, so the template is checked with React directly.
describe(ImportFinishedEmail.name, () => {
  it('shows the counts and links to the rejects report', () => {
    const html = renderToStaticMarkup(<ImportFinishedEmail {...ImportFinishedEmail.PreviewProps} />);
    expect(html).toContain('<h2>Import #12 finished</h2>');
    expect(html).toMatch(/Customers added<\/td><td[^>]*>2,119</);
    expect(html).toContain('href="http://localhost:3000/api/imports/12/rejects"');
  });

  it('says why a failed import failed and what a dry run would have done', () => {
    const html = renderToStaticMarkup(<ImportFinishedEmail {...ImportFinishedEmail.PreviewProps} status="failed" dryRun message="The file is empty." />);
    expect(html).toContain('Reason: The file is empty.');
    expect(html).toContain('Customers that would be added');
  });
});
