import { Body } from '@react-email/body';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Html } from '@react-email/html';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { Text } from '@react-email/text';

export interface StaffInviteProps {
  name: string;
  role: string;
  invitedBy: string;
  setupUrl: string;
  /** A reset: the earlier password and authenticator no longer work. */
  reset: boolean;
}

const row = { margin: '4px 0', fontSize: '15px', lineHeight: '22px' } as const;

/** The one-time set-up link for the staff console (72 h), for a new member or after a reset. */
export function StaffInviteEmail(p: StaffInviteProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{p.reset ? 'Set up your console sign-in again' : 'You have been invited to the fraud-warning console'}</Preview>
      <Body style={{ fontFamily: 'Arial, Helvetica, sans-serif', backgroundColor: '#ffffff', color: '#1a1a1a' }}>
        <Container style={{ maxWidth: '560px', padding: '16px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {p.reset ? 'Set up your sign-in again' : 'Welcome to the fraud-warning console'}
          </Heading>
          <Text style={row}>Dear {p.name},</Text>
          <Text style={row}>
            {p.reset
              ? `${p.invitedBy} has reset your authenticator. Your old password and authenticator codes no longer work.`
              : `${p.invitedBy} has invited you to the fraud-warning console as a ${p.role} member.`}
          </Text>
          <Text style={row}>
            Open this link within 72 hours to choose a password and set up an authenticator app. It works once: <Link href={p.setupUrl}>{p.setupUrl}</Link>
          </Text>
          <Text style={row}>If you did not expect this e-mail, do not open the link and tell your administrator.</Text>
        </Container>
      </Body>
    </Html>
  );
}

StaffInviteEmail.PreviewProps = {
  name: 'Sanne de Jong',
  role: 'hotline',
  invitedBy: 'Petra Privacy',
  setupUrl: 'http://localhost:3000/console/setup/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ',
  reset: false,
} satisfies StaffInviteProps;

export default StaffInviteEmail;
