import Redis from 'ioredis';
import request from 'supertest';
import { BreachReportsService } from '../src/register/breach-reports.service';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';
import { auth } from './campaigns.support';

const valid = { whatHappened: 'Found printed customer lists in a bin.', noticedAt: 'this morning', name: 'Piet Melder', email: 'piet@example.org' };

/** The public form with hostile and oversized input, its per-IP limit, and what admins do with the reports. */
describe(BreachReportsService.name, () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inst: TestInstallation;
  let t: TestApp;
  let admin: string;
  let comms: string;
  const stored = async () => Number((await inst.db.query<{ n: string }[]>('SELECT COUNT(*) n FROM breach_reports'))[0].n);

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url, breachReportLimit: 4, breachReportWindowSeconds: 3600 });
    t = await inst.startApp();
    admin = (await inst.staffToken('admin', 'Eva', 'eva@staff.example')).token;
    comms = (await inst.staffToken('comms', 'Ada')).token;
  });
  afterAll(async () => {
    await sink?.close();
    await inst?.close();
  });

  it('escapes hostile input when showing it again, strips control and direction-override characters, and stores nothing', async () => {
    const res = await request(t.http)
      .post('/report?lang=en')
      .type('form')
      .send({ whatHappened: '<script>alert(1)</script>"><img src=x onerror=alert(2)>', name: 'Ev\u202Eil\u0000 Name', email: '"><svg onload=alert(3)>' })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).not.toMatch(/<script>alert|<img src=x|<svg onload/);
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(res.text).toContain('value="Evil Name"');
    expect(res.text).toContain('<a href="#noticedAt">Enter when you noticed it</a>');
    expect(res.text).toContain('<a href="#email">Enter an email address like name@example.com</a>');
    expect(await stored()).toBe(0);
  });

  it('treats fields sent twice or as objects as not answered, instead of failing', async () => {
    const res = await request(t.http).post('/report?lang=en').type('form').send('whatHappened=a&whatHappened=b&name[x]=1&noticedAt=today&email=a@b.example').expect(400);
    expect(res.text).toContain('Describe what happened');
    expect(res.text).toContain('Enter your name');
  });

  it('says which field is too long and keeps the text, and refuses a body too large to read with a 413', async () => {
    const long = 'x'.repeat(5001);
    const res = await request(t.http).post('/report?lang=en').type('form').send({ ...valid, whatHappened: long, organisation: 'o'.repeat(201) }).expect(400);
    expect(res.text).toContain('What happened must be 5,000 characters or fewer');
    expect(res.text).toContain('Your organisation must be 200 characters or fewer');
    expect(res.text).toContain(long);
    const huge = await request(t.http).post('/report?lang=en').type('form').send({ ...valid, whatHappened: 'y'.repeat(300_000) }).expect(413);
    // Nest 12 wraps body-parser's error in a 413; the filter answers it with a message a person can act on.
    expect(huge.body.message).toMatch(/larger than this server accepts/);
    expect(await stored()).toBe(0);
  });

  it('asks for an email address or a phone number, and accepts either', async () => {
    const none = await request(t.http).post('/report?lang=en').type('form').send({ ...valid, email: '' }).expect(400);
    expect(none.text).toContain('Enter your email address or your phone number');
    const phoneOnly = await request(t.http).post('/report?lang=nl').type('form').send({ ...valid, email: '', phone: '+31 6 1234 5678' }).expect(303);
    expect(phoneOnly.headers.location).toMatch(/^\/report\/received\?lang=nl&ref=MR-[2-9A-Z]{8}$/);
    const thanks = await request(t.http).get(phoneOnly.headers.location).expect(200);
    expect(thanks.text).toContain('Bedankt voor uw melding');
    expect(thanks.text).not.toMatch(/Piet|1234 5678|printed customer lists/);
  });

  it('limits reports per IP address in Redis and says when to try again', async () => {
    const before = await stored();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await request(t.http).post('/report?lang=en').type('form').send(valid)).status);
    // One report was already sent from this address by the previous test; the limit is 4.
    expect(statuses).toEqual([303, 303, 303, 429, 429]);
    const limited = await request(t.http).post('/report?lang=en').type('form').send(valid).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.text).toContain('Please try again in');
    expect(await stored()).toBe(before + 3);
    const redis = new Redis(inst.config.redisUrl);
    const keys = await redis.keys(`${inst.config.queuePrefix}:breach-reports:ip:*`);
    redis.disconnect();
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toMatch(/127\.0\.0\.1|::/);
  });

  it('lets admins list, reject with a reason, and turn a report into an incident aware from the report time', async () => {
    await request(t.http).get('/api/breach-reports').set(auth(comms)).expect(403);
    const list = (await request(t.http).get('/api/breach-reports').set(auth(admin)).expect(200)).body as { id: number; receivedAt: string; status: string }[];
    expect(list.length).toBe(4);
    const [first, second] = list;
    const noReason = await request(t.http).post(`/api/breach-reports/${first.id}/reject`).set(auth(admin)).send({ reason: ' ' }).expect(400);
    expect(noReason.body.message).toMatch(/reason/);
    const rejected = await request(t.http).post(`/api/breach-reports/${first.id}/reject`).set(auth(admin)).send({ reason: 'Own invoice, not a breach.' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'Own invoice, not a breach.' });
    await request(t.http).post(`/api/breach-reports/${first.id}/incident`).set(auth(admin)).send({}).expect(409);
    // No incident yet to take the hotline from: the answer says what to give.
    const noHotline = await request(t.http).post(`/api/breach-reports/${second.id}/incident`).set(auth(admin)).send({}).expect(400);
    expect(noHotline.body.message).toMatch(/hotlinePhone and hotlineEmail/);
    const made = await request(t.http)
      .post(`/api/breach-reports/${second.id}/incident`)
      .set(auth(admin))
      .send({ company: 'Testbedrijf Fictief BV', hotlinePhone: '0800 000 1111', hotlineEmail: 'datalek@testbedrijf.example' })
      .expect(201);
    expect(made.body.report).toMatchObject({ status: 'incident', incidentId: made.body.incident.id });
    expect(made.body.incident).toMatchObject({ awareAt: second.receivedAt, discoveredAt: second.receivedAt, company: 'Testbedrijf Fictief BV' });
    const deadlines = (await request(t.http).get(`/api/incidents/${made.body.incident.id}/deadlines`).set(auth(admin)).expect(200)).body as { recipient: string; dueAt: string }[];
    expect(deadlines[0]).toEqual(expect.objectContaining({ recipient: 'authority', dueAt: new Date(Date.parse(second.receivedAt) + 72 * 3600_000).toISOString() }));
    const audit = (await request(t.http).get('/api/audit?action=register.breach-reports-read').set(auth(admin)).expect(200)).body as unknown[];
    expect(audit.length).toBeGreaterThan(0);
  });
});
