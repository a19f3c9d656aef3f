import { renderToStaticMarkup } from 'react-dom/server';
import { StaffInviteEmail } from './staff-invite';

// Rendered with React directly, as in import-finished.spec.tsx (Jest cannot load @react-email/render).
describe(StaffInviteEmail.name, () => {
  it('carries the one-time link, the role and who invited', () => {
    const html = renderToStaticMarkup(<StaffInviteEmail {...StaffInviteEmail.PreviewProps} />);
    expect(html).toContain('Petra Privacy has invited you to the fraud-warning console as a hotline member.');
    expect(html).toContain(`href="${StaffInviteEmail.PreviewProps.setupUrl}"`);
  });

  it('says after a reset that the old sign-in no longer works', () => {
    const html = renderToStaticMarkup(<StaffInviteEmail {...StaffInviteEmail.PreviewProps} reset />);
    expect(html).toContain('Your old password and authenticator codes no longer work.');
  });
});
