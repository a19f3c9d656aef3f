import request from 'supertest';
import { customerIdByNumber, seedCustomers, seedIncident } from './support/seed';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

describe('Letter preview (GET /api/incidents/:id/customers/:customerNumber/letter)', () => {
  let inst: TestInstallation;
  let t: TestApp;
  let incidentId: number;
  let otherIncidentId: number;
  let comms: { id: number; token: string };
  let tokens: Record<'hotline' | 'admin', string>;

  const path = (incident: number, customerNumber: string) => `/api/incidents/${incident}/customers/${encodeURIComponent(customerNumber)}/letter`;

  beforeAll(async () => {
    inst = await createInstallation();
    t = await inst.startApp({ appRole: 'api' });
    comms = await inst.staffToken('comms');
    tokens = { hotline: (await inst.staffToken('hotline')).token, admin: (await inst.staffToken('admin')).token };
    incidentId = await seedIncident(inst.db, { company: 'Zonnedal Water', hotlinePhone: '0800 111 2222', hotlineEmail: 'datalek@zonnedal.example' });
    otherIncidentId = await seedIncident(inst.db, { company: 'Ander Bedrijf' });
    await seedCustomers(inst.db, incidentId, [
      {
        customerNumber: 'ZW-0001',
        name: 'Greet <b>de</b> Vries {{company}}',
        email: 'greet.devries@example.test',
        phone: '+31612345678',
        street: 'Kerkstraat',
        houseNumber: '12',
        postcode: '9999 ZZ',
        city: 'Testdorp',
        birthDate: '1941-02-03',
        tier: 'photographed',
        exposed: ['name', 'email', 'phone', 'iban', 'customerNumber'],
      },
      { customerNumber: 'ZW-0002', name: 'John Smith', email: 'john@example.test', language: 'en', formerCustomer: true, tier: 'searched', exposed: ['name', 'customerNumber'] },
    ]);
    await seedCustomers(inst.db, otherIncidentId, [{ customerNumber: 'AB-0009', name: 'Elders Klant', email: 'elders@example.test' }]);
  });
  afterAll(() => inst.close());

  it('gives comms the letter as HTML, exactly as sent but with a placeholder link token', async () => {
    const res = await request(t.http).get(path(incidentId, 'ZW-0001')).set('Authorization', `Bearer ${comms.token}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers['cache-control']).toBe('no-store');
    const html = res.text;
    expect(html).toContain('<title>Datalek bij Zonnedal Water: uw gegevens zijn gefotografeerd en doorgegeven</title>');
    expect(html).toContain('Beste Greet &lt;b&gt;de&lt;/b&gt; Vries {{company}},');
    expect(html).toContain('Uw telefoonnummer');
    expect(html).toContain('Uw bankrekeningnummer (IBAN)');
    expect(html).not.toContain('Uw adres');
    expect(html).toContain('href="http://fw.test/l/PREVIEW_PLACEHOLDER_00#confirm"');
    expect(html).toContain('href="tel:08001112222"');
    expect(html).toContain('href="mailto:datalek@zonnedal.example"');
    // 80+ on the send date: the age tips are in.
    expect(html).toContain('De politie haalt nooit uw bankpas of geld op');
  });

  it('writes the letter in the customer’s language and addresses a former customer as such', async () => {
    const res = await request(t.http).get(path(incidentId, 'ZW-0002')).set('Authorization', `Bearer ${comms.token}`).expect(200);
    expect(res.text).toContain('<html lang="en"');
    expect(res.text).toContain('Dear John Smith,');
    expect(res.text).toContain('You are no longer our customer, but');
    expect(res.text).toContain('There is no sign that your details were copied or passed on.');
  });

  it('puts no personal data in any URL of the letter', async () => {
    const res = await request(t.http).get(path(incidentId, 'ZW-0001')).set('Authorization', `Bearer ${comms.token}`).expect(200);
    const urls = [...res.text.matchAll(/(?:https?:|tel:|mailto:)[^\s"'<>)]*/gi)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(['http://fw.test/l/PREVIEW_PLACEHOLDER_00', 'http://fw.test/l/PREVIEW_PLACEHOLDER_00#confirm', 'tel:08001112222', 'mailto:datalek@zonnedal.example']).toContain(url);
    }
  });

  it('records the preview in the audit log by internal id, without personal data', async () => {
    await inst.db.query("DELETE FROM audit_events WHERE action = 'letter.preview'");
    await request(t.http).get(path(incidentId, 'ZW-0001')).set('Authorization', `Bearer ${comms.token}`).expect(200);
    const customer = { id: await customerIdByNumber(inst.db, 'ZW-0001') };
    const rows: { actorId: number; subject: string; detail: unknown }[] = await inst.db.query("SELECT actorId, subject, detail FROM audit_events WHERE action = 'letter.preview'");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: comms.id, subject: `customer:${customer.id}` });
    const dump = JSON.stringify(rows);
    for (const value of ['ZW-0001', 'Greet', 'greet.devries', '+31612345678', '1941', '9999']) expect(dump).not.toContain(value);
  });

  it.each(['hotline', 'admin'] as const)('forbids %s staff', async (role) => {
    const before: { n: string }[] = await inst.db.query("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'letter.preview'");
    const res = await request(t.http).get(path(incidentId, 'ZW-0001')).set('Authorization', `Bearer ${tokens[role]}`).expect(403);
    expect(res.body.message).toContain(role);
    const after: { n: string }[] = await inst.db.query("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'letter.preview'");
    expect(after[0].n).toBe(before[0].n);
  });

  it('asks for a token when there is none', async () => {
    await request(t.http).get(path(incidentId, 'ZW-0001')).expect(401);
  });

  it('answers 404 for an unknown customer without echoing the number, also for a customer of another incident', async () => {
    for (const number of ['ZW-9999', 'AB-0009', 'zw-0001']) {
      const res = await request(t.http).get(path(incidentId, number)).set('Authorization', `Bearer ${comms.token}`).expect(404);
      expect(typeof res.body.message).toBe('string');
      expect(res.body.message).not.toContain(number);
    }
  });

  it('answers 404 for an unknown incident and 400 for an id that is not a number', async () => {
    const res = await request(t.http).get(path(999999, 'ZW-0001')).set('Authorization', `Bearer ${comms.token}`).expect(404);
    expect(res.body.message).toContain('999999');
    await request(t.http).get('/api/incidents/abc/customers/ZW-0001/letter').set('Authorization', `Bearer ${comms.token}`).expect(400);
  });
});
