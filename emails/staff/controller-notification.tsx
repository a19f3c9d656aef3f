import { Body } from '@react-email/body';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Html } from '@react-email/html';
import { Preview } from '@react-email/preview';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';

export interface ControllerNotificationProps {
  phase: 'initial' | 'supplement';
  processor: string;
  controller: string;
  incidentId: number;
  awareAt: string;
  summary: string;
  nature: string[];
  categories: { label: string; people: number }[];
  peopleMin: number;
  peopleMax: number;
  records: number;
  consequences: string | null;
  riskLevel: string | null;
  measuresTaken: string;
  informed: string;
  contact: { phone: string; email: string };
  /** A supplement's news in the team's own words (plain text). */
  note: string | null;
}

const row = { margin: '4px 0', fontSize: '15px', lineHeight: '22px' } as const;
const h2 = { fontSize: '17px', margin: '18px 0 4px' } as const;

/** A processor's notification to its controller (GDPR Art. 33(2)) with what Art. 33(3) asks for. */
export function ControllerNotification(p: ControllerNotificationProps) {
  const title = p.phase === 'initial' ? `Personal data breach at ${p.processor}` : `Update on the personal data breach at ${p.processor}`;
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${title}: ${p.peopleMin === p.peopleMax ? p.peopleMax : `${p.peopleMin}–${p.peopleMax}`} people of ${p.controller} involved`}</Preview>
      <Body style={{ fontFamily: 'Arial, Helvetica, sans-serif', backgroundColor: '#ffffff', color: '#1a1a1a' }}>
        <Container style={{ maxWidth: '600px', padding: '16px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {title}
          </Heading>
          <Text style={row}>
            To {p.controller}: as your processor, {p.processor} notifies you of a personal data breach involving data we process for you
            {p.phase === 'supplement' ? '. This adds to our earlier notification.' : ', as our agreement and GDPR Article 33(2) require.'} We became aware of it
            on {p.awareAt}. Our reference: incident {p.incidentId}.
          </Text>
          {p.note ? (
            <Section style={{ margin: '12px 0', padding: '12px', backgroundColor: '#fff8e1' }}>
              {p.note.split(/\n\s*\n/).map((para, i) => (
                <Text key={i} style={row}>
                  {para}
                </Text>
              ))}
            </Section>
          ) : null}
          <Heading as="h2" style={h2}>
            What happened
          </Heading>
          <Text style={row}>{p.summary}</Text>
          <Text style={row}>Nature of the breach: {p.nature.length ? p.nature.join('; ') : 'still being established'}.</Text>
          <Heading as="h2" style={h2}>
            People and data involved
          </Heading>
          <Text style={row}>
            Approximately {p.peopleMin === p.peopleMax ? p.peopleMax : `${p.peopleMin} to ${p.peopleMax}`} people and {p.records} records.
          </Text>
          {p.categories.map((c) => (
            <Text key={c.label} style={row}>
              {c.label}: {c.people} people
            </Text>
          ))}
          <Heading as="h2" style={h2}>
            Likely consequences
          </Heading>
          <Text style={row}>
            {p.consequences ?? 'Still being assessed.'} {p.riskLevel ? `Our assessment of the risk: ${p.riskLevel}.` : ''}
          </Text>
          <Heading as="h2" style={h2}>
            Measures taken or proposed
          </Heading>
          <Text style={row}>{p.measuresTaken}</Text>
          <Text style={row}>{p.informed}</Text>
          <Heading as="h2" style={h2}>
            Contact point
          </Heading>
          <Text style={row}>
            For questions about this breach: {p.contact.phone}, {p.contact.email}.
          </Text>
          <Text style={{ ...row, color: '#555' }}>
            You decide, as the controller, whether and how to notify the Autoriteit Persoonsgegevens (within 72 hours of becoming aware) and the people involved.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
