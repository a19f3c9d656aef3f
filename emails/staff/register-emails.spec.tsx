import { renderToStaticMarkup } from 'react-dom/server';
import { BreachReportReceived } from './breach-report-received';
import { ControllerNotification, ControllerNotificationProps } from './controller-notification';
import { DeadlineReminder } from './deadline-reminder';

const controllerProps: ControllerNotificationProps = {
  phase: 'initial',
  processor: 'Servicedesk BV',
  controller: 'Polderstroom <Energie>',
  incidentId: 4,
  awareAt: '2026-11-20T09:30:00.000Z',
  summary: 'A contractor photographed records.',
  nature: ['Reading or copying (confidentiality)'],
  categories: [{ label: 'Name', people: 776 }],
  peopleMin: 700,
  peopleMax: 800,
  records: 776,
  consequences: null,
  riskLevel: 'high',
  measuresTaken: 'Access revoked.',
  informed: 'Not yet.',
  contact: { phone: '0800 123 4567', email: 'datalek@servicedesk.example' },
  note: null,
};

describe('register e-mails', () => {
  it('give the controller what Art. 33(3) asks, escaped', () => {
    const html = renderToStaticMarkup(<ControllerNotification {...controllerProps} />);
    expect(html).toContain('To Polderstroom &lt;Energie&gt;');
    expect(html).toContain('Approximately 700 to 800 people and 776 records.');
    for (const heading of ['What happened', 'People and data involved', 'Likely consequences', 'Measures taken or proposed', 'Contact point']) expect(html).toContain(`>${heading}</h2>`);
  });

  it('show a supplement’s note paragraph by paragraph', () => {
    const html = renderToStaticMarkup(<ControllerNotification {...controllerProps} phase="supplement" note={'One.\n\nTwo <b>.'} />);
    expect(html).toContain('Update on the personal data breach');
    expect(html).toMatch(/>One\.<\/p>.*>Two &lt;b&gt;\.<\/p>/s);
  });

  it('remind admins how many hours are left, and tell of a report without its content', () => {
    const reminder = renderToStaticMarkup(<DeadlineReminder incidentId={3} incidentTitle="Lek" recipient="authority" dueAt="2026-11-23T09:30:00.000Z" hoursLeft={4} deadlinesUrl="http://x/api/incidents/3/deadlines" />);
    expect(reminder).toContain('>4 hours left to notify the Autoriteit Persoonsgegevens</h1>');
    const report = renderToStaticMarkup(<BreachReportReceived reference="MR-ABCDEFGH" receivedAt="2026-12-01T10:00:00.000Z" reportsUrl="http://x/api/breach-reports" />);
    expect(report).toContain('MR-ABCDEFGH');
  });
});
