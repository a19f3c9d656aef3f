import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { AppConfig } from '../src/config/config';
import { erasePersonalData } from '../src/customers/personal-data';
import { PurgeService } from '../src/retention/purge.service';
import { openedCustomers, seedCustomers, seedIncident, TEST_KEYRING } from './support/seed';
import { auth, counts, until } from './campaigns.support';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

/** Every column filled; values nobody else in the database could have, so a search for them means something. */
const CSV = [
  'klantnummer;naam;email;telefoon;straat;huisnummer;toevoeging;postcode;plaats;geboortedatum;iban;taal;klantstatus',
  'QX-700101;Hendrika Quarlesbergh;h.quarlesbergh@zwaluw.example;06-41827365;Zwaluwstraat;17;B;9471 QX;Zwaluwdorp;14-03-1941;NL91ABNA0417164300;nl;klant',
  'QX-700102;Bartholomeus Vinkeveenstra;b.vinkeveenstra@zwaluw.example;06-52938476;Merelpad;203;A;9472 QY;Merelburg;02-11-1958;NL02RABO0123456789;en;ex-klant',
  // No e-mail: a printed letter, so there is a print batch to delete.
  'QX-700103;Cornelia Spreeuwenhoek;;06-63049587;Kievitlaan;88;C;9473 QZ;Kievitveen;27-07-1936;NL20INGB0001234567;nl;klant',
].join('\n');

const PERSONAL_VALUES = [
  'QX-700101', 'QX-700102', 'QX-700103',
  'Quarlesbergh', 'Vinkeveenstra', 'Spreeuwenhoek', 'Hendrika', 'Bartholomeus', 'Cornelia',
  'h.quarlesbergh@zwaluw.example', 'b.vinkeveenstra@zwaluw.example', 'zwaluw.example',
  '41827365', '52938476', '63049587',
  'Zwaluwstraat', 'Merelpad', 'Kievitlaan', 'Zwaluwdorp', 'Merelburg', 'Kievitveen',
  '9471 QX', '9472 QY', '9473 QZ', '9471QX', '9472QY', '9473QZ',
  '1941-03-14', '1958-11-02', '1936-07-27', '14-03-1941', '02-11-1958', '27-07-1936',
  '0417164300', '0123456789', '0001234567',
  // What the hotline wrote down about a caller, and the reason typed for a lookup.
  'Terugbellen op huisnummer 17B',
  'Mevrouw Ottolien belt over haar brief',
];

/**
 * Every row of every table, as text: what a dump of the database would hold, plus the sealed
 * personal values and contact notes opened with the installation's key. A dump shows no personal
 * value in the clear anyway (test/data-at-rest.e2e-spec.ts), so the purge is held to more: nothing
 * left that the key could open either.
 */
async function databaseText(inst: TestInstallation): Promise<string> {
  const tables: { name: string }[] = await inst.db.query('SELECT TABLE_NAME name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()');
  const parts: string[] = [];
  for (const { name } of tables) parts.push(name, JSON.stringify(await inst.db.query(`SELECT * FROM \`${name}\``)));
  parts.push(JSON.stringify(await openedCustomers(inst.db)));
  const notes: { notes: Buffer }[] = await inst.db.query('SELECT notes FROM contacts WHERE notes IS NOT NULL');
  parts.push(...notes.map((n) => TEST_KEYRING.open(n.notes)));
  return parts.join('\n').toLowerCase();
}

const found = (text: string) => PERSONAL_VALUES.filter((v) => text.includes(v.toLowerCase()));

/**
 * Closing an incident with RETENTION_DAYS=0 and waiting for the purge, the way the product owner's
 * acceptance test does: the database then holds none of the imported personal values, the files
 * are gone, the hotline answers 404, and the counts and the register are as they were.
 */
describe('Retention: close an incident and purge it', () => {
  let inst: TestInstallation;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let api: TestApp;
  const workers: TestApp[] = [];
  const tokens: Record<string, string> = {};
  let incidentId: number;
  let campaignId: number;
  let batchId: number;
  let printDir: string;
  /** Taken before closing: the figures the purge must leave as they are. */
  const before: { report?: Record<string, unknown>; counts?: Record<string, number>; incident?: Record<string, unknown>; register?: string } = {};
  const authorityReport = async () => {
    const { generatedAt: _, s9: __, ...report } = (await request(api.http).get(`/api/incidents/${incidentId}/authority-report`).set(auth(tokens.admin)).expect(200)).body as Record<string, unknown>;
    return report;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url, retentionDays: 0, purgeSweepSeconds: 1 });
    printDir = join(inst.dir, 'print');
    const shared: Partial<AppConfig> = { printDir };
    api = await inst.startApp({ ...shared, appRole: 'api' });
    // Two worker processes sweep at the same time: the purge must still happen once.
    workers.push(await inst.startApp({ ...shared, appRole: 'worker' }), await inst.startApp({ ...shared, appRole: 'worker' }));
    for (const [key, role] of [['ada', 'comms'], ['bo', 'comms'], ['admin', 'admin'], ['hotline', 'hotline']] as const) tokens[key] = (await inst.staffToken(role, `${key} tester`)).token;
  });

  afterAll(async () => {
    await inst?.close();
    await sink?.close();
  });

  it('imports customers with every column, sends a campaign, prints the post letters', async () => {
    const created = await request(api.http)
      .post('/api/incidents')
      .set(auth(tokens.ada))
      .send({ title: 'Retention test', company: 'Zwaluw Energie', hotlinePhone: '0800 123 4567', hotlineEmail: 'datalek@energie.example', discoveredAt: '2026-11-20T09:00:00Z' })
      .expect(201);
    incidentId = created.body.id;
    expect(created.body).toMatchObject({ status: 'open', purgeAt: null });

    const upload = await request(api.http).post(`/api/incidents/${incidentId}/imports`).set(auth(tokens.ada)).field('tier', 'photographed').attach('file', Buffer.from(CSV, 'utf8'), 'customers.csv').expect(202);
    const summary = await until(() => request(api.http).get(`/api/imports/${upload.body.id}`).set(auth(tokens.ada)), (r) => r.body.status === 'completed');
    expect(summary.body).toMatchObject({ rowsRead: 3, rowsRejected: 0, customersCreated: 3 });
    // The import deleted its upload as it finished.
    expect(readdirSync(inst.config.uploadDir).filter((n) => n.startsWith(`incident-${incidentId}-`))).toEqual([]);

    const campaign = await request(api.http).post(`/api/incidents/${incidentId}/campaigns`).set(auth(tokens.ada)).send({ tiers: ['photographed'] }).expect(201);
    campaignId = campaign.body.id;
    await request(api.http).post(`/api/campaigns/${campaignId}/approve`).set(auth(tokens.bo)).expect(200);
    await request(api.http).post(`/api/campaigns/${campaignId}/start`).set(auth(tokens.ada)).expect(202);
    await until(() => counts(api, campaignId, tokens.ada), (c) => c.status === 'completed');
    expect(sink.messages.length).toBe(2);

    const batch = await request(api.http).post(`/api/campaigns/${campaignId}/print-batches`).set(auth(tokens.ada)).expect(202);
    batchId = batch.body.id;
    await until(() => request(api.http).get(`/api/print-batches/${batchId}`).set(auth(tokens.ada)), (r) => r.body.status === 'ready');
    expect(readdirSync(join(printDir, `batch-${batchId}`)).length).toBeGreaterThan(0);

    await request(api.http).post('/api/hotline/lookup').set(auth(tokens.hotline)).send({ incidentId, reason: 'Mevrouw Ottolien belt over haar brief', customerNumber: 'QX-700101' }).expect(200);
    await request(api.http).post('/api/hotline/contacts').set(auth(tokens.hotline)).send({ incidentId, customerNumber: 'QX-700101', outcome: 'callback-requested', notes: 'Terugbellen op huisnummer 17B' }).expect(201);
    expect(found(await databaseText(inst)).length).toBeGreaterThan(20);

    before.report = await authorityReport();
    before.counts = (await counts(api, campaignId, tokens.ada)).counts;
    before.incident = (await request(api.http).get(`/api/incidents/${incidentId}`).set(auth(tokens.admin)).expect(200)).body;
    before.register = (await request(api.http).get('/api/register').set(auth(tokens.admin)).expect(200)).text;
  });

  it('lets only admins close; closing again answers the same purgeAt; a closed incident takes no imports or campaigns', async () => {
    for (const who of ['ada', 'hotline']) await request(api.http).post(`/api/incidents/${incidentId}/close`).set(auth(tokens[who])).expect(403);
    await request(api.http).post(`/api/incidents/${incidentId}/close`).expect(401);

    // A checked upload waiting for its import step (the console keeps it), and two files of nobody's.
    const uploads = inst.config.uploadDir;
    writeFileSync(join(uploads, `incident-${incidentId}-staged.upload`), 'klantnummer;naam\nQX-700101;Hendrika Quarlesbergh\n');
    writeFileSync(join(uploads, 'stale.upload'), 'left by a crash');
    const dayAndAHourAgo = new Date(Date.now() - 25 * 3600_000);
    utimesSync(join(uploads, 'stale.upload'), dayAndAHourAgo, dayAndAHourAgo);
    writeFileSync(join(uploads, 'fresh.upload'), 'still being checked');

    const before = Date.now();
    const closed = await request(api.http).post(`/api/incidents/${incidentId}/close`).set(auth(tokens.admin)).expect(200);
    expect(Object.keys(closed.body).sort()).toEqual(['closedAt', 'id', 'purgeAt', 'status']);
    expect(closed.body).toMatchObject({ id: incidentId, status: 'closed' });
    // RETENTION_DAYS=0: due at once.
    expect(new Date(closed.body.purgeAt).getTime()).toBe(new Date(closed.body.closedAt).getTime());
    expect(new Date(closed.body.purgeAt).getTime()).toBeGreaterThanOrEqual(before - 5);

    const again = await request(api.http).post(`/api/incidents/${incidentId}/close`).set(auth(tokens.admin)).expect(200);
    if (again.body.status === 'closed') expect(again.body.purgeAt).toBe(closed.body.purgeAt);
    else expect(again.body).toMatchObject({ status: 'purged', purgeAt: closed.body.purgeAt });

    const refusedImport = await request(api.http).post(`/api/incidents/${incidentId}/imports`).set(auth(tokens.ada)).field('tier', 'viewed').attach('file', Buffer.from(CSV, 'utf8'), 'more.csv');
    expect(refusedImport.status).toBe(409);
    expect(refusedImport.body.message).toMatch(new RegExp(`Incident ${incidentId} (is closed|was closed)`));
    const refusedCampaign = await request(api.http).post(`/api/incidents/${incidentId}/campaigns`).set(auth(tokens.ada)).send({ tiers: ['photographed'] });
    expect(refusedCampaign.status).toBe(409);
    expect(refusedCampaign.body.message).toMatch(/can no longer create, approve, start or resume its campaigns/);
  });

  it('purges exactly once however many workers sweep, and keeps the counts and the register', async () => {
    // Both workers sweep at the same moment (their scheduled sweeps run besides).
    const sweeps = await Promise.all(workers.map((w) => w.app.get(PurgeService).sweep()));
    expect(sweeps.flatMap((s) => s.purges).filter((p) => p.result === 'purged').length).toBeLessThanOrEqual(1);

    const purged = await until(() => request(api.http).get(`/api/incidents/${incidentId}`).set(auth(tokens.admin)), (r) => r.body.status === 'purged', 250);
    expect(purged.body.purgedAt).toEqual(expect.any(String));
    expect(before.incident).toMatchObject({ status: 'open', purgeAt: null, closedAt: null, purgedAt: null });
    expect(purged.body.customers).toEqual(before.incident!.customers);
    expect(purged.body.contacts).toEqual(before.incident!.contacts);
    expect((await counts(api, campaignId, tokens.ada)).counts).toEqual(before.counts);
    expect(await authorityReport()).toEqual(before.report);
    const register = (await request(api.http).get('/api/register').set(auth(tokens.admin)).expect(200)).text;
    expect(register.split('\n').length).toBe(before.register!.split('\n').length);
    expect(register).toContain('Retention test');

    const audit: { action: string; actorId: number | null; detail: string | Record<string, unknown> }[] = await inst.db.query(
      "SELECT action, actorId, detail FROM audit_events WHERE subject = ? AND action IN ('incident.close', 'incident.purge') ORDER BY id",
      [`incident:${incidentId}`],
    );
    expect(audit.map((a) => a.action)).toEqual(['incident.close', 'incident.purge']);
    expect(audit[0].actorId).not.toBeNull();
    const detail = typeof audit[1].detail === 'string' ? JSON.parse(audit[1].detail) : audit[1].detail;
    // The staged upload, and possibly the refused import's file if the purge ran while it was being refused.
    expect(detail).toMatchObject({ customers: 3, printBatches: 1 });
    expect(detail.uploads).toBeGreaterThanOrEqual(1);
  });

  it('leaves none of the imported personal values in the database', async () => {
    expect(found(await databaseText(inst))).toEqual([]);
    // Erasing again (a purge resumed after a crash) finds nothing left to change.
    expect(await erasePersonalData(inst.db.manager, incidentId)).toBe(0);
  });

  it('deleted the upload and print files', async () => {
    const uploads = readdirSync(inst.config.uploadDir);
    expect(uploads.filter((n) => n.startsWith(`incident-${incidentId}-`))).toEqual([]);
    // Older than 24 h and no import reads it: gone; a fresh one may still be a check waiting for its import.
    expect(uploads).not.toContain('stale.upload');
    expect(uploads).toContain('fresh.upload');
    expect(existsSync(join(printDir, `batch-${batchId}`))).toBe(false);
    const view = await request(api.http).get(`/api/print-batches/${batchId}`).set(auth(tokens.ada)).expect(200);
    const pdf = view.body.files.find((f: { name: string }) => f.name.endsWith('.pdf'));
    await request(api.http).get(`/api/print-batches/${batchId}/files/${pdf.name}`).set(auth(tokens.ada)).expect(409);
  });

  it('answers hotline lookups with 404 and refuses letters of purged customers', async () => {
    const lookup = (body: object) => request(api.http).post('/api/hotline/lookup').set(auth(tokens.hotline)).send({ incidentId, reason: 'caller asks about the letter', ...body });
    await lookup({ customerNumber: 'QX-700101' }).expect(404);
    await lookup({ postcode: '9471 QX', houseNumber: '17', houseNumberSuffix: 'B' }).expect(404);
    const [row]: { id: string }[] = await inst.db.query('SELECT id FROM affected_customers WHERE incidentId = ? LIMIT 1', [incidentId]);
    await lookup({ customerNumber: `purged-${row.id}` }).expect(404);
    await request(api.http).post('/api/hotline/contacts').set(auth(tokens.hotline)).send({ incidentId, customerNumber: `purged-${row.id}`, outcome: 'informed' }).expect(404);

    const preview = await request(api.http).get(`/api/incidents/${incidentId}/customers/purged-${row.id}/letter`).set(auth(tokens.ada));
    expect(preview.status).toBe(410);
    expect(preview.body.message).toMatch(/personal data of incident \d+ has been removed/);
    await request(api.http).post(`/api/campaigns/${campaignId}/print-batches`).set(auth(tokens.ada)).expect(410);
    await request(api.http).get(`/api/campaigns/${campaignId}/postal`).set(auth(tokens.ada)).expect(410);
  });

  it('deletes print files POSTED_PRINT_FILES_DAYS (30) after their batch was posted, not before', async () => {
    // Two posted batches of an open incident: one posted 31 days ago, one yesterday.
    const otherIncident = (
      await request(api.http)
        .post('/api/incidents')
        .set(auth(tokens.ada))
        .send({ title: 'Still open', company: 'Zwaluw Energie', hotlinePhone: '0800 123 4567', hotlineEmail: 'datalek@energie.example', discoveredAt: '2026-11-20T09:00:00Z' })
        .expect(201)
    ).body.id as number;
    const campaign: { insertId: number } = await inst.db.query("INSERT INTO campaigns (incidentId, tiers, status, createdBy, kind) VALUES (?, '[\"viewed\"]', 'completed', 1, 'warning')", [otherIncident]);
    const batches: number[] = [];
    for (const days of [31, 1]) {
      const res: { insertId: number } = await inst.db.query(
        "INSERT INTO print_batches (campaignId, status, letters, createdBy, manifestDisk, manifestSha256, readyAt, postedAt) VALUES (?, 'ready', 1, 1, 'manifest-x.csv', ?, UTC_TIMESTAMP(3), DATE_SUB(UTC_TIMESTAMP(3), INTERVAL ? DAY))",
        [campaign.insertId, 'a'.repeat(64), days],
      );
      const id = Number(res.insertId);
      mkdirSync(join(printDir, `batch-${id}`), { recursive: true });
      writeFileSync(join(printDir, `batch-${id}`, 'manifest-x.csv'), 'sequence,letterId\n');
      batches.push(id);
    }
    // This sweep (or a scheduled one just before it) deletes the old batch's files.
    await workers[0].app.get(PurgeService).sweep();
    expect(existsSync(join(printDir, `batch-${batches[0]}`))).toBe(false);
    expect(existsSync(join(printDir, `batch-${batches[1]}`, 'manifest-x.csv'))).toBe(true);
    const rows: { id: number; manifestDisk: string | null }[] = await inst.db.query('SELECT id, manifestDisk FROM print_batches WHERE id IN (?) ORDER BY id', [batches]);
    expect(rows.map((r) => r.manifestDisk)).toEqual([null, 'manifest-x.csv']);
    // A download says why the file is gone instead of looking like a lost file.
    const gone = await request(api.http).get(`/api/print-batches/${batches[0]}/files/manifest.csv`).set(auth(tokens.ada)).expect(409);
    expect(gone.body.message).toBe(`File "manifest.csv" of print batch ${batches[0]} has been deleted: print files are deleted 30 days after their batch was marked as posted (POSTED_PRINT_FILES_DAYS), or when the incident's personal data is purged.`);
  });

  it('refuses to close while a campaign sends or waits approved, naming it; the draft of a closed incident can no longer be approved', async () => {
    const other = await seedIncident(inst.db, { title: 'Busy incident' });
    await seedCustomers(inst.db, other, 2, 'busy.example');
    const sending: { insertId: number } = await inst.db.query("INSERT INTO campaigns (incidentId, tiers, status, createdBy, kind) VALUES (?, '[\"viewed\"]', 'sending', 1, 'warning')", [other]);
    const approved: { insertId: number } = await inst.db.query("INSERT INTO campaigns (incidentId, tiers, status, createdBy, kind) VALUES (?, '[\"viewed\"]', 'approved', 1, 'warning')", [other]);
    const refused = await request(api.http).post(`/api/incidents/${other}/close`).set(auth(tokens.admin)).expect(409);
    expect(refused.body.message).toContain(`campaign ${sending.insertId} is still sending: pause it`);
    expect(refused.body.message).toContain(`campaign ${approved.insertId} is approved but not started`);
    expect((await request(api.http).get(`/api/incidents/${other}`).set(auth(tokens.admin)).expect(200)).body).toMatchObject({ status: 'open', purgeAt: null });

    await inst.db.query("UPDATE campaigns SET status = 'paused' WHERE id = ?", [sending.insertId]);
    await inst.db.query('DELETE FROM campaigns WHERE id = ?', [approved.insertId]);
    const draft = await request(api.http).post(`/api/incidents/${other}/campaigns`).set(auth(tokens.ada)).send({ tiers: ['photographed', 'viewed', 'searched'] }).expect(201);
    await request(api.http).post(`/api/incidents/${other}/close`).set(auth(tokens.admin)).expect(200);
    const approve = await request(api.http).post(`/api/campaigns/${draft.body.id}/approve`).set(auth(tokens.bo)).expect(409);
    expect(approve.body.message).toMatch(/can no longer create, approve, start or resume its campaigns/);
    await request(api.http).post(`/api/campaigns/${sending.insertId}/resume`).set(auth(tokens.ada)).expect(409);
  });
});
