import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import Papa from 'papaparse';
import request from 'supertest';
import { CustomersService } from '../src/customers/customers.service';
import { IncidentsService } from '../src/incidents/incidents.service';
import { LettersService } from '../src/letters/letters.service';
import { PrintRenderService } from '../src/postal/print-render.service';
import { auth, counts, createApprovedCampaign, until } from './campaigns.support';
import { customerNumbersById, numberIndex, openedCustomers, SeedCustomer, seedCustomers, seedIncident } from './support/seed';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const HOSTILE = 'Ev\u202Eil\u202C Na\u0007me ' + 'Verylongname'.repeat(12);
const post = (n: number, extra: Partial<SeedCustomer> = {}): SeedCustomer => ({
  customerNumber: `K900000${n}`,
  name: `Postklant Nummer${n}`,
  street: `Straatweg${n}`,
  houseNumber: String(10 + n),
  houseNumberSuffix: n % 2 ? 'A' : '',
  postcode: `${1000 + n} AB`,
  city: `Dorp${n}`,
  birthDate: n === 1 ? '1941-03-02' : '1980-06-01',
  tier: (['photographed', 'viewed', 'searched'] as const)[n % 3],
  language: n === 2 ? 'en' : 'nl',
  exposed: n === 1 ? ['name', 'email', 'address', 'phone', 'birthDate', 'customerNumber', 'iban'] : ['name', 'address', 'customerNumber'],
  ...extra,
});

/** What each tier's letter must say happened to the customer's own data (as the e-mail's tests check). */
const TRUTH = {
  photographed: { nl: 'die zijn gefotografeerd en doorgegeven aan criminelen', en: 'they were photographed and passed on to criminals' },
  viewed: { nl: 'iemand heeft uw klantgegevens geopend. Daar had hij geen reden voor.', en: 'someone opened your customer record. They had no reason to do so.' },
  searched: { nl: 'Er is geen teken dat uw gegevens zijn gekopieerd', en: 'There is no sign that your details were copied' },
};

interface ManifestLine {
  sequence: string;
  letterId: string;
  file: string;
  firstPage: string;
  pages: string;
  name: string;
  street: string;
  houseNumber: string;
  houseNumberSuffix: string;
  postcode: string;
  city: string;
}

async function download(t: TestApp, token: string, batchId: number, name: string): Promise<Buffer> {
  const res = await request(t.http).get(`/api/print-batches/${batchId}/files/${name}`).set(auth(token)).buffer(true).parse(binary).expect(200);
  return res.body as Buffer;
}

/** Every file of a ready batch, checked against its listing, and each letter's pages as text. */
async function readBatch(t: TestApp, inst: TestInstallation, token: string, batchId: number) {
  const view = (await request(t.http).get(`/api/print-batches/${batchId}`).set(auth(token)).expect(200)).body as { status: string; letters: number; lettersOverOneSheet: number; files: { name: string; letters: number; pages: number; sha256: string }[] };
  const pdfs = new Map<string, string>();
  for (const f of view.files) {
    const body = await download(t, token, batchId, f.name);
    expect(createHash('sha256').update(body).digest('hex')).toBe(f.sha256);
    const path = join(inst.dir, `${batchId}-${f.name}`);
    writeFileSync(path, body);
    if (f.name.endsWith('.pdf')) {
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(f.pages);
      expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
      pdfs.set(f.name, path);
    }
  }
  const manifestCsv = (await download(t, token, batchId, 'manifest.csv')).toString('utf8');
  const manifest = Papa.parse<ManifestLine>(manifestCsv, { header: true, skipEmptyLines: true });
  expect(manifest.meta.fields).toEqual(['sequence', 'letterId', 'file', 'firstPage', 'pages', 'name', 'street', 'houseNumber', 'houseNumberSuffix', 'postcode', 'city']);
  const text = (row: ManifestLine) => {
    const first = Number(row.firstPage);
    return execFileSync('pdftotext', ['-f', String(first), '-l', String(first + Number(row.pages) - 1), '-layout', pdfs.get(row.file)!, '-'], { encoding: 'utf8' });
  };
  return { view, rows: manifest.data, text };
}

describe('Print batches (postal letters)', () => {
  let inst: TestInstallation;
  let t: TestApp;
  let ada: string;
  let bob: string;
  let hotline: string;
  let incidentId: number;

  beforeAll(async () => {
    inst = await createInstallation();
    inst.config.printDir = join(inst.dir, 'print');
    inst.config.printFileLetters = 3;
    t = await inst.startApp();
    ada = (await inst.staffToken('comms', 'Ada')).token;
    bob = (await inst.staffToken('comms', 'Bob')).token;
    hotline = (await inst.staffToken('hotline', 'Hal')).token;
    incidentId = await seedIncident(inst.db, { company: 'Testbedrijf Fictief B.V.' });
    await seedCustomers(inst.db, incidentId, [
      post(1),
      post(2),
      post(3),
      post(4, { name: HOSTILE }),
      post(5),
      { ...post(6), email: 'mail6@example.test' },
      { ...post(7), email: 'mail7@example.test' },
      { ...post(8), email: 'mail8@example.test' },
    ]);
  });

  afterAll(async () => {
    await inst.close();
  });

  it('prints post letters and failed or bounced e-mail letters, each with its own words, and records printed, posted and returned', async () => {
    const id = await createApprovedCampaign(t, incidentId, ada, bob);
    await request(t.http).post(`/api/campaigns/${id}/print-batches`).set(auth(ada)).expect(409);
    await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
    await until(() => counts(t, id, ada), (c) => c.counts.sent === 3);
    // The mail provider's verdicts, as the sender and the webhook would record them.
    await inst.db.query("UPDATE letters l JOIN affected_customers c ON c.id = l.customerId SET l.state = 'failed' WHERE c.numberIndex = ?", [numberIndex('K9000006')]);
    await inst.db.query("UPDATE letters l JOIN affected_customers c ON c.id = l.customerId SET l.bouncedAt = UTC_TIMESTAMP(3) WHERE c.numberIndex = ?", [numberIndex('K9000007')]);

    const created = await request(t.http).post(`/api/campaigns/${id}/print-batches`).set(auth(ada)).expect(202);
    expect(created.body).toEqual({ id: expect.any(Number), status: 'building', letters: 7 });
    const batchId = created.body.id as number;
    await request(t.http).get(`/api/print-batches/${batchId}`).set(auth(hotline)).expect(403);
    await request(t.http).get(`/api/print-batches/${batchId}/files/manifest.csv`).expect(401);
    await until(() => request(t.http).get(`/api/print-batches/${batchId}`).set(auth(ada)), (r) => r.body.status === 'ready');

    const { view, rows, text } = await readBatch(t, inst, ada, batchId);
    expect(view.lettersOverOneSheet).toBe(0);
    expect(view.files.map((f) => [f.name, f.letters])).toEqual([
      [`letters-${batchId}-001.pdf`, 3],
      [`letters-${batchId}-002.pdf`, 3],
      [`letters-${batchId}-003.pdf`, 1],
      ['manifest.csv', 7],
    ]);
    expect(rows.map((r) => r.sequence)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    for (const f of view.files.filter((x) => x.name.endsWith('.pdf'))) {
      expect(rows.filter((r) => r.file === f.name).reduce((n, r) => n + Number(r.pages), 0)).toBe(f.pages);
    }
    const letters = t.app.get(LettersService);
    const customers = await openedCustomers(inst.db, incidentId);
    const incident = await t.app.get(IncidentsService).get(incidentId);
    for (const row of rows) {
      const page = text(row).replace(/[ \t]+/g, ' ');
      const customerId: string = (await inst.db.query('SELECT customerId FROM letters WHERE id = ?', [row.letterId]))[0].customerId;
      const customer = (await t.app.get(CustomersService).findById(String(customerId)))!;
      expect(customer.customerNumber).not.toBe('K9000008');
      // One sheet printed on both sides, at 14 pt and at 16 pt (src/postal/print-fit.spec.ts has the longest letters).
      expect(Number(row.pages)).toBeLessThanOrEqual(2);
      // The address as the print house and the window show it; bidi and control characters gone.
      // eslint-disable-next-line no-control-regex -- the point is that none of these survive
      expect(row.name).not.toMatch(/[\u202E\u202C\u0007]/);
      expect(page).toContain(`${row.street} ${row.houseNumber}${row.houseNumberSuffix}`);
      expect(page).toContain(`${row.postcode} ${row.city.toUpperCase()}`);
      if (customer.customerNumber !== 'K9000004') expect(page).toContain(row.name);
      else expect(page).toContain('Beste Evil Name Verylongname');
      // eslint-disable-next-line no-control-regex -- the point is that none of these survive
      expect(page).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008]/);
      // The same tier wording and tips as this customer's e-mail.
      const view = letters.view(incident, customer, { token: 'x'.repeat(22), sendDate: new Date() });
      const flat = page.replace(/\s+/g, ' ');
      expect(flat).toContain(TRUTH[view.tier][view.language]);
      for (const tip of view.tips) {
        expect(flat).toContain(tip.title);
        expect(flat).toContain(tip.text);
      }
      for (const e of view.exposed) expect(flat).toContain(e.label);
      expect(flat).toContain('0800 000 1111');
      expect(flat).not.toMatch(/B\.V\.\./);
      expect(flat).not.toMatch(/[A-Z]{2}\d{2}[A-Z]{4}\d{6,}/);
      for (const other of customers) if (other.customerNumber !== customer.customerNumber && other.customerNumber !== 'K9000004') expect(flat).not.toContain(other.name);
      const [stored]: { token: string; tipIds: string | null }[] = await inst.db.query('SELECT token, tipIds FROM letters WHERE id = ?', [row.letterId]);
      const token = stored.token;
      expect(flat).toContain(`fw.test/l/${token}`);
      // What the paper said is what the hotline repeats.
      expect(JSON.parse(stored.tipIds ?? 'null')).toEqual(view.tips.map((t) => t.id));
      expect(flat).toContain(token.match(/.{1,4}/g)!.join(' '));
    }
    const again = await request(t.http).post(`/api/campaigns/${id}/print-batches`).set(auth(ada)).expect(409);
    expect(again.body.message).toMatch(/nothing to print/);
    expect(await inst.db.query('SELECT id FROM print_batches WHERE campaignId = ?', [id])).toEqual([{ id: batchId }]);

    let c = await counts(t, id, ada);
    expect(c.counts).toMatchObject({ printed: 7, posted: 0, returned: 0 });
    await request(t.http).post(`/api/print-batches/${batchId}/posted`).set(auth(ada)).expect(200);
    await request(t.http).post(`/api/letters/${rows[0].letterId}/returned`).set(auth(hotline)).expect(200);
    const bySequence = await request(t.http).post(`/api/print-batches/${batchId}/letters/2/returned`).set(auth(ada)).expect(200);
    expect(bySequence.body).toMatchObject({ id: rows[1].letterId, printedAt: expect.any(String), postedAt: expect.any(String), returnedAt: expect.any(String) });
    await request(t.http).post(`/api/print-batches/${batchId}/letters/99/returned`).set(auth(ada)).expect(404);
    const unprinted: string = (await inst.db.query('SELECT l.id FROM letters l JOIN affected_customers c ON c.id = l.customerId WHERE c.numberIndex = ?', [numberIndex('K9000008')]))[0].id;
    await request(t.http).post(`/api/letters/${unprinted}/returned`).set(auth(ada)).expect(409);
    c = await counts(t, id, ada);
    expect(c.counts).toMatchObject({ printed: 7, posted: 7, returned: 2 });
    // The breach register's report counts them as informed by post.
    const report = (await request(t.http).get(`/api/incidents/${incidentId}/authority-report`).set(auth(ada)).expect(200)).body;
    expect(report.s8.channels.find((ch: { channel: string }) => ch.channel === 'post')).toMatchObject({ posted: 7, firstAt: expect.any(String) });

    const first = (await customerNumbersById(inst.db)).get(String((await inst.db.query('SELECT customerId FROM letters WHERE id = ?', [rows[0].letterId]))[0].customerId));
    const looked = await request(t.http).post('/api/hotline/lookup').set(auth(hotline)).send({ incidentId, reason: 'caller asks about the letter', customerNumber: first });
    expect([looked.status, looked.body.message]).toEqual([200, undefined]);
    expect(looked.body.customer.letters[0]).toMatchObject({ printedAt: expect.any(String), postedAt: expect.any(String), returnedAt: expect.any(String) });
    const audit: { action: string }[] = await inst.db.query("SELECT action FROM audit_events WHERE action LIKE 'postal.%'");
    expect(audit.filter((a) => a.action === 'postal.download').length).toBeGreaterThanOrEqual(4);
  });

  it('counts the letters that take more than one sheet, which a very long incident text causes', async () => {
    const long = await seedIncident(inst.db, { company: 'Lange Tekst B.V.', description: Array.from({ length: 40 }, (_, i) => `Dit is zin ${i + 1} van een heel lange beschrijving van wat er gebeurde.`).join(' ') });
    await seedCustomers(inst.db, long, [post(9, { customerNumber: 'K9000019', birthDate: '1940-01-01' })]);
    const id = await createApprovedCampaign(t, long, ada, bob);
    await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
    const batchId = (await request(t.http).post(`/api/campaigns/${id}/print-batches`).set(auth(ada)).expect(202)).body.id as number;
    const ready = await until(() => request(t.http).get(`/api/print-batches/${batchId}`).set(auth(ada)), (r) => r.body.status === 'ready');
    expect(ready.body.files[0].pages).toBeGreaterThan(2);
    expect(ready.body.lettersOverOneSheet).toBe(1);
  });
});

describe('Print batches after a crash', () => {
  let inst: TestInstallation;
  let ada: string;
  let bob: string;
  let incidentId: number;

  beforeAll(async () => {
    inst = await createInstallation();
    inst.config.printDir = join(inst.dir, 'print');
    inst.config.printFileLetters = 3;
    ada = (await inst.staffToken('comms', 'Ada')).token;
    bob = (await inst.staffToken('comms', 'Bob')).token;
    incidentId = await seedIncident(inst.db);
    await seedCustomers(inst.db, incidentId, [post(1), post(2), post(3), post(4), post(5)]);
  });

  afterAll(async () => {
    await inst.close();
  });

  it('completes a batch whose worker crashed in the middle of a file and whose waiting jobs Redis lost, with every letter exactly once', async () => {
    // The API alone first: no worker takes the jobs, so the crash below is the only attempt.
    const api = await inst.startApp({ appRole: 'api', printLeaseSeconds: 5 });
    const id = await createApprovedCampaign(api, incidentId, ada, bob);
    await request(api.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
    const created = await request(api.http).post(`/api/campaigns/${id}/print-batches`).set(auth(ada)).expect(202);
    const batchId = created.body.id as number;
    const [file]: { id: number; name: string }[] = await inst.db.query('SELECT id, name FROM print_files WHERE batchId = ? ORDER BY fileIndex LIMIT 1', [batchId]);
    // A worker that dies after drawing letters but before the file is complete.
    const crashing = api.app.get(PrintRenderService);
    await expect(
      crashing.renderFile(Number(file.id), {
        afterChunk: () => {
          throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    expect(readdirSync(crashing.batchDir(batchId))).toEqual([]);
    const during = await request(api.http).get(`/api/print-batches/${batchId}`).set(auth(ada)).expect(200);
    expect(during.body.status).toBe('building');
    expect(during.body.files).toEqual([]);
    await request(api.http).get(`/api/print-batches/${batchId}/files/${file.name}`).set(auth(ada)).expect(409);

    // Redis loses the waiting list but not the jobs: Bull would never run them, nor add them again.
    const redis = new Redis(inst.config.redisUrl);
    try {
      expect(await redis.del(`${inst.config.queuePrefix}:print:wait`)).toBe(1);
    } finally {
      redis.disconnect();
    }

    // Another worker process takes over once the dead worker's lease has run out.
    const worker = await inst.startApp({ appRole: 'worker', printLeaseSeconds: 5, reconcileIntervalSeconds: 1 });
    await until(() => request(api.http).get(`/api/print-batches/${batchId}`).set(auth(ada)), (r) => r.body.status === 'ready', 500);
    const { rows, text } = await readBatch(api, inst, ada, batchId);
    expect(rows.length).toBe(created.body.letters);
    for (const row of rows) expect(text(row)).toContain(row.street);
    const onDisk = readdirSync(crashing.batchDir(batchId));
    expect(onDisk.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(crashing.batchDir(batchId), `${file.name}.1`))).toBe(false);
    await worker.close();
    await api.close();
  });
});
