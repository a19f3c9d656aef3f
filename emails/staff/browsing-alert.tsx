import { Body } from '@react-email/body';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Html } from '@react-email/html';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';

export interface BrowsingAlertProps {
  alertId: number;
  staffName: string;
  staffRole: string;
  raisedAt: string;
  /** One sentence per rule that fired (counts only, never a looked-up value). */
  findings: string[];
  suspended: boolean;
  /** Where an admin looks at the alert and resolves it. */
  alertsUrl: string;
}

const row = { margin: '4px 0', fontSize: '15px', lineHeight: '22px' } as const;

/** To every admin with an e-mail address when a staff member's lookups look like browsing. */
export function BrowsingAlertEmail(p: BrowsingAlertProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Hotline alert #${p.alertId}: the lookups of ${p.staffName} look like browsing`}</Preview>
      <Body style={{ fontFamily: 'Arial, Helvetica, sans-serif', backgroundColor: '#ffffff', color: '#1a1a1a' }}>
        <Container style={{ maxWidth: '560px', padding: '16px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            Hotline alert #{p.alertId}: lookups that look like browsing
          </Heading>
          <Text style={row}>
            Staff member: {p.staffName} ({p.staffRole}). Raised at {p.raisedAt}.
          </Text>
          <Section style={{ margin: '16px 0', padding: '12px', backgroundColor: '#f3f5f7' }}>
            {p.findings.map((f) => (
              <Text key={f} style={row}>
                {f}
              </Text>
            ))}
          </Section>
          <Text style={row}>
            {p.suspended
              ? `${p.staffName} cannot look customers up until an admin has looked at this alert and resolved it.`
              : `${p.staffName} can still look customers up (suspension is turned off); please look at this alert soon.`}
          </Text>
          <Text style={row}>
            Ask what the lookups were for and check them in the audit log (action hotline.lookup), then resolve the alert: <Link href={p.alertsUrl}>{p.alertsUrl}</Link>.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

BrowsingAlertEmail.PreviewProps = {
  alertId: 3,
  staffName: 'Henk de Vries',
  staffRole: 'hotline',
  raisedAt: '2026-12-02 03:12 (Europe/Amsterdam)',
  findings: ['6 lookups in a row found nobody (threshold 6).', '4 neighbouring house numbers in one postcode looked up within 60 minutes (threshold 4).'],
  suspended: true,
  alertsUrl: 'http://localhost:3000/console/admin/alerts',
} satisfies BrowsingAlertProps;

export default BrowsingAlertEmail;
