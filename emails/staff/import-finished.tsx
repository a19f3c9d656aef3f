import { Body } from '@react-email/body';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Html } from '@react-email/html';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';

export interface ImportFinishedProps {
  importId: number;
  incidentTitle: string;
  tier: string;
  status: 'completed' | 'failed';
  dryRun: boolean;
  rowsRead: number;
  rowsRejected: number;
  warnings: number;
  customersCreated: number;
  customersUpdated: number;
  customersUnchanged: number;
  /** Why a failed import failed (never personal data). */
  message?: string | null;
  /** PUBLIC_BASE_URL/api/imports/:id/rejects */
  rejectsUrl: string;
}

const cell = { padding: '2px 12px 2px 0', fontSize: '14px' } as const;

/** Staff e-mail sent when an import ends: the counts and where the rejects report is. No customer data. */
export function ImportFinishedEmail(p: ImportFinishedProps) {
  const outcome = p.status === 'completed' ? (p.dryRun ? 'dry run finished (nothing was written)' : 'finished') : 'failed';
  const rows: [string, number][] = [
    ['Rows read', p.rowsRead],
    ['Rows rejected', p.rowsRejected],
    ['Warnings (values dropped)', p.warnings],
    [p.dryRun ? 'Customers that would be added' : 'Customers added', p.customersCreated],
    [p.dryRun ? 'Customers that would be updated' : 'Customers updated', p.customersUpdated],
    ['Customers unchanged', p.customersUnchanged],
  ];
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Import #${p.importId} (${p.tier}) ${outcome}`}</Preview>
      <Body style={{ fontFamily: 'Arial, Helvetica, sans-serif', color: '#1a1a1a' }}>
        <Container>
          <Heading as="h2">
            Import #{p.importId} {outcome}
          </Heading>
          <Text>
            Incident: {p.incidentTitle}. Tier: {p.tier}.
          </Text>
          {p.status === 'failed' && p.message ? <Text>Reason: {p.message}</Text> : null}
          <Section>
            <table cellPadding={0} cellSpacing={0}>
              <tbody>
                {rows.map(([label, value]) => (
                  <tr key={label}>
                    <td style={cell}>{label}</td>
                    <td style={{ ...cell, textAlign: 'right' }}>{value.toLocaleString('en-GB')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Text>
            {p.rowsRejected + p.warnings > 0 ? 'Which rows and values were not imported, and why: ' : 'The rejects report (empty for this file): '}
            <Link href={p.rejectsUrl}>{p.rejectsUrl}</Link> (sign in with your staff token; it lists line numbers and reasons, never the data itself).
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

ImportFinishedEmail.PreviewProps = {
  importId: 12,
  incidentTitle: 'Customer records photographed at an external service desk',
  tier: 'viewed',
  status: 'completed',
  dryRun: false,
  rowsRead: 2131,
  rowsRejected: 0,
  warnings: 9,
  customersCreated: 2119,
  customersUpdated: 12,
  customersUnchanged: 0,
  message: null,
  rejectsUrl: 'http://localhost:3000/api/imports/12/rejects',
} satisfies ImportFinishedProps;

export default ImportFinishedEmail;
