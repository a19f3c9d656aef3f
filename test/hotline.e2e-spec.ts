import request from 'supertest';
import { TIP_CATALOGUE } from '../emails/tips/catalogue';
import { LettersService } from '../src/letters/letters.service';
import { customerNumbersById, seedCustomers, seedIncident } from './support/seed';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

const reason = 'Caller asks whether her data was in the breach';

describe('Hotline', () => {
  let inst: TestInstallation;
  let t: TestApp;
  let tokens: Record<'comms' | 'hotline' | 'admin', string>;
  let hotlineId: number;
  let incidentA: number;
  let incidentB: number;
  const ids: Record<string, string> = {};
  const tipIds = TIP_CATALOGUE.slice(0, 2).map((tip) => tip.id);
  const sentAt = new Date('2026-11-21T10:00:00.000Z');
  const deliveredAt = new Date('2026-11-21T10:00:05.000Z');
  const clickedAt = new Date('2026-11-21T12:30:00.000Z');

  const lookup = (body: unknown, token = tokens.hotline) => request(t.http).post('/api/hotline/lookup').set('Authorization', `Bearer ${token}`).send(body as object);
  const contact = (body: unknown, token = tokens.hotline) => request(t.http).post('/api/hotline/contacts').set('Authorization', `Bearer ${token}`).send(body as object);
  const auditRows = async (): Promise<{ subject: string | null; detail: Record<string, unknown>; actorId: number }[]> =>
    (await inst.db.query<{ subject: string | null; detail: string | Record<string, unknown>; actorId: number }[]>("SELECT subject, detail, actorId FROM audit_events WHERE action = 'hotline.lookup' ORDER BY id")).map(
      (r) => ({ ...r, detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail }),
    );

  beforeAll(async () => {
    inst = await createInstallation();
    // One member makes dozens of lookups in seconds here: the limit and the browsing alerts (tested in hotline-alerts) would stop them.
    t = await inst.startApp({ appRole: 'api', hotlineLookupLimit: 1000, hotlineAlerts: { ...inst.config.hotlineAlerts, burstLookups: 0, missesInARow: 0, walkNumbers: 0 } });
    const hotline = await inst.staffToken('hotline', 'Chantal Smit');
    hotlineId = hotline.id;
    tokens = { hotline: hotline.token, comms: (await inst.staffToken('comms')).token, admin: (await inst.staffToken('admin')).token };
    incidentA = await seedIncident(inst.db);
    incidentB = await seedIncident(inst.db, { title: 'Another breach' });
    await seedCustomers(inst.db, incidentA, [
      {
        customerNumber: 'K1000001',
        name: 'Jan Jansen',
        email: 'jan.jansen@example.nl',
        phone: '+31612345678',
        street: 'Dorpsstraat',
        houseNumber: '12',
        postcode: '1234 AB',
        city: 'Testdorp',
        birthDate: '1950-03-07',
        tier: 'photographed',
        exposed: ['name', 'email', 'address', 'birthDate', 'iban', 'customerNumber'],
      },
      { customerNumber: 'K1000002', name: 'Anna Bakker', street: 'Dorpsstraat', houseNumber: '14', postcode: '1234 AB', city: 'Testdorp', birthDate: '1949-06-01', tier: 'viewed' },
      { customerNumber: 'K1000003', name: 'Piet Bakker', street: 'Dorpsstraat', houseNumber: '14', postcode: '1234 AB', city: 'Testdorp', birthDate: '1948-11-30', tier: 'searched' },
      { customerNumber: 'K1000004', name: 'Els Visser', street: 'Dorpsstraat', houseNumber: '12', houseNumberSuffix: 'A', postcode: '1234 AB', city: 'Testdorp', tier: 'viewed' },
    ]);
    await seedCustomers(inst.db, incidentB, [{ customerNumber: 'K2000001', name: 'Kees Mulder', street: 'Kerkweg', houseNumber: '1', postcode: '5678 CD', city: 'Elders', birthDate: '1960-01-01' }]);
    for (const [id, number] of await customerNumbersById(inst.db)) ids[number] = id;

    const campaign: { insertId: number } = await inst.db.query("INSERT INTO campaigns (incidentId, tiers, status, createdBy) VALUES (?, '[\"photographed\"]', 'completed', 1)", [incidentA]);
    const letter: { insertId: number } = await inst.db.query(
      "INSERT INTO letters (campaignId, customerId, channel, state, token, sentAt, deliveredAt, tipIds) VALUES (?, ?, 'email', 'sent', 'AAAAAAAAAAAAAAAAAAAAAA', ?, ?, ?)",
      [campaign.insertId, ids.K1000001, sentAt, deliveredAt, JSON.stringify(tipIds)],
    );
    await inst.db.query('INSERT INTO letter_engagements (letterId, campaignId, firstClickAt, clickCount) VALUES (?, ?, ?, 1)', [letter.insertId, campaign.insertId, clickedAt]);
    await inst.db.query("INSERT INTO letters (campaignId, customerId, channel, state, token) VALUES (?, ?, 'post', 'pending', 'BBBBBBBBBBBBBBBBBBBBBB')", [campaign.insertId, ids.K1000004]);
  });
  afterAll(() => inst.close());

  describe('lookup by exact identifiers', () => {
    it('finds a customer by customer number and shows the masked record with letters and tips', async () => {
      const res = await lookup({ incidentId: incidentA, reason, customerNumber: 'K1000001' }).expect(200);
      expect(res.body.customer).toEqual({
        customerNumber: 'K1000001',
        name: 'Jan Jansen',
        tier: 'photographed',
        exposed: ['name', 'email', 'address', 'birthDate', 'customerNumber', 'iban'],
        emailMasked: 'j***@example.nl',
        phoneMasked: '***678',
        address: { postcode: '1234 AB', houseNumber: '12', houseNumberSuffix: '', city: 'Testdorp' },
        language: 'nl',
        letters: [
          {
            campaignId: expect.any(Number),
            kind: 'warning',
            channel: 'email',
            state: 'sent',
            sentAt: sentAt.toISOString(),
            deliveredAt: deliveredAt.toISOString(),
            bouncedAt: null,
            printedAt: null,
            postedAt: null,
            returnedAt: null,
            clickedAt: clickedAt.toISOString(),
            acknowledgedAt: null,
          },
        ],
        contacts: [],
        tips: t.app.get(LettersService).tipTexts(tipIds, 'nl'),
      });
      expect(res.body.customer.tips).toHaveLength(2);
      const text = JSON.stringify(res.body);
      for (const secret of ['1950', 'jan.jansen', '612345678', 'Dorpsstraat', '"birthDate":', '"iban":', 'NL91']) expect(text).not.toContain(secret);
    });

    it.each([
      ['postcode and house number as a string', { postcode: '1234 AB', houseNumber: '12' }],
      ['postcode in lower case without space, house number as a number', { postcode: '1234ab', houseNumber: 12 }],
      ['address and birth date as YYYY-MM-DD', { postcode: '1234 AB', houseNumber: '12', birthDate: '1950-03-07' }],
      ['address and birth date as dd-mm-yyyy', { postcode: ' 1234 aB', houseNumber: '12', birthDate: '07-03-1950' }],
    ])('finds the customer by %s', async (_, form) => {
      const res = await lookup({ incidentId: incidentA, reason, ...form }).expect(200);
      expect(res.body.customer.customerNumber).toBe('K1000001');
    });

    it('keeps the house number suffix separate: 12 is not 12-A', async () => {
      expect((await lookup({ incidentId: incidentA, reason, postcode: '1234 AB', houseNumber: 12 }).expect(200)).body.customer.customerNumber).toBe('K1000001');
      const withSuffix = await lookup({ incidentId: incidentA, reason, postcode: '1234 AB', houseNumber: '12', houseNumberSuffix: 'a' }).expect(200);
      expect(withSuffix.body.customer).toMatchObject({ customerNumber: 'K1000004', address: { houseNumber: '12', houseNumberSuffix: 'A' } });
      expect(withSuffix.body.customer.letters).toEqual([expect.objectContaining({ channel: 'post', state: 'pending', sentAt: null })]);
      await lookup({ incidentId: incidentA, reason, postcode: '1234 AB', houseNumber: '12', houseNumberSuffix: 'B' }).expect(404);
    });

    it('asks for the birth date when several customers share the address, without saying how many or who', async () => {
      const res = await lookup({ incidentId: incidentA, reason, postcode: '1234 AB', houseNumber: '14' }).expect(409);
      expect(res.body.message).toMatch(/date of birth/);
      for (const leak of ['Anna', 'Piet', 'Bakker', '2', 'two', 'K1000']) expect(res.body.message).not.toContain(leak);
    });

    it('picks the one customer at a shared address whose birth date matches, and misses on another date', async () => {
      const res = await lookup({ incidentId: incidentA, reason, postcode: '1234 AB', houseNumber: '14', birthDate: '30-11-1948' }).expect(200);
      expect(res.body.customer).toMatchObject({ customerNumber: 'K1000003', name: 'Piet Bakker', tier: 'searched', emailMasked: null, phoneMasked: null });
      await lookup({ incidentId: incidentA, reason, postcode: '1234 AB', houseNumber: '14', birthDate: '1948-11-29' }).expect(404);
    });

    it('answers a miss, a customer of another incident and an unknown incident identically', async () => {
      const miss = await lookup({ incidentId: incidentA, reason, customerNumber: 'K9999999' });
      const otherIncident = await lookup({ incidentId: incidentA, reason, customerNumber: 'K2000001' });
      const otherAddress = await lookup({ incidentId: incidentA, reason, postcode: '5678 CD', houseNumber: 1 });
      const unknownIncident = await lookup({ incidentId: 999999, reason, customerNumber: 'K1000001' });
      for (const res of [miss, otherIncident, otherAddress, unknownIncident]) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual(miss.body);
        expect(res.headers['content-length']).toBe(miss.headers['content-length']);
      }
      expect(miss.body.message).not.toContain('K9999999');
      // The customer of the other incident is found in her own incident.
      await lookup({ incidentId: incidentB, reason, customerNumber: 'K2000001' }).expect(200);
    });
  });

  describe('refused lookups', () => {
    const valid = () => ({ incidentId: incidentA, reason });
    it.each([
      ['a partial postcode', { postcode: '1234', houseNumber: '12' }],
      ['a postcode alone', { postcode: '1234 AB' }],
      ['a house number alone', { houseNumber: '12' }],
      ['a prefix of a customer number', { customerNumber: 'K10' }],
      ['a wildcard * in the customer number', { customerNumber: 'K1*' }],
      ['a wildcard % in the customer number', { customerNumber: 'K100000%' }],
      ['a wildcard _ in the customer number', { customerNumber: 'K100000_' }],
      ['a wildcard ? in the postcode', { postcode: '1234 A?', houseNumber: '12' }],
      ['a wildcard in the suffix', { postcode: '1234 AB', houseNumber: '12', houseNumberSuffix: '*' }],
      ['a range of house numbers', { postcode: '1234 AB', houseNumber: '10-20' }],
      ['a range of customer numbers', { customerNumber: 'K1000001..K1000009' }],
      ['a whitespace-only customer number', { customerNumber: '   ' }],
      ['a birth year instead of a date', { postcode: '1234 AB', houseNumber: '14', birthDate: '1948' }],
      ['an age', { postcode: '1234 AB', houseNumber: '14', age: 78 }],
      ['an age alone', { age: 78 }],
      ['a birth year field', { postcode: '1234 AB', houseNumber: '14', birthYear: 1948 }],
      ['a town', { postcode: '1234 AB', houseNumber: '12', city: 'Testdorp' }],
      ['a town alone', { city: 'Testdorp' }],
      ['a name', { customerNumber: 'K1000001', name: 'Jan Jansen' }],
      ['an e-mail address', { customerNumber: 'K1000001', email: 'jan.jansen@example.nl' }],
      ['both forms mixed', { customerNumber: 'K1000001', postcode: '1234 AB', houseNumber: '12' }],
    ])('refuses %s with 400 and says what is accepted', async (_, form) => {
      const res = await lookup({ ...valid(), ...form }).expect(400);
      expect(res.body.message).toContain('A lookup takes exactly one of two forms');
      expect(JSON.stringify(res.body)).not.toMatch(/Jansen|Testdorp|jan\.jansen/);
    });

    it('refuses a lookup without a reason, or with an empty one', async () => {
      for (const r of [undefined, '', '   ']) {
        const res = await lookup({ incidentId: incidentA, reason: r, customerNumber: 'K1000001' }).expect(400);
        expect(res.body.message).toContain('reason is required');
      }
    });

    it('has no GET lookup: identifiers in a query string get 405 and no data', async () => {
      const res = await request(t.http).get('/api/hotline/lookup?incidentId=1&customerNumber=K1000001&reason=x').set('Authorization', `Bearer ${tokens.hotline}`);
      expect(res.status).toBe(405);
      expect(JSON.stringify(res.body)).not.toMatch(/Jansen|K1000001/);
      const search = await request(t.http).get('/api/hotline/lookup?postcode=1234AB').set('Authorization', `Bearer ${tokens.hotline}`);
      expect(search.status).toBe(405);
      expect(JSON.stringify(search.body)).not.toContain('1234');
    });
  });

  describe('audit', () => {
    it('records every lookup with the staff member, the kind of identifier, the result and the reason, never the value', async () => {
      await inst.db.query("DELETE FROM audit_events WHERE action = 'hotline.lookup'");
      await lookup({ incidentId: incidentA, reason: 'hit by number', customerNumber: 'K1000001' }).expect(200);
      await lookup({ incidentId: incidentA, reason: 'miss by number', customerNumber: 'K9999999' }).expect(404);
      await lookup({ incidentId: incidentA, reason: 'shared address', postcode: '1234 AB', houseNumber: '14' }).expect(409);
      await lookup({ incidentId: incidentA, reason: 'hit by address and date', postcode: '1234 AB', houseNumber: '14', birthDate: '1949-06-01' }).expect(200);
      await lookup({ incidentId: incidentA, reason: 'search by town', city: 'Testdorp' }).expect(400);
      const rows = await auditRows();
      expect(rows.map((r) => ({ subject: r.subject, actorId: Number(r.actorId), ...r.detail }))).toEqual([
        { subject: `customer:${ids.K1000001}`, actorId: hotlineId, identifier: 'customerNumber', result: 'hit', reason: 'hit by number', incidentId: incidentA },
        { subject: null, actorId: hotlineId, identifier: 'customerNumber', result: 'miss', reason: 'miss by number', incidentId: incidentA },
        { subject: null, actorId: hotlineId, identifier: 'address', result: 'ambiguous', reason: 'shared address', incidentId: incidentA },
        { subject: `customer:${ids.K1000002}`, actorId: hotlineId, identifier: 'address+birthDate', result: 'hit', reason: 'hit by address and date', incidentId: incidentA },
        { subject: null, actorId: hotlineId, identifier: null, result: 'rejected', reason: 'search by town', incidentId: null },
      ]);
      const dump = JSON.stringify(await inst.db.query('SELECT * FROM audit_events'));
      for (const value of ['K1000001', 'K9999999', '1234 AB', '1949', 'Testdorp', 'Jansen']) expect(dump).not.toContain(value);
    });
  });

  describe('contacts', () => {
    it('logs a contact, shows it in the next lookup with the staff name, and audits only the outcome', async () => {
      const res = await contact({ incidentId: incidentA, customerNumber: 'K1000004', outcome: 'worried', notes: 'Wants a call back from the privacy officer next week' }).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(String), at: expect.any(String), outcome: 'worried', incidentId: incidentA, staff: 'Chantal Smit' });
      const seen = await lookup({ incidentId: incidentA, reason, customerNumber: 'K1000004' }).expect(200);
      expect(seen.body.customer.contacts).toEqual([{ at: res.body.at, staff: 'Chantal Smit', outcome: 'worried', notes: 'Wants a call back from the privacy officer next week' }]);
      const audit: { subject: string; detail: string | Record<string, unknown> }[] = await inst.db.query("SELECT subject, detail FROM audit_events WHERE action = 'hotline.contact' ORDER BY id DESC LIMIT 1");
      expect(audit[0].subject).toBe(`customer:${ids.K1000004}`);
      const detail = typeof audit[0].detail === 'string' ? JSON.parse(audit[0].detail) : audit[0].detail;
      expect(detail).toEqual({ incidentId: incidentA, outcome: 'worried' });
    });

    it('refuses an unknown outcome, overly long notes, and answers 404 for a customer that is not in the incident', async () => {
      const bad = await contact({ incidentId: incidentA, customerNumber: 'K1000001', outcome: 'angry' }).expect(400);
      expect(JSON.stringify(bad.body.message)).toContain('fraud-attempt');
      await contact({ incidentId: incidentA, customerNumber: 'K1000001', outcome: 'other', notes: 'x'.repeat(2001) }).expect(400);
      await contact({ incidentId: incidentA, customerNumber: 'K1000001', outcome: 'other', extra: 1 }).expect(400);
      const miss = await contact({ incidentId: incidentA, customerNumber: 'K2000001', outcome: 'informed' }).expect(404);
      const unknown = await contact({ incidentId: incidentA, customerNumber: 'K9999999', outcome: 'informed' }).expect(404);
      expect(miss.body).toEqual(unknown.body);
    });

    it('counts contacts on the incident by outcome and tier, with distinct customers approached or defrauded', async () => {
      await inst.db.query('DELETE FROM contacts');
      await contact({ incidentId: incidentA, customerNumber: 'K1000001', outcome: 'fraud-attempt' }).expect(201);
      await contact({ incidentId: incidentA, customerNumber: 'K1000001', outcome: 'fraud-attempt', notes: 'Called again: a second call' }).expect(201);
      await contact({ incidentId: incidentA, customerNumber: 'K1000002', outcome: 'fraud-victim' }).expect(201);
      await contact({ incidentId: incidentA, customerNumber: 'K1000003', outcome: 'fraud-attempt' }).expect(201);
      await contact({ incidentId: incidentA, customerNumber: 'K1000003', outcome: 'informed' }).expect(201);
      await contact({ incidentId: incidentB, customerNumber: 'K2000001', outcome: 'fraud-victim' }).expect(201);
      const res = await request(t.http).get(`/api/incidents/${incidentA}`).set('Authorization', `Bearer ${tokens.comms}`).expect(200);
      expect(res.body.contacts).toEqual({
        total: 5,
        customers: 3,
        byOutcome: { informed: 1, worried: 0, 'fraud-attempt': 3, 'fraud-victim': 1, 'callback-requested': 0, other: 0 },
        byTier: { photographed: 2, viewed: 1, searched: 2 },
        customersReportingFraudAttempt: 2,
        customersDefrauded: 1,
      });
      const b = await request(t.http).get(`/api/incidents/${incidentB}`).set('Authorization', `Bearer ${tokens.admin}`).expect(200);
      expect(b.body.contacts).toMatchObject({ total: 1, customersDefrauded: 1, customersReportingFraudAttempt: 0 });
      const seen = await lookup({ incidentId: incidentA, reason, customerNumber: 'K1000001' }).expect(200);
      expect(seen.body.customer.contacts.map((c: { outcome: string; notes: string | null }) => [c.outcome, c.notes])).toEqual([
        ['fraud-attempt', 'Called again: a second call'],
        ['fraud-attempt', null],
      ]);
    });
  });

  describe('lookups per staff member', () => {
    it('shows admins how many lookups each staff member did', async () => {
      const res = await request(t.http).get('/api/hotline/lookups').set('Authorization', `Bearer ${tokens.admin}`).expect(200);
      expect(res.body.staff).toEqual([expect.objectContaining({ actorId: hotlineId, actor: expect.stringContaining('Chantal Smit'), count: expect.any(Number) })]);
      expect(res.body.staff[0].count).toBeGreaterThan(5);
      const later = await request(t.http).get(`/api/hotline/lookups?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`).set('Authorization', `Bearer ${tokens.admin}`).expect(200);
      expect(later.body.staff).toEqual([]);
      await request(t.http).get('/api/hotline/lookups?since=yesterday').set('Authorization', `Bearer ${tokens.admin}`).expect(400);
    });
  });
});
