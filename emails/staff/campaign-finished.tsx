import { Body } from '@react-email/body';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Html } from '@react-email/html';
import { Preview } from '@react-email/preview';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';

export interface CampaignFinishedProps {
  campaignId: number;
  incidentTitle: string;
  company: string;
  startedAt: string | null;
  completedAt: string;
  counts: { total: number; email: number; post: number; sent: number; failed: number; unknown: number; bounced: number };
  /** Where the postal list can be downloaded (a staff API URL; no personal data). */
  postalUrl: string;
}

const row = { margin: '2px 0', fontSize: '15px', lineHeight: '22px' } as const;

/** Report to the comms member who created a campaign, sent once when its last e-mail letter is done. */
export function CampaignFinished(p: CampaignFinishedProps) {
  const toPost = p.counts.post + p.counts.failed + p.counts.unknown + p.counts.bounced;
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Campaign ${p.campaignId} finished: ${p.counts.sent} of ${p.counts.email} e-mails sent`}</Preview>
      <Body style={{ fontFamily: 'Arial, Helvetica, sans-serif', backgroundColor: '#ffffff', color: '#1a1a1a' }}>
        <Container style={{ maxWidth: '560px', padding: '16px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            Campaign {p.campaignId} has finished
          </Heading>
          <Text style={row}>
            Incident: {p.incidentTitle} ({p.company})
          </Text>
          <Text style={row}>
            Started {p.startedAt ?? 'unknown'}, finished {p.completedAt}.
          </Text>
          <Section style={{ margin: '16px 0', padding: '12px', backgroundColor: '#f3f5f7' }}>
            <Text style={row}>Letters in total: {p.counts.total}</Text>
            <Text style={row}>E-mails sent: {p.counts.sent} of {p.counts.email}</Text>
            <Text style={row}>E-mails failed: {p.counts.failed}</Text>
            <Text style={row}>E-mails with unknown outcome (connection lost after sending): {p.counts.unknown}</Text>
            <Text style={row}>E-mails bounced so far: {p.counts.bounced}</Text>
            <Text style={row}>Letters by post: {p.counts.post}</Text>
          </Section>
          <Text style={row}>
            {toPost > 0
              ? `${toPost} customers need a letter by post. Download the list for the print house: ${p.postalUrl}`
              : 'Every customer was reached by e-mail; nobody needs a letter by post.'}
          </Text>
          {p.counts.unknown > 0 ? (
            <Text style={row}>
              Letters with an unknown outcome are never resent automatically. An administrator can mark them as sent or send them again; until then they are on
              the postal list.
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

CampaignFinished.PreviewProps = {
  campaignId: 7,
  incidentTitle: 'Customer records photographed at an external service desk',
  company: 'Polderstroom Energie',
  startedAt: '2026-11-21T10:00:00.000Z',
  completedAt: '2026-11-21T10:14:03.000Z',
  counts: { total: 1200, email: 1100, post: 100, sent: 1090, failed: 6, unknown: 4, bounced: 3 },
  postalUrl: 'http://localhost:3000/api/campaigns/7/postal',
} satisfies CampaignFinishedProps;

export default CampaignFinished;
