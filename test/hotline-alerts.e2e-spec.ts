import request from 'supertest';
import { BrowsingAlertsService } from '../src/hotline/browsing-alerts.service';
import { seedCustomers, seedIncident } from './support/seed';
import { ServerProcess, startServerProcess } from './support/server-process';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;

const reason = 'Caller asks whether his data was in the breach';

async function until<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Insider-browsing alerts over the real API. The server that sends the alert e-mail runs as its own
 * process (see server-process.ts), and a second, in-process API shows that the rules see one trace across processes.
 */
describe(BrowsingAlertsService.name, () => {
  let inst: TestInstallation;
  let sink: Sink;
  let server: ServerProcess;
  let serverUrl: string;
  let other: TestApp;
  let incidentId: number;
  let admin: { id: number; token: string };

  const lookup = (target: string | TestApp, token: string, body: Record<string, unknown>) =>
    request(typeof target === 'string' ? target : target.http)
      .post('/api/hotline/lookup')
      .set('Authorization', `Bearer ${token}`)
      .send({ incidentId, reason, ...body });
  const byAddress = (houseNumber: number) => ({ postcode: '1234 AB', houseNumber });
  const alerts = () => request(serverUrl).get('/api/hotline/alerts').set('Authorization', `Bearer ${admin.token}`).expect(200);
  const auditOf = async (action: string) =>
    (await inst.db.query<{ actor: string; subject: string | null; detail: string | Record<string, unknown> }[]>('SELECT actor, subject, detail FROM audit_events WHERE action = ? ORDER BY id', [action])).map((r) => ({
      ...r,
      detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
    }));

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url });
    admin = await inst.staffToken('admin', 'Petra Privacy', 'petra@staff.example');
    await inst.staffToken('admin', 'Adam Zonder Mail');
    incidentId = await seedIncident(inst.db);
    await seedCustomers(inst.db, incidentId, [
      { customerNumber: 'K3000014', name: 'Wim Veertien', street: 'Laan', houseNumber: '14', postcode: '1234 AB', city: 'Testdorp', email: 'wim@example.nl' },
      { customerNumber: 'K3000020', name: 'Roos Twintig', street: 'Laan', houseNumber: '20', postcode: '1234 AB', city: 'Testdorp' },
    ]);

    server = await startServerProcess(inst.config);
    serverUrl = server.baseUrl;
    other = await inst.startApp({ appRole: 'api' });
  });

  afterAll(async () => {
    await server?.stop();
    await inst.close();
    await sink.close();
  });

  it('raises an alert for a walk along neighbouring house numbers across two API processes, mails the admins and suspends the member', async () => {
    const henk = await inst.staffToken('hotline', 'Henk Bladeraar');
    await lookup(serverUrl, henk.token, byAddress(10)).expect(404);
    await lookup(other, henk.token, byAddress(12)).expect(404);
    await lookup(serverUrl, henk.token, byAddress(14)).expect(200);
    expect((await alerts()).body).toEqual([]);
    // The fourth neighbouring number completes the walk; this lookup itself is still answered.
    await lookup(serverUrl, henk.token, byAddress(16)).expect(404);

    const [alert] = (await alerts()).body as Record<string, unknown>[];
    expect(alert).toMatchObject({
      staff: { id: henk.id, name: 'Henk Bladeraar', role: 'hotline' },
      rule: 'address-walk',
      suspends: true,
      status: 'open',
      resolvedAt: null,
      findings: [{ rule: 'address-walk', facts: { houseNumbers: 4, threshold: 4 } }],
    });
    expect(await auditOf('hotline.alert')).toEqual([{ actor: 'system', subject: `staff:${henk.id}`, detail: { alertId: alert.id, rules: ['address-walk'], suspends: true } }]);

    // Suspended on both processes, for lookups and contacts alike, with a message the member can act on.
    const refused = await lookup(other, henk.token, { customerNumber: 'K3000020' }).expect(403);
    expect(refused.body.message).toBe(
      `Your lookups are paused: your recent lookups raised an alert (#${String(alert.id)}) that an admin must look at first. Tell the caller you will call back, and ask an admin to look at alert #${String(alert.id)}.`,
    );
    await lookup(serverUrl, henk.token, byAddress(20)).expect(403);
    await request(serverUrl).post('/api/hotline/contacts').set('Authorization', `Bearer ${henk.token}`).send({ incidentId, customerNumber: 'K3000014', outcome: 'informed' }).expect(403);
    const lookups = await auditOf('hotline.lookup');
    expect(lookups.slice(-2).map((l) => [l.subject, l.detail?.result])).toEqual([
      [null, 'suspended'],
      [null, 'suspended'],
    ]);

    // One e-mail, to the one admin with an address; it names the member and the rule, and nothing of the customers.
    const mail = await until(
      () => sink.messages.filter((m) => m.parsed.subject?.startsWith('Hotline alert')),
      (m) => m.length > 0,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toEqual(['petra@staff.example']);
    expect(mail[0].parsed.subject).toBe(`Hotline alert #${String(alert.id)}: lookups by Henk Bladeraar look like browsing`);
    expect(mail[0].parsed.text).toContain('4 neighbouring house numbers in one postcode looked up within 60 minutes');
    expect(mail[0].parsed.text).toContain('Henk Bladeraar cannot look customers up until an admin has looked at this alert');
    for (const personal of ['1234 AB', '1234AB', 'Wim', 'Veertien', 'K3000014', 'wim@example.nl']) expect(mail[0].raw.toString()).not.toContain(personal);

    // Only an admin resolves it; afterwards lookups work again, and the old walk does not count any more.
    await request(serverUrl).post(`/api/hotline/alerts/${String(alert.id)}/resolve`).set('Authorization', `Bearer ${henk.token}`).send({}).expect(403);
    const resolved = await request(other.http)
      .post(`/api/hotline/alerts/${String(alert.id)}/resolve`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ resolution: 'Henk was testing the new headset; no caller was on the line.' })
      .expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: 'Petra Privacy', resolution: 'Henk was testing the new headset; no caller was on the line.' });
    expect(await auditOf('hotline.alert-resolve')).toEqual([{ actor: expect.stringContaining('Petra Privacy') as string, subject: `staff:${henk.id}`, detail: { alertId: alert.id } }]);
    await lookup(serverUrl, henk.token, { customerNumber: 'K3000020' }).expect(200);
    await lookup(other, henk.token, byAddress(18)).expect(404);
    expect((await request(serverUrl).get('/api/hotline/alerts?status=open').set('Authorization', `Bearer ${admin.token}`).expect(200)).body).toEqual([]);

    const again = await request(serverUrl).post(`/api/hotline/alerts/${String(alert.id)}/resolve`).set('Authorization', `Bearer ${admin.token}`).send({}).expect(409);
    expect(again.body.message).toMatch(new RegExp(`^Hotline alert #${String(alert.id)} was already resolved by Petra Privacy at `));
    await request(serverUrl).post('/api/hotline/alerts/999999/resolve').set('Authorization', `Bearer ${admin.token}`).send({}).expect(404);
  });

  it('raises an alert after six misses in a row and holds only that member', async () => {
    const mira = await inst.staffToken('hotline', 'Mira Mis');
    const colleague = await inst.staffToken('hotline', 'Collega Correct');
    for (let i = 1; i <= 5; i++) await lookup(serverUrl, mira.token, { customerNumber: `K99000${i}` }).expect(404);
    await lookup(serverUrl, colleague.token, { customerNumber: 'K3000020' }).expect(200);
    expect((await alerts()).body.filter((a: { status: string }) => a.status === 'open')).toEqual([]);
    await lookup(serverUrl, mira.token, { customerNumber: 'K990006' }).expect(404);

    const open = (await alerts()).body.filter((a: { status: string }) => a.status === 'open');
    expect(open).toMatchObject([{ staff: { id: mira.id }, rule: 'misses-in-a-row', suspends: true, findings: [{ facts: { misses: 6 } }] }]);
    await lookup(serverUrl, mira.token, { customerNumber: 'K3000020' }).expect(403);
    await lookup(serverUrl, colleague.token, { customerNumber: 'K3000020' }).expect(200);
    await until(
      () => sink.messages.filter((m) => m.parsed.subject === `Hotline alert #${String(open[0].id)}: lookups by Mira Mis look like browsing`),
      (m) => m.length === 1,
    );
  });

  it('alerts on a lookup outside working hours without suspending, and suspends once a browsing pattern follows', async () => {
    // A rota with no working day at all: every lookup is outside working hours, whatever the test's clock says.
    const night = await inst.startApp({ appRole: 'api', hotlineAlerts: { ...inst.config.hotlineAlerts, workingHours: { ...inst.config.hotlineAlerts.workingHours, days: [] } } });
    const nora = await inst.staffToken('hotline', 'Nora Nacht');
    await lookup(night, nora.token, { customerNumber: 'K3000020' }).expect(200);
    const [first] = (await alerts()).body.filter((a: { staff: { id: number } }) => a.staff.id === nora.id);
    expect(first).toMatchObject({ rule: 'outside-hours', suspends: false, status: 'open' });
    await lookup(night, nora.token, { customerNumber: 'K3000020' }).expect(200);

    for (let i = 1; i <= 6; i++) await lookup(night, nora.token, { customerNumber: `K98000${i}` }).expect(404);
    await lookup(night, nora.token, { customerNumber: 'K3000020' }).expect(403);
    const [escalated] = (await alerts()).body.filter((a: { staff: { id: number } }) => a.staff.id === nora.id);
    expect(escalated).toMatchObject({ id: first.id, suspends: true, status: 'open' });
    expect(escalated.findings.map((f: { rule: string }) => f.rule)).toEqual(['misses-in-a-row', 'outside-hours']);
    expect((await auditOf('hotline.alert')).filter((a) => a.subject === `staff:${nora.id}`).map((a) => a.detail)).toEqual([
      { alertId: first.id, rules: ['outside-hours'], suspends: false },
      { alertId: first.id, rules: ['misses-in-a-row', 'outside-hours'], suspends: true, escalated: true },
    ]);
    await night.close();
  });

  it('shows alerts to admins only', async () => {
    const hotline = await inst.staffToken('hotline', 'Nieuwsgierige Nico');
    await request(serverUrl).get('/api/hotline/alerts').set('Authorization', `Bearer ${hotline.token}`).expect(403);
    await request(serverUrl).get('/api/hotline/alerts').expect(401);
    await request(serverUrl).get('/api/hotline/alerts?status=maybe').set('Authorization', `Bearer ${admin.token}`).expect(400);
  });
});
