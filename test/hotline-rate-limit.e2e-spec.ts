import request from 'supertest';
import { seedCustomers, seedIncident } from './support/seed';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

const reason = 'Caller asks whether he is affected';

describe('Hotline lookup limit', () => {
  let inst: TestInstallation;
  let a: TestApp;
  let b: TestApp;
  let incidentId: number;
  let admin: string;

  const lookup = (app: TestApp, token: string, customerNumber: string) =>
    request(app.http).post('/api/hotline/lookup').set('Authorization', `Bearer ${token}`).send({ incidentId, reason, customerNumber });

  beforeAll(async () => {
    // Two API processes of one installation: same MySQL, same Redis, same key prefix.
    inst = await createInstallation({ hotlineLookupLimit: 3, hotlineLookupWindowSeconds: 600 });
    a = await inst.startApp({ appRole: 'api' });
    b = await inst.startApp({ appRole: 'api' });
    admin = (await inst.staffToken('admin')).token;
    incidentId = await seedIncident(inst.db);
    await seedCustomers(inst.db, incidentId, 3);
  });
  afterAll(() => inst.close());

  it('holds across two API processes, answers 429 with a message, and audits the refusals', async () => {
    const staff = await inst.staffToken('hotline', 'Henk Limiet');
    await lookup(a, staff.token, 'K0000001').expect(200);
    await lookup(b, staff.token, 'K0000099').expect(404);
    await lookup(a, staff.token, 'K0000002').expect(200);
    const refusedB = await lookup(b, staff.token, 'K0000003').expect(429);
    expect(refusedB.body.message).toMatch(/limit of 3 lookups per 10 minutes/);
    await lookup(a, staff.token, 'K0000003').expect(429);

    const other = await inst.staffToken('hotline', 'Ineke Ander');
    await lookup(b, other.token, 'K0000003').expect(200);

    const rows: { subject: string | null; detail: string | Record<string, unknown> }[] = await inst.db.query(
      "SELECT subject, detail FROM audit_events WHERE action = 'hotline.lookup' AND actorId = ? ORDER BY id",
      [staff.id],
    );
    const results = rows.map((r) => (typeof r.detail === 'string' ? (JSON.parse(r.detail) as { result: string }) : (r.detail as { result: string })).result);
    expect(results).toEqual(['hit', 'miss', 'hit', 'rate-limited', 'rate-limited']);
    expect(rows.slice(3).map((r) => r.subject)).toEqual([null, null]);

    const perStaff = await request(a.http).get('/api/hotline/lookups').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(perStaff.body.staff).toEqual(
      expect.arrayContaining([
        { actorId: staff.id, actor: expect.stringContaining('Henk Limiet'), count: 5 },
        { actorId: other.id, actor: expect.stringContaining('Ineke Ander'), count: 1 },
      ]),
    );
  });

  it('counts contacts logged for unknown customers against the same limit', async () => {
    const staff = await inst.staffToken('hotline', 'Pieter Probeer');
    const contact = (app: TestApp, customerNumber: string) =>
      request(app.http).post('/api/hotline/contacts').set('Authorization', `Bearer ${staff.token}`).send({ incidentId, customerNumber, outcome: 'informed' });
    await contact(a, 'K0000001').expect(201);
    for (const n of ['K0000091', 'K0000092', 'K0000093']) await contact(n.endsWith('2') ? b : a, n).expect(404);
    await contact(b, 'K0000094').expect(429);
    await lookup(a, staff.token, 'K0000001').expect(429);
  });

  it('lets lookups in again once the window has moved on', async () => {
    const fast = await inst.startApp({ appRole: 'api', hotlineLookupLimit: 1, hotlineLookupWindowSeconds: 1 });
    const staff = await inst.staffToken('hotline', 'Snelle Sanne');
    await lookup(fast, staff.token, 'K0000001').expect(200);
    const refused = await lookup(fast, staff.token, 'K0000001').expect(429);
    expect(refused.body.message).toMatch(/Try again in 1 seconds?/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await lookup(fast, staff.token, 'K0000001').expect(200);
    await fast.close();
  });
});
