import { Body } from '@react-email/body';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Html } from '@react-email/html';
import { Preview } from '@react-email/preview';
import { Text } from '@react-email/text';

export interface BreachReportReceivedProps {
  reference: string;
  receivedAt: string;
  /** The staff API address of the reports (the report itself is read there, not in e-mail). */
  reportsUrl: string;
}

const row = { margin: '4px 0', fontSize: '15px', lineHeight: '22px' } as const;

/**
 * To every admin when someone reports a suspected breach. It holds no word of the report: the
 * reporter's details and text stay in the application, where reading them is controlled.
 */
export function BreachReportReceived(p: BreachReportReceivedProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`New breach report ${p.reference}`}</Preview>
      <Body style={{ fontFamily: 'Arial, Helvetica, sans-serif', backgroundColor: '#ffffff', color: '#1a1a1a' }}>
        <Container style={{ maxWidth: '560px', padding: '16px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            New report of a suspected data breach
          </Heading>
          <Text style={row}>
            Report {p.reference} came in through the public form on {p.receivedAt} (UTC).
          </Text>
          <Text style={row}>
            If it is a breach, the 72 hours to notify the Autoriteit Persoonsgegevens may already be running. Read it and decide: turn it into an incident, or
            reject it with a reason.
          </Text>
          <Text style={row}>Reports: {p.reportsUrl}</Text>
        </Container>
      </Body>
    </Html>
  );
}
