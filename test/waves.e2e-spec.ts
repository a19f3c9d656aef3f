import request from 'supertest';
import { WarningLedger } from '../src/campaigns/warning-ledger.service';
import { categoriesToMask, Category, TIER_SEVERITY } from '../src/customers/tiers';
import { auth, counts, until } from './campaigns.support';
import { customerNumbersById, numberIndex, SeedCustomer, seedCustomers, seedIncident } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;

const BASE: Category[] = ['name', 'email', 'address', 'customerNumber'];

function customer(n: string, tier: SeedCustomer['tier'], extra: Partial<SeedCustomer> = {}): SeedCustomer {
  return { customerNumber: n, name: `Klant ${n}`, email: `${n.toLowerCase()}@waves.example`, street: 'Dorpsstraat', houseNumber: '1', postcode: '1234 AB', city: 'Testdorp', tier, exposed: BASE, ...extra };
}

describe('campaign waves', () => {
  let inst: TestInstallation;
  let sink: Sink;
  let t: TestApp;
  let ada: string;
  let bram: string;
  let hotline: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url, sendRate: 200, reconcileIntervalSeconds: 1 });
    ada = (await inst.staffToken('comms', 'Ada')).token;
    bram = (await inst.staffToken('comms', 'Bram')).token;
    hotline = (await inst.staffToken('hotline', 'Hanna')).token;
    t = await inst.startApp();
  });
  afterAll(async () => {
    await inst.close();
    await sink.close();
  });

  const create = (incidentId: number, body: object) => request(t.http).post(`/api/incidents/${incidentId}/campaigns`).set(auth(ada)).send(body);
  const finished = (id: number) => until(() => counts(t, id, ada), (c) => c.status === 'completed');

  async function approveAndSend(id: number): Promise<void> {
    await request(t.http).post(`/api/campaigns/${id}/approve`).set(auth(bram)).expect(200);
    await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
    await finished(id);
  }

  /** Customer number → messages the sink received for that campaign's letters. */
  async function received(campaignId: number) {
    const rows: { id: string; customerId: string }[] = await inst.db.query('SELECT l.id, l.customerId FROM letters l WHERE l.campaignId = ?', [campaignId]);
    const numbers = await customerNumbersById(inst.db);
    const byLetter = new Map(rows.map((r) => [String(r.id), numbers.get(String(r.customerId))!]));
    const out = new Map<string, (typeof sink.messages)[number][]>();
    for (const m of sink.messages) {
      const number = m.letterId && byLetter.get(m.letterId);
      if (number) out.set(number, [...(out.get(number) ?? []), m]);
    }
    return out;
  }

  describe('three waves on one incident', () => {
    let incidentId: number;
    let first: number;
    let second: number;
    const firstWave: SeedCustomer[] = [];

    beforeAll(async () => {
      sink.messages.length = 0;
      incidentId = await seedIncident(inst.db);
      for (let i = 1; i <= 70; i++) {
        const n = `K${String(i).padStart(3, '0')}`;
        const tier = i <= 30 ? 'searched' : i <= 55 ? 'viewed' : 'photographed';
        // K069 and K070 have no e-mail address: their letters go by post and stay pending, and still count as warned.
        const extra: Partial<SeedCustomer> = i >= 69 ? { email: null } : i % 10 === 1 ? { language: 'en' } : {};
        firstWave.push(customer(n, tier, extra));
      }
      await seedCustomers(inst.db, incidentId, firstWave);
    });

    it('first warning campaign: all 70 customers, each once', async () => {
      const res = await create(incidentId, { tiers: ['photographed', 'viewed', 'searched'] }).expect(201);
      expect(res.body).toMatchObject({ status: 'draft', kind: 'warning', recipients: 70, email: 68, post: 2, alreadyWarned: 0, upgraded: 0 });
      first = res.body.id;
      await approveAndSend(first);
      const got = await received(first);
      expect(got.size).toBe(68);
      for (const [, msgs] of got) expect(msgs).toHaveLength(1);
      const ledger: { n: string }[] = await inst.db.query('SELECT COUNT(*) n FROM warnings WHERE incidentId = ?', [incidentId]);
      expect(Number(ledger[0].n)).toBe(70);
    });

    it('second warning campaign after 20 new and 8 upgraded customers: exactly those 28, follow-ups saying what changed', async () => {
      const newcomers = Array.from({ length: 20 }, (_, i) => customer(`N${String(i + 1).padStart(3, '0')}`, (['searched', 'viewed', 'photographed'] as const)[i % 3]));
      await seedCustomers(inst.db, incidentId, newcomers);
      const upgrade = async (n: string, tier: 'viewed' | 'photographed', exposed: Category[] = BASE) =>
        inst.db.query('UPDATE affected_customers SET tierSeverity = ?, exposedMask = ? WHERE incidentId = ? AND numberIndex = ?', [TIER_SEVERITY[tier], categoriesToMask(exposed), incidentId, numberIndex(n)]);
      await upgrade('K001', 'viewed', [...BASE, 'iban']); // English, new data
      await upgrade('K002', 'viewed');
      await upgrade('K003', 'viewed');
      await upgrade('K004', 'viewed');
      await upgrade('K005', 'photographed', [...BASE, 'phone', 'birthDate']);
      await upgrade('K006', 'photographed');
      await upgrade('K031', 'photographed'); // English
      await upgrade('K032', 'photographed');

      const plan = await request(t.http).post(`/api/incidents/${incidentId}/campaign-plans`).set(auth(ada)).send({ tiers: ['photographed', 'viewed', 'searched'] }).expect(200);
      expect(plan.body).toMatchObject({ recipients: 28, alreadyWarned: 62, upgraded: 8 });
      const res = await create(incidentId, { tiers: ['photographed', 'viewed', 'searched'] }).expect(201);
      expect(res.body).toMatchObject({ kind: 'warning', recipients: 28, email: 28, post: 0, alreadyWarned: 62, upgraded: 8 });
      second = res.body.id;
      sink.messages.length = 0;
      await approveAndSend(second);
      const got = await received(second);
      const expected = [...newcomers.map((c) => c.customerNumber), 'K001', 'K002', 'K003', 'K004', 'K005', 'K006', 'K031', 'K032'].sort();
      expect([...got.keys()].sort()).toEqual(expected);
      expect(sink.messages).toHaveLength(28);
      for (const [, msgs] of got) expect(msgs).toHaveLength(1);

      const text = (n: string) => got.get(n)![0].parsed.text ?? '';
      const html = (n: string) => String(got.get(n)![0].parsed.html);
      // New customers get the first warning, without a follow-up opening.
      expect(text('N001')).not.toMatch(/nieuwe brief|new letter/i);
      // searched → viewed, English, with only the new data named in the opening.
      expect(got.get('K001')![0].parsed.subject).toMatch(/^New information\. Data breach at /);
      expect(text('K001')).toMatch(/A new letter: something has changed/);
      expect(text('K001')).toMatch(/may have been visible.*Now we know someone did open your details/s);
      expect(text('K001')).toMatch(/It is now also about your bank account number \(IBAN\)\./);
      // searched → viewed, Dutch, same data.
      expect(text('K002')).toMatch(/Een nieuwe brief: er is iets veranderd/);
      expect(text('K002')).toMatch(/dezelfde gegevens als in onze eerste brief/);
      expect(html('K002')).toContain('Een nieuwe brief');
      // searched → photographed, two new categories, Dutch.
      expect(text('K005')).toMatch(/misschien zichtbaar.*gefotografeerd en doorgegeven/s);
      expect(text('K005')).toMatch(/Het gaat nu ook om uw telefoonnummer en uw geboortedatum\./);
      expect(got.get('K005')![0].parsed.subject).toMatch(/^Nieuwe informatie\. Datalek bij .*gefotografeerd/);
      // viewed → photographed, English.
      expect(text('K031')).toMatch(/someone opened your details without a reason\. Now we know that they were also photographed/);
      expect(text('K032')).toMatch(/zonder reden had geopend\. Nu weten wij dat ze ook zijn gefotografeerd/);
      // Nobody of the first wave who stayed at their tier got anything.
      for (const n of ['K007', 'K033', 'K060', 'K069']) expect(got.has(n)).toBe(false);
    });

    it('a third warning campaign has nobody to send to: 400 saying why', async () => {
      const res = await create(incidentId, { tiers: ['photographed', 'viewed', 'searched'] }).expect(400);
      expect(res.body.message).toMatch(/all 90 customers .* have already been warned at their current tier/);
      expect(res.body.message).toMatch(/update campaign/);
    });

    it('an update campaign goes to everybody warned, with the team’s text escaped and paragraphs kept', async () => {
      const hostile = {
        nl: {
          subject: 'Nieuws <b>belangrijk</b>',
          body: 'Eerste alinea <script>alert("x")</script> met <a href="http://evil.example">een link</a>.\n\nTweede alinea\nmet een regel\u202Egnissap\u202C erin & meer.',
        },
        en: { subject: 'News about the data breach', body: 'First paragraph.\n\nSecond <img src=x onerror=alert(1)> paragraph.' },
      };
      const res = await create(incidentId, { tiers: ['photographed', 'viewed', 'searched'], kind: 'update', update: hostile }).expect(201);
      expect(res.body).toMatchObject({ kind: 'update', recipients: 90, email: 88, post: 2, alreadyWarned: 90, upgraded: 0 });
      const id = res.body.id;
      const view = await request(t.http).get(`/api/campaigns/${id}`).set(auth(ada)).expect(200);
      expect(view.body.update).toEqual(hostile);
      // Read before a colleague approves it: the letter as it will be sent.
      const sample = await request(t.http).get(`/api/campaigns/${id}/sample-letter?language=en`).set(auth(ada)).expect(200);
      expect(sample.headers['content-type']).toMatch(/text\/html/);
      expect(sample.text).toContain('Second &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; paragraph.');
      const followUp = await request(t.http).get(`/api/campaigns/${second}/customers/K005/letter`).set(auth(ada)).expect(200);
      expect(followUp.text).toContain('Een nieuwe brief');
      const notIn = await request(t.http).get(`/api/campaigns/${first}/customers/N001/letter`).set(auth(ada)).expect(404);
      expect(notIn.body.message).not.toContain('N001');
      sink.messages.length = 0;
      await approveAndSend(id);
      const got = await received(id);
      expect(got.size).toBe(88);
      for (const [, msgs] of got) expect(msgs).toHaveLength(1);
      const nl = got.get('K002')![0].parsed;
      expect(nl.subject).toBe('Datalek bij Testbedrijf Fictief BV: Nieuws <b>belangrijk</b>');
      const h = String(nl.html);
      expect(h).not.toMatch(/<script|<b>belangrijk|href="http:\/\/evil/);
      expect(h).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(h).toContain('<p>Tweede alinea met een regelgnissap erin &amp; meer.</p>');
      expect(h).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      // Hotline and the letter's own link as always.
      expect(h).toContain('tel:08000001111');
      expect(h).toMatch(/href="http:\/\/fw\.test\/l\/[A-Za-z0-9_-]{22}#confirm"/);
      for (const m of h.matchAll(/href="(https?:[^"]+)"/g)) expect(m[1]).toMatch(/^http:\/\/fw\.test\/l\//);
      expect(nl.text).toMatch(/Eerste alinea <script>alert\("x"\)<\/script>/);
      const en = got.get('K001')![0].parsed;
      expect(en.subject).toBe('News about the data breach');
      expect(String(en.html)).toMatch(/<p>Second &lt;img src&#x3D;x onerror&#x3D;alert\(1\)&gt; paragraph\.<\/p>/);
      expect(String(en.html)).not.toMatch(/<img src=x/);
      // An update never counts as a warning.
      const ledger: { n: string }[] = await inst.db.query('SELECT COUNT(*) n FROM warnings WHERE incidentId = ?', [incidentId]);
      expect(Number(ledger[0].n)).toBe(98);
    });

    it('the hotline sees every wave in the letter timeline', async () => {
      const res = await request(t.http).post('/api/hotline/lookup').set(auth(hotline)).send({ incidentId, reason: 'caller asks about letters', customerNumber: 'K005' }).expect(200);
      expect(res.body.customer.letters.map((l: { kind: string; campaignId: number }) => [l.kind, l.campaignId])).toEqual([
        ['warning', first],
        ['follow-up', second],
        ['update', expect.any(Number)],
      ]);
    });
  });

  describe('update campaign requests', () => {
    it('refuses an update with nobody warned yet, and text over the limits, saying what to change', async () => {
      const incidentId = await seedIncident(inst.db);
      await seedCustomers(inst.db, incidentId, [customer('U1', 'viewed')]);
      const none = await create(incidentId, { tiers: ['viewed'], kind: 'update', update: { nl: { subject: 'Nieuws', body: 'Tekst.' } } }).expect(400);
      expect(none.body.message).toMatch(/none of the 1 customers .* has been warned yet/);
      const long = await create(incidentId, { tiers: ['viewed'], kind: 'update', update: { nl: { subject: 'x'.repeat(151), body: 'y'.repeat(6001) } } }).expect(400);
      expect(long.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/subject is 151 characters; at most 150/), expect.stringMatching(/body is 6001 characters; at most 6000/)]));
      const missing = await create(incidentId, { tiers: ['viewed'], kind: 'update' }).expect(400);
      expect(JSON.stringify(missing.body.message)).toMatch(/needs its text/);
      const stray = await create(incidentId, { tiers: ['viewed'], update: { nl: { subject: 'a', body: 'b' } } }).expect(400);
      expect(stray.body.message).toEqual([expect.stringMatching(/only for campaigns of kind "update"/)]);
    });
  });

  describe('reminders', () => {
    it('reminds who neither clicked nor confirmed after N days: by post from 75, else by e-mail, counted in the campaign', async () => {
      sink.messages.length = 0;
      const incidentId = await seedIncident(inst.db);
      await seedCustomers(inst.db, incidentId, [
        customer('R1', 'viewed', { birthDate: '1940-03-01' }),
        customer('R2', 'viewed', { birthDate: '1990-03-01' }),
        customer('R3', 'searched'),
        customer('R4', 'photographed'),
        customer('R5', 'viewed', { email: null }),
        customer('R6', 'searched', { language: 'en' }),
      ]);
      const warning = (await create(incidentId, { tiers: ['photographed', 'viewed', 'searched'] }).expect(201)).body.id as number;
      await approveAndSend(warning);
      const token = async (n: string) =>
        (await inst.db.query<{ token: string }[]>('SELECT l.token FROM letters l JOIN affected_customers c ON c.id = l.customerId WHERE l.campaignId = ? AND c.numberIndex = ?', [warning, numberIndex(n)]))[0].token;
      const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
      await request(t.http).get(`/l/${await token('R3')}`).set('User-Agent', browser).expect(200);
      await request(t.http).post(`/l/${await token('R4')}/ack`).set('User-Agent', browser).expect(200);

      const body = { tiers: ['photographed', 'viewed', 'searched'], kind: 'reminder', reminder: { campaignId: warning, afterDays: 7 } };
      const early = await create(incidentId, body).expect(400);
      expect(early.body.message).toEqual([expect.stringMatching(/a reminder after 7 days can be created from \d{4}-\d\d-\d\d \d\d:\d\d UTC/)]);
      // A week and a day later.
      await inst.db.query('UPDATE campaigns SET startedAt = startedAt - INTERVAL 8 DAY WHERE id = ?', [warning]);
      await inst.db.query('UPDATE letters SET sentAt = sentAt - INTERVAL 8 DAY WHERE campaignId = ?', [warning]);

      const res = await create(incidentId, body).expect(201);
      expect(res.body).toMatchObject({ kind: 'reminder', recipients: 4, email: 2, post: 2 });
      const id = res.body.id as number;
      const numbers = await customerNumbersById(inst.db);
      const channels = (await inst.db.query<{ customerId: string; channel: string; kind: string }[]>('SELECT l.customerId, l.channel, l.kind FROM letters l WHERE l.campaignId = ?', [id]))
        .map((r) => ({ customerNumber: numbers.get(String(r.customerId))!, channel: r.channel, kind: r.kind }))
        .sort((a, b) => a.customerNumber.localeCompare(b.customerNumber));
      expect(channels).toEqual([
        { customerNumber: 'R1', channel: 'post', kind: 'reminder' },
        { customerNumber: 'R2', channel: 'email', kind: 'reminder' },
        { customerNumber: 'R5', channel: 'post', kind: 'reminder' },
        { customerNumber: 'R6', channel: 'email', kind: 'reminder' },
      ]);
      sink.messages.length = 0;
      await approveAndSend(id);
      const done = await counts(t, id, ada);
      expect(done.counts).toMatchObject({ total: 4, email: 2, post: 2, sent: 2, pending: 2 });
      const got = await received(id);
      expect([...got.keys()].sort()).toEqual(['R2', 'R6']);
      expect(got.get('R2')![0].parsed.subject).toMatch(/^Herinnering\. Datalek bij /);
      expect(got.get('R2')![0].parsed.text).toMatch(/Herinnering: hebt u onze brief gelezen\?/);
      expect(got.get('R6')![0].parsed.text).toMatch(/we sent you a letter about the data breach at Testbedrijf Fictief BV/);
      expect((await counts(t, warning, ada)).counts.reminded).toBe(4);
      // A reminder is not a warning: the ledger holds only the first campaign.
      const ledger: { n: string }[] = await inst.db.query('SELECT COUNT(*) n FROM warnings WHERE incidentId = ?', [incidentId]);
      expect(Number(ledger[0].n)).toBe(6);
      const update = await create(incidentId, { ...body, reminder: { campaignId: id, afterDays: 1 } }).expect(400);
      expect(update.body.message).toEqual([expect.stringMatching(/reminders follow up warning campaigns/)]);
    });
  });

  describe('two campaigns at the same time', () => {
    it('never warns a customer twice at one severity when both are created, approved and started at once', async () => {
      sink.messages.length = 0;
      const incidentId = await seedIncident(inst.db);
      await seedCustomers(inst.db, incidentId, 40, 'race.example');
      const tiers = ['photographed', 'viewed', 'searched'];
      const [a, b] = await Promise.all([create(incidentId, { tiers }).expect(201), create(incidentId, { tiers }).expect(201)]);
      expect(a.body.recipients).toBe(40);
      expect(b.body.recipients).toBe(40);
      await Promise.all([a.body.id, b.body.id].map((id: number) => request(t.http).post(`/api/campaigns/${id}/approve`).set(auth(bram)).expect(200)));
      const starts = await Promise.all([a.body.id, b.body.id].map((id: number) => request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada))));
      // One may be refused because the other's warnings changed its recipients; either way nobody gets two.
      for (const s of starts) expect([202, 409]).toContain(s.status);
      for (const [i, s] of starts.entries()) if (s.status === 202) await finished([a.body.id, b.body.id][i]);
      const perCustomer = new Map<string, number>();
      for (const m of sink.messages) for (const to of m.to) perCustomer.set(to, (perCustomer.get(to) ?? 0) + 1);
      expect(perCustomer.size).toBe(40);
      expect([...perCustomer.values()].every((n) => n === 1)).toBe(true);
      const [ca, cb] = await Promise.all([counts(t, a.body.id, ada), counts(t, b.body.id, ada)]);
      expect(ca.counts.sent + cb.counts.sent).toBe(40);
      // Both started: the second to reach the ledger dropped every letter, and says so in its counts.
      const refused = starts.filter((s) => s.status === 409).length;
      expect(ca.counts.alreadyWarned + cb.counts.alreadyWarned).toBe(refused ? 0 : 40);
    });

    it('lets the database decide when two starts write the ledger at the same moment', async () => {
      const incidentId = await seedIncident(inst.db);
      await seedCustomers(inst.db, incidentId, 30, 'ledger.example');
      const tiers = ['photographed', 'viewed', 'searched'];
      const a = (await create(incidentId, { tiers }).expect(201)).body.id as number;
      const b = (await create(incidentId, { tiers }).expect(201)).body.id as number;
      const ledger = t.app.get(WarningLedger);
      // Two transactions, as two start() calls in two processes would run them: the second waits for the first, then finds every key taken.
      const one = inst.db.createQueryRunner();
      const two = inst.db.createQueryRunner();
      await one.startTransaction();
      await two.startTransaction();
      try {
        const first = await ledger.recordAtStart(one.manager, a);
        const second = ledger.recordAtStart(two.manager, b);
        await one.commitTransaction();
        const late = await second;
        await two.commitTransaction();
        expect(first).toEqual({ warned: 30, alreadyWarned: 0 });
        expect(late).toEqual({ warned: 0, alreadyWarned: 30 });
      } finally {
        await one.release();
        await two.release();
      }
      const left: { n: string }[] = await inst.db.query('SELECT COUNT(*) n FROM letters WHERE campaignId = ?', [b]);
      expect(Number(left[0].n)).toBe(0);
      expect((await counts(t, b, ada)).counts.alreadyWarned).toBe(30);
      // And a second row for one customer and severity is refused outright.
      const [w]: { customerId: string; severity: number; letterId: string }[] = await inst.db.query('SELECT customerId, severity, letterId FROM warnings WHERE campaignId = ? LIMIT 1', [a]);
      await expect(
        inst.db.query('INSERT INTO warnings (incidentId, customerId, severity, letterId, campaignId, exposedMask) VALUES (?,?,?,?,?,0)', [incidentId, w.customerId, w.severity, '999999999', b]),
      ).rejects.toThrow(/Duplicate entry/);
    });
  });
});
