import Papa from 'papaparse';
import request from 'supertest';
import { DeadlinesService } from '../src/register/deadlines.service';
import { seedCustomers } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';
import { auth, counts, createApprovedCampaign, until } from './campaigns.support';

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const base = { company: 'Testbedrijf Fictief BV', hotlinePhone: '0800 000 1111', hotlineEmail: 'datalek@testbedrijf.example' };

/** Breach register against real MySQL, Redis and an SMTP sink: facts, deadlines, the report draft, notifications, the register. */
describe(DeadlinesService.name, () => {
  let inst: TestInstallation;
  let sink: Sink;
  let t: TestApp;
  let ada: string;
  let bram: string;
  let admin: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url, sendRate: 200, reconcileIntervalSeconds: 1 });
    ada = (await inst.staffToken('comms', 'Ada')).token;
    bram = (await inst.staffToken('comms', 'Bram')).token;
    admin = (await inst.staffToken('admin', 'Eva', 'eva@staff.example')).token;
    t = await inst.startApp();
  });
  afterAll(async () => {
    await sink?.close();
    await inst?.close();
  });

  async function createIncident(body: Record<string, unknown>, token = ada): Promise<number> {
    const res = await request(t.http).post('/api/incidents').set(auth(token)).send({ title: 'Register test', ...base, ...body }).expect(201);
    return res.body.id as number;
  }
  const deadlines = async (id: number) => (await request(t.http).get(`/api/incidents/${id}/deadlines`).set(auth(ada)).expect(200)).body as Record<string, unknown>[];

  it('stores the facts given at creation and shows defaults for the rest', async () => {
    const discoveredAt = hoursAgo(10);
    const id = await createIncident({ discoveredAt, nature: ['confidentiality'], riskLevel: 'high', subjectsMin: 10, subjectsMax: 40 });
    const view = (await request(t.http).get(`/api/incidents/${id}`).set(auth(ada)).expect(200)).body;
    expect(view).toMatchObject({ role: 'controller', awareAt: discoveredAt, controller: null, controllerDeadlineHours: 48, nature: ['confidentiality'], riskLevel: 'high', subjectsMin: 10, subjectsMax: 40 });
    expect(await deadlines(id)).toEqual([
      { recipient: 'authority', dueAt: new Date(Date.parse(discoveredAt) + 72 * 3600_000).toISOString(), status: 'open', submittedAt: null, delayReason: null },
      { recipient: 'dataSubjects', dueAt: null, status: 'open', submittedAt: null, delayReason: null },
    ]);
  });

  it('refuses inconsistent facts with a message that says what to do', async () => {
    const noController = await request(t.http).post('/api/incidents').set(auth(ada)).send({ title: 'x', ...base, discoveredAt: hoursAgo(1), role: 'processor' }).expect(400);
    expect(noController.body.message).toMatch(/controller: \{name, email\}/);
    const id = await createIncident({ discoveredAt: hoursAgo(1) });
    const unlikely = await request(t.http).patch(`/api/incidents/${id}`).set(auth(ada)).send({ riskLevel: 'unlikely' }).expect(400);
    expect(unlikely.body.message).toMatch(/riskReasoning/);
    const minMax = await request(t.http).patch(`/api/incidents/${id}`).set(auth(ada)).send({ subjectsMin: 50, subjectsMax: 5 }).expect(400);
    expect(minMax.body.message).toMatch(/subjectsMin \(50\) is larger than subjectsMax \(5\)/);
    const badNature = await request(t.http).patch(`/api/incidents/${id}`).set(auth(ada)).send({ nature: ['leaked'] }).expect(400);
    expect(badNature.body.message).toEqual([expect.stringMatching(/nature must list some of/)]);
  });

  it('edits facts with an audit of which fields changed, never their values, and drops the authority deadline for an unlikely risk', async () => {
    const id = await createIncident({ discoveredAt: hoursAgo(5) });
    const reasoning = 'Encrypted laptop (full-disk, key not with it) lost; see the security officer.';
    const res = await request(t.http).patch(`/api/incidents/${id}`).set(auth(bram)).send({ riskLevel: 'unlikely', riskReasoning: reasoning, consequences: 'None expected.' }).expect(200);
    expect(res.body).toMatchObject({ riskLevel: 'unlikely', riskReasoning: reasoning });
    expect((await deadlines(id)).map((d) => d.recipient)).toEqual(['dataSubjects']);
    const audit = (await request(t.http).get('/api/audit?action=incident.update').set(auth(admin)).expect(200)).body as { subject: string; detail: unknown }[];
    const mine = audit.find((a) => a.subject === `incident:${id}`)!;
    expect(mine.detail).toEqual({ fields: ['riskLevel', 'riskReasoning', 'consequences'] });
    expect(JSON.stringify(audit)).not.toContain('Encrypted laptop');
    const hotline = (await inst.staffToken('hotline')).token;
    await request(t.http).patch(`/api/incidents/${id}`).set(auth(hotline)).send({ riskLevel: 'high' }).expect(403);
  });

  it('refuses a late notification without a reason, records it with one, and then holds awareAt in place', async () => {
    const awareAt = hoursAgo(100);
    const id = await createIncident({ discoveredAt: hoursAgo(120), awareAt });
    expect((await deadlines(id))[0]).toMatchObject({ recipient: 'authority', status: 'late' });
    const body = { phase: 'initial', submittedAt: hoursAgo(1), reference: 'M-2026-0001' };
    const refused = await request(t.http).post(`/api/incidents/${id}/authority-notifications`).set(auth(admin)).send(body).expect(400);
    expect(refused.body.message).toMatch(/after the deadline of .* record the reasons for the delay in delayReason/);
    await request(t.http).post(`/api/incidents/${id}/authority-notifications`).set(auth(ada)).send({ ...body, delayReason: 'x' }).expect(403);
    const ok = await request(t.http)
      .post(`/api/incidents/${id}/authority-notifications`)
      .set(auth(admin))
      .send({ ...body, delayReason: 'The scope was unknown until the contractor’s logs arrived.' })
      .expect(201);
    expect(ok.body).toMatchObject({ recipient: 'authority', phase: 'initial', reference: 'M-2026-0001', deadline: { status: 'met', submittedAt: body.submittedAt } });
    expect((await deadlines(id))[0]).toMatchObject({ status: 'met', delayReason: 'The scope was unknown until the contractor’s logs arrived.' });
    // A supplement later needs no delay reason; a second initial is refused.
    await request(t.http).post(`/api/incidents/${id}/authority-notifications`).set(auth(admin)).send({ phase: 'supplement', submittedAt: hoursAgo(0.5), reference: 'M-2026-0001' }).expect(201);
    await request(t.http).post(`/api/incidents/${id}/authority-notifications`).set(auth(admin)).send(body).expect(409);
    const moved = await request(t.http).patch(`/api/incidents/${id}`).set(auth(ada)).send({ awareAt: hoursAgo(50) }).expect(409);
    expect(moved.body.message).toMatch(/awareAt cannot move/);
    await request(t.http).patch(`/api/incidents/${id}`).set(auth(ada)).send({ awareAt, subjectsMax: 100 }).expect(200);
  });

  it('accepts a notification in time without a reason', async () => {
    const id = await createIncident({ discoveredAt: hoursAgo(3) });
    await request(t.http).post(`/api/incidents/${id}/authority-notifications`).set(auth(admin)).send({ phase: 'initial', submittedAt: hoursAgo(1), reference: 'M-2' }).expect(201);
    expect((await deadlines(id))[0]).toMatchObject({ status: 'met', delayReason: null });
  });

  describe('with a campaign that ran', () => {
    let id: number;
    beforeAll(async () => {
      id = await createIncident({ discoveredAt: hoursAgo(30), awareAt: hoursAgo(26), role: 'processor', controller: { name: 'Opdrachtgever BV', email: 'privacy@opdrachtgever.example' }, nature: ['confidentiality', 'integrity'], riskLevel: 'high' });
      await seedCustomers(inst.db, id, [
        ...Array.from({ length: 5 }, (_, i) => ({ customerNumber: `P${i}`, name: `Foto ${i}`, email: `p${i}@example.test`, tier: 'photographed' as const, exposed: ['name' as const, 'email' as const, 'iban' as const, 'customerNumber' as const] })),
        ...Array.from({ length: 7 }, (_, i) => ({ customerNumber: `V${i}`, name: `Bekeken ${i}`, email: `v${i}@example.test`, tier: 'viewed' as const, exposed: ['name' as const, 'email' as const, 'customerNumber' as const] })),
        ...Array.from({ length: 3 }, (_, i) => ({ customerNumber: `S${i}`, name: `Gezocht ${i}`, street: 'Dorpsstraat', houseNumber: String(i + 1), postcode: '1234 AB', city: 'Testdorp', tier: 'searched' as const, exposed: ['name' as const, 'address' as const, 'customerNumber' as const] })),
      ]);
      const before = await deadlines(id);
      expect(before.find((d) => d.recipient === 'dataSubjects')).toMatchObject({ status: 'open' });
      const campaignId = await createApprovedCampaign(t, id, ada, bram);
      await request(t.http).post(`/api/campaigns/${campaignId}/start`).set(auth(ada)).expect(202);
      await until(() => counts(t, campaignId, ada), (c) => c.counts.sent === 12);
    });

    it('meets the data subjects deadline with the first letter sent', async () => {
      const [row] = await inst.db.query<{ at: Date }[]>('SELECT MIN(sentAt) at FROM letters');
      expect((await deadlines(id)).find((d) => d.recipient === 'dataSubjects')).toEqual({ recipient: 'dataSubjects', dueAt: null, status: 'met', submittedAt: new Date(row.at).toISOString(), delayReason: null });
    });

    it('fills the authority report draft from the incident and its letters', async () => {
      const r = (await request(t.http).get(`/api/incidents/${id}/authority-report`).set(auth(ada)).expect(200)).body;
      expect(Object.keys(r).filter((k) => /^s\d$/.test(k))).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9']);
      expect(r.s0).toMatchObject({ phase: 'initial', reference: null });
      expect(r.s1).toMatchObject({ organisation: base.company, role: 'processor', controller: { name: 'Opdrachtgever BV', email: 'privacy@opdrachtgever.example' } });
      expect(r.s3.nature.map((n: { nature: string }) => n.nature)).toEqual(['confidentiality', 'integrity']);
      expect(Object.fromEntries(r.s4.categories.map((c: { category: string; people: number }) => [c.category, c.people]))).toEqual({ name: 15, email: 12, address: 3, customerNumber: 15, iban: 5 });
      expect(r.s5).toMatchObject({ min: 15, max: 15, byTier: [expect.objectContaining({ tier: 'photographed', people: 5 }), expect.objectContaining({ tier: 'viewed', people: 7 }), expect.objectContaining({ tier: 'searched', people: 3 })] });
      const [email, post] = r.s8.channels;
      expect(email).toMatchObject({ channel: 'email', letters: 12, sent: 12, customers: 12 });
      expect(post).toMatchObject({ channel: 'post', letters: 3, posted: 0 });
      expect(r.s8).toMatchObject({ dataSubjectsInformed: 'partly', informedPeople: 12 });
      expect(r.s8.firstInformedAt).toBe((await deadlines(id)).find((d) => d.recipient === 'dataSubjects')!.submittedAt);
      const text = await request(t.http).get(`/api/incidents/${id}/authority-report?format=text`).set(auth(ada)).expect(200);
      expect(text.headers['content-type']).toMatch(/^text\/plain/);
      expect(text.text).toMatch(/^0\. About this notification/);
      expect(text.text).toContain('Bank account number (IBAN) (Financial data): 5 people');
      expect(text.text).toContain('By e-mail: 12 sent of 12');
      expect(text.text).toMatch(/\n9\. Other\n/);
      expect(text.text).not.toMatch(/example\.test|Foto 0/);
    });

    it('e-mails the controller what Art. 33(3) asks and records it as the controller deadline', async () => {
      sink.messages.length = 0;
      const res = await request(t.http).post(`/api/incidents/${id}/controller-notification`).set(auth(admin)).send({}).expect(202);
      expect(res.body).toMatchObject({ status: 'sent', phase: 'initial', deadline: { recipient: 'controller', status: 'met' } });
      const mail = await until(
        () => Promise.resolve(sink.messages.find((m) => m.to.includes('privacy@opdrachtgever.example'))),
        (m) => m !== undefined,
      );
      const text = mail!.parsed.text ?? '';
      expect(mail!.parsed.subject).toBe(`Personal data breach notification from ${base.company} (incident ${id})`);
      expect(text).toMatch(/Approximately 15 people and 15 records/);
      expect(text).toMatch(/Bank account number \(IBAN\): 5 people/);
      expect(text).toMatch(/Likely consequences/i);
      expect(text).toMatch(/Measures taken or proposed/i);
      expect(text).toContain(base.hotlinePhone);
      expect((await deadlines(id)).find((d) => d.recipient === 'controller')).toMatchObject({ status: 'met', submittedAt: res.body.submittedAt });
      const again = await request(t.http).post(`/api/incidents/${id}/controller-notification`).set(auth(admin)).send({}).expect(400);
      expect(again.body.message).toMatch(/supplement needs a note/);
      const supplement = await request(t.http).post(`/api/incidents/${id}/controller-notification`).set(auth(admin)).send({ note: 'The forensic report is in.' }).expect(202);
      expect(supplement.body.phase).toBe('supplement');
      const controllerIncident = await createIncident({ discoveredAt: hoursAgo(1) });
      await request(t.http).post(`/api/incidents/${controllerIncident}/controller-notification`).set(auth(admin)).send({}).expect(409);
    });

    it('exports the register as formula-safe CSV, one row per incident, for admins only', async () => {
      const hostile = await createIncident({ discoveredAt: hoursAgo(2), title: '=HYPERLINK("http://evil.example","x")', consequences: '+31 people, "quoted",\nand a second line' });
      await request(t.http).get('/api/register').set(auth(ada)).expect(403);
      const res = await request(t.http).get('/api/register').set(auth(admin)).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const parsed = Papa.parse<Record<string, string>>(res.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const ids = (await inst.db.query<{ id: number }[]>('SELECT id FROM incidents ORDER BY id')).map((r) => String(r.id));
      expect(parsed.data.map((r) => r.incidentId)).toEqual(ids);
      const evil = parsed.data.find((r) => r.incidentId === String(hostile))!;
      expect(evil.title).toBe(`'=HYPERLINK("http://evil.example","x")`);
      expect(evil.consequences).toBe(`'+31 people, "quoted",\nand a second line`);
      const ran = parsed.data.find((r) => r.incidentId === String(id))!;
      expect(ran).toMatchObject({ role: 'processor', customersPhotographed: '5', customersViewed: '7', customersSearched: '3', emailsSent: '12', controllerStatus: 'met', dataSubjectsStatus: 'met', nature: 'confidentiality|integrity' });
      expect(ran.dataCategories).toBe('name:15|email:12|address:3|customerNumber:15|iban:5');
    });
  });
});
