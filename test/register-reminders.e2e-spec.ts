import request from 'supertest';
import { RemindersService } from '../src/register/reminders.service';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';
import { auth, sleep, until } from './campaigns.support';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const base = { company: 'Testbedrijf Fictief BV', hotlinePhone: '0800 000 1111', hotlineEmail: 'datalek@testbedrijf.example' };

/** Deadline reminders: 24 h and 4 h before an open deadline, once per admin, with two workers racing and after a restart. */
describe(RemindersService.name, () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inst: TestInstallation;
  let api: TestApp;
  let admin: string;
  const incidents: Record<string, number> = {};

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url, reminderIntervalSeconds: 1 });
    api = await inst.startApp({ appRole: 'api' });
    admin = (await inst.staffToken('admin', 'Eva', 'eva@staff.example')).token;
    await inst.staffToken('admin', 'Femke', 'femke@staff.example');
    await inst.staffToken('admin', 'Gijs (no e-mail)');
    await inst.staffToken('comms', 'Ada', 'ada@staff.example');
    const create = async (name: string, body: Record<string, unknown>) => {
      const res = await request(api.http).post('/api/incidents').set(auth(admin)).send({ title: name, ...base, ...body }).expect(201);
      incidents[name] = res.body.id as number;
    };
    await create('authority in 22 h', { discoveredAt: hoursAgo(50) });
    await create('authority in 3 h', { discoveredAt: hoursAgo(69) });
    await create('controller in 18 h', { discoveredAt: hoursAgo(30), role: 'processor', controller: { name: 'Opdrachtgever BV', email: 'privacy@opdrachtgever.example' } });
    await create('authority in 60 h', { discoveredAt: hoursAgo(12) });
    await create('already notified', { discoveredAt: hoursAgo(60) });
    await request(api.http).post(`/api/incidents/${incidents['already notified']}/authority-notifications`).set(auth(admin)).send({ phase: 'initial', submittedAt: hoursAgo(1), reference: 'M-9' }).expect(201);
  });
  afterAll(async () => {
    await sink?.close();
    await inst?.close();
  });

  /** Reminder e-mails received, as "incident title → recipient → hours" per admin address. */
  function received(from = 0): string[] {
    return sink.messages.slice(from).map((m) => `${m.to.join(',')} ${m.parsed.subject ?? ''}`).sort();
  }

  it('sends each due reminder once to every admin with an e-mail address, with two workers racing', async () => {
    const a = await inst.startApp({ appRole: 'worker' });
    const b = await inst.startApp({ appRole: 'worker' });
    // Both workers' repeatable jobs run every second; on top of that, both run the check directly, at once, several times.
    for (let i = 0; i < 5; i++) await Promise.all([a.app.get(RemindersService).run(), b.app.get(RemindersService).run()]);
    const expected = [
      `eva@staff.example 24 hours left: notify the Autoriteit Persoonsgegevens about incident ${incidents['authority in 22 h']}`,
      `eva@staff.example 24 hours left: notify the controller about incident ${incidents['controller in 18 h']}`,
      `eva@staff.example 4 hours left: notify the Autoriteit Persoonsgegevens about incident ${incidents['authority in 3 h']}`,
      `femke@staff.example 24 hours left: notify the Autoriteit Persoonsgegevens about incident ${incidents['authority in 22 h']}`,
      `femke@staff.example 24 hours left: notify the controller about incident ${incidents['controller in 18 h']}`,
      `femke@staff.example 4 hours left: notify the Autoriteit Persoonsgegevens about incident ${incidents['authority in 3 h']}`,
    ].sort();
    await until(() => Promise.resolve(received()), (r) => r.length >= expected.length);
    // Let the repeatable jobs of both workers run a few more times: nothing more may arrive.
    await sleep(3500);
    expect(received()).toEqual(expected);
    const rows = await inst.db.query<{ n: string; sent: string }[]>('SELECT COUNT(*) n, SUM(sentAt IS NOT NULL AND admins = 2) sent FROM deadline_reminders');
    expect(rows[0]).toEqual({ n: '3', sent: '3' });
    const mail = sink.messages.find((m) => m.parsed.subject?.startsWith('4 hours left'))!;
    expect(mail.parsed.text).toContain(`http://fw.test/api/incidents/${incidents['authority in 3 h']}/deadlines`);
    await a.close();
    await b.close();
  });

  it('sends nothing again after a restart, and sends the next reminder when it falls due', async () => {
    const before = sink.messages.length;
    const worker = await inst.startApp({ appRole: 'worker' });
    const service = worker.app.get(RemindersService);
    expect(await service.run()).toBe(0);
    // 20 hours on, the 22-hour deadline is 2 hours away: its 4-hour reminder falls due (and only that one).
    const later = new Date(Date.now() + 20 * 3600_000);
    expect(await service.run(later)).toBeGreaterThan(0);
    // The 4-hour reminder of the 22-hour deadline and the 24-hour one of the processor's authority deadline (42 h now, 22 h then).
    const news = await until(() => Promise.resolve(received(before)), (r) => r.length >= 4);
    expect(news).toEqual(
      expect.arrayContaining([
        `eva@staff.example 4 hours left: notify the Autoriteit Persoonsgegevens about incident ${incidents['authority in 22 h']}`,
        `femke@staff.example 4 hours left: notify the Autoriteit Persoonsgegevens about incident ${incidents['authority in 22 h']}`,
      ]),
    );
    expect(news.some((n) => n.includes(`incident ${incidents['already notified']}`))).toBe(false);
    expect(await service.run(later)).toBe(0);
    await worker.close();
  });
});
