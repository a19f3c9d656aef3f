import { Body } from '@react-email/body';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Html } from '@react-email/html';
import { Preview } from '@react-email/preview';
import { Text } from '@react-email/text';

export interface DeadlineReminderProps {
  incidentId: number;
  incidentTitle: string;
  recipient: 'authority' | 'controller';
  dueAt: string;
  hoursLeft: 24 | 4;
  /** The staff API address with the deadlines (no personal data). */
  deadlinesUrl: string;
}

const row = { margin: '4px 0', fontSize: '15px', lineHeight: '22px' } as const;
const WHO = { authority: 'the Autoriteit Persoonsgegevens', controller: 'the controller (our client)' } as const;

/** To every admin, 24 and 4 hours before a notification deadline that is still open. */
export function DeadlineReminder(p: DeadlineReminderProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${p.hoursLeft} hours left to notify ${WHO[p.recipient]} about incident ${p.incidentId}`}</Preview>
      <Body style={{ fontFamily: 'Arial, Helvetica, sans-serif', backgroundColor: '#ffffff', color: '#1a1a1a' }}>
        <Container style={{ maxWidth: '560px', padding: '16px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {p.hoursLeft} hours left to notify {WHO[p.recipient]}
          </Heading>
          <Text style={row}>
            Incident {p.incidentId} ({p.incidentTitle}) must be notified to {WHO[p.recipient]} by {p.dueAt} (UTC), and no notification has been recorded yet.
          </Text>
          <Text style={row}>
            {p.recipient === 'authority'
              ? 'Use the draft of the authority report to fill in the form of the Autoriteit Persoonsgegevens, then record the submission with its reference. If the risk turned out to be unlikely, record that with its reasoning instead.'
              : 'Send the controller notification from the breach register; it is recorded as the submission.'}
          </Text>
          <Text style={row}>Deadlines: {p.deadlinesUrl}</Text>
          <Text style={{ ...row, color: '#555' }}>You receive this because you are an administrator of the fraud-warning mailer.</Text>
        </Container>
      </Body>
    </Html>
  );
}
