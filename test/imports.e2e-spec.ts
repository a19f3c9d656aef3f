import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import Redis from 'ioredis';
import request from 'supertest';
import { ImportsService } from '../src/imports/imports.service';
import { openedCustomers, seedIncident } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

const run = promisify(execFile);

type Summary = {
  id: number;
  status: string;
  encoding: string;
  delimiter: string;
  rowsRead: number;
  rowsRejected: number;
  warnings: number;
  customersCreated: number;
  customersUpdated: number;
  customersUnchanged: number;
  dryRun: boolean;
  message?: string;
};

interface Row {
  customerNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  houseNumberSuffix: string;
  postcode: string | null;
  city: string | null;
  birthDate: string | null;
  tierSeverity: number;
  exposedMask: number;
  language: string;
  formerCustomer: number;
  updatedAt: Date;
}

const CATEGORY_BITS = { name: 1, email: 2, address: 4, phone: 8, birthDate: 16, customerNumber: 32, iban: 64 };

describe('Imports (HTTP, real MySQL and Redis)', () => {
  let inst: TestInstallation;
  let t: TestApp;
  let comms: string;
  let commsId: number;

  beforeAll(async () => {
    inst = await createInstallation();
    t = await inst.startApp();
    const c = await inst.staffToken('comms', 'Comms Tester', 'comms.tester@polderstroom.example');
    comms = c.token;
    commsId = c.id;
  });
  afterAll(() => inst.close());

  async function upload(incidentId: number, content: string | Buffer, tier: string, opts: { dryRun?: boolean; name?: string } = {}): Promise<number> {
    let req = request(t.http).post(`/api/incidents/${incidentId}/imports`).set('Authorization', `Bearer ${comms}`).field('tier', tier);
    if (opts.dryRun) req = req.field('dryRun', 'true');
    const res = await req.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), opts.name ?? 'customers.csv');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(Number), status: 'queued' });
    return res.body.id as number;
  }

  async function finished(id: number): Promise<Summary> {
    for (;;) {
      const res = await request(t.http).get(`/api/imports/${id}`).set('Authorization', `Bearer ${comms}`).expect(200);
      if (res.body.status === 'completed' || res.body.status === 'failed') return res.body as Summary;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function importCsv(incidentId: number, content: string | Buffer, tier = 'viewed', opts: { dryRun?: boolean } = {}): Promise<Summary> {
    return finished(await upload(incidentId, content, tier, opts));
  }

  async function rejects(id: number): Promise<string[]> {
    const res = await request(t.http).get(`/api/imports/${id}/rejects`).set('Authorization', `Bearer ${comms}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    return res.text.trim().split('\r\n');
  }

  async function customers(incidentId: number): Promise<Map<string, Row>> {
    // The personal columns are sealed: the rows are opened with the test installation's (development) key.
    const rows = (await openedCustomers(inst.db, incidentId)) as unknown as Row[];
    return new Map(rows.map((r) => [r.customerNumber, { ...r, tierSeverity: Number(r.tierSeverity), exposedMask: Number(r.exposedMask), formerCustomer: Number(r.formerCustomer) }]));
  }

  const HEADER = 'klantnummer;naam;email;telefoon;straat;huisnummer;postcode;plaats;geboortedatum';
  const address = 'Polderweg;12;1641 AB;Lindehoven';

  describe('decoding and delimiters', () => {
    const names = ['Zoë Çelik', 'José Müller', 'Noël van ’t Hof'];

    it.each([
      ['UTF-8 with BOM, commas', 'utf-8-bom', ',', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
      ['UTF-8 without BOM, tabs', 'utf-8', '\t', (s: string) => Buffer.from(s, 'utf8')],
      ['Windows-1252, semicolons, CRLF (as Excel writes it)', 'windows-1252', ';', (s: string) => iconv.encode(s.replace(/\n/g, '\r\n'), 'windows-1252')],
      ['UTF-16 LE with BOM, semicolons', 'utf-16le', ';', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')])],
      ['UTF-16 BE with BOM, commas', 'utf-16be', ',', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(s, 'utf-16be')])],
    ])('reads %s and reports encoding and delimiter', async (_label, encoding, delimiter, encode) => {
      const incidentId = await seedIncident(inst.db);
      // Windows-1252 has no ’, so that file gets a plain apostrophe.
      const rowNames = encoding === 'windows-1252' ? names.map((n) => n.replace('’', "'")) : names;
      const csv =
        ['klantnummer', 'naam', 'email'].join(delimiter) +
        '\n' +
        rowNames.map((n, i) => [`K${i + 1}`, n, `klant${i + 1}@mail.example`].join(delimiter)).join('\n') +
        '\n';
      const s = await importCsv(incidentId, encode(csv));
      expect(s).toMatchObject({ status: 'completed', encoding, delimiter, rowsRead: 3, rowsRejected: 0, customersCreated: 3 });
      const stored = await customers(incidentId);
      expect([...stored.values()].map((c) => c.name).sort()).toEqual([...rowNames].sort());
    });

    it('handles quoted fields with line breaks and "", blank lines, trailing delimiters, mixed CRLF/LF; lines count from the file', async () => {
      const incidentId = await seedIncident(inst.db);
      const csv =
        'klantnummer;naam;straat;huisnummer;postcode;plaats;telefoon;\r\n' +
        'Q1;"Jan ""Jantje"" Jansen";"Kerkbuurt\r\nachterom";5;1641 AB;Lindehoven;0612345678;\r\n' +
        '\r\n' +
        'Q2;Piet Bos;Dijkstraat;7;1641 AB;Lindehoven;123;\n' +
        'Q3;Klaas Vos;Dijkstraat;8;1641 AB;Lindehoven;0612345678;\n';
      const s = await importCsv(incidentId, csv);
      expect(s).toMatchObject({ status: 'completed', rowsRead: 3, rowsRejected: 0, warnings: 1 });
      const stored = await customers(incidentId);
      expect(stored.get('Q1')).toMatchObject({ name: 'Jan "Jantje" Jansen', street: 'Kerkbuurt achterom' });
      // Q2 starts on line 5: header 1, Q1 spans 2-3, blank line 4.
      expect(await rejects(s.id)).toEqual(['line,column,severity,reason', expect.stringMatching(/^5,telefoon,warning,/)]);
    });

    it('fails a file without a customer-number column, naming what is missing and the headers found', async () => {
      const incidentId = await seedIncident(inst.db);
      const s = await importCsv(incidentId, 'nummer;naam;email\n1;Jan;jan@mail.example\n');
      expect(s.status).toBe('failed');
      expect(s.message).toContain('customer-number column (klantnummer or customer_number)');
      expect(s.message).toContain('"nummer", "naam", "email"');
      expect((await customers(incidentId)).size).toBe(0);
    });

    it('fails a file with none of the name columns, and never repeats data from a header-less file', async () => {
      const incidentId = await seedIncident(inst.db);
      const s = await importCsv(incidentId, 'klantnummer;email\nK1;jan@mail.example\n');
      expect(s.status).toBe('failed');
      expect(s.message).toMatch(/no a name column \(naam or name; or voornaam/);
      const headerless = await importCsv(incidentId, 'K1;Jan Jansen;jan.jansen@mail.example\n');
      expect(headerless.status).toBe('failed');
      expect(headerless.message).not.toContain('jan.jansen@mail.example');
      expect(headerless.message).not.toContain('K1');
    });

    it('fails a file with a quote that is never closed, naming the line, and applies nothing', async () => {
      const incidentId = await seedIncident(inst.db);
      const s = await importCsv(incidentId, `${HEADER}\nU1;Ans Kok;ans@mail.example;;;;;;\nU2;"Bas Kok;bas@mail.example;;;;;;\nU3;Cor;cor@mail.example;;;;;;\n`);
      expect(s.status).toBe('failed');
      expect(s.message).toMatch(/line 3 .*never closed/);
      expect((await customers(incidentId)).size).toBe(0);
    });

    it('completes a file with a header and no data rows with zeros, and fails an empty file', async () => {
      const incidentId = await seedIncident(inst.db);
      const zero = await importCsv(incidentId, `${HEADER}\r\n`);
      expect(zero).toMatchObject({ status: 'completed', rowsRead: 0, rowsRejected: 0, warnings: 0, customersCreated: 0, customersUpdated: 0, customersUnchanged: 0 });
      const empty = await importCsv(incidentId, '');
      expect(empty.status).toBe('failed');
      expect(empty.message).toMatch(/empty/);
    });
  });

  describe('validation and normalisation', () => {
    let incidentId: number;
    let summary: Summary;
    let stored: Map<string, Row>;
    let report: string[];
    const rows = [
      `P1;  Hendrika   Bakker ;h.bakker@mail.example;06-12345678;${address};03-04-1938`,
      `P2;Gerrit Visser;;0612345678;Polderweg;12a;1641ab;Lindehoven;3-4-1938`,
      `P3;Wim Smit;;0123 AB;Polderweg;12;0123 AB;Lindehoven;1938-04-03`,
      `P4;Jan Kok;j.kok@mail.example;;Polderweg;12;1641 SA;Lindehoven;`,
      `P5;Bep Mulder;b.mulder@mail.example;6,12E+08;;;;;`,
      `P6;Kees Prins;k.prins@mail.example;612345678;;;;;31-02-1940`,
      `P7;Ria Dekker;r.dekker@mail.example;06-1234;;;;;01-01-2091`,
      `P8;Tom Bos;tom@@mail;;${address};29541`,
      `P9;Els Vos;not-an-email;;;;;;`,
      `;Geen Nummer;g.n@mail.example;;;;;;`,
      `P11;;leeg@mail.example;;;;;;`,
      `P12;An\u202Eeknaws\u202C Smit\u0007;a.smit@mail.example;+31 20 123 4567;;;;;1899-12-31`,
      `4,01E+07;Excel Nummer;e.n@mail.example;;;;;;`,
      `P14;Dirk Kuipers;d.kuipers@mail.example;;Polderweg;12;1234 SD;Lindehoven;`,
      `P15;Sien Postma;s.postma@mail.example;;Polderweg;12;1234 SS;Lindehoven;`,
    ];

    beforeAll(async () => {
      incidentId = await seedIncident(inst.db);
      summary = await importCsv(incidentId, [HEADER, ...rows].join('\n') + '\n');
      stored = await customers(incidentId);
      report = await rejects(summary.id);
    });

    const issue = (line: number, column: string, severity: string) => report.find((l) => l.startsWith(`${line},${column},${severity},`));

    it('counts read, rejected and warned rows', () => {
      expect(summary).toMatchObject({ status: 'completed', rowsRead: 15, rowsRejected: 5 });
      expect(stored.size).toBe(10);
    });

    it('trims names and keeps diacritics; strips control and bidi-override characters', () => {
      expect(stored.get('P1')!.name).toBe('Hendrika Bakker');
      expect(stored.get('P12')!.name).toBe('An eknaws Smit');
    });

    it('normalises postcodes to "1234 AB" and drops impossible ones with a warning', () => {
      expect(stored.get('P1')!.postcode).toBe('1641 AB');
      expect(stored.get('P2')!.postcode).toBe('1641 AB');
      expect(stored.get('P4')!.postcode).toBeNull();
      expect(issue(5, 'postcode', 'warning')).toMatch(/SA, SD and SS/);
      expect(stored.get('P14')!.postcode).toBeNull();
      expect(stored.get('P15')!.postcode).toBeNull();
      // 0123 AB and no e-mail: the address is incomplete, so the row cannot be reached at all.
      expect(issue(4, 'postcode', 'warning')).toMatch(/never start with 0/);
      expect(issue(4, '', 'error')).toMatch(/cannot be reached/);
    });

    it('splits house number and suffix', () => {
      expect(stored.get('P2')).toMatchObject({ houseNumber: '12', houseNumberSuffix: 'A' });
      expect(stored.get('P1')).toMatchObject({ houseNumber: '12', houseNumberSuffix: '' });
    });

    it('stores phones as E.164, reads a lost leading zero as Dutch, never guesses Excel numbers back', () => {
      expect(stored.get('P1')!.phone).toBe('+31612345678');
      expect(stored.get('P6')!.phone).toBe('+31612345678');
      expect(stored.get('P12')!.phone).toBe('+31201234567');
      expect(stored.get('P5')!.phone).toBeNull();
      expect(issue(6, 'telefoon', 'warning')).toMatch(/6,12E\+08/);
      expect(stored.get('P7')!.phone).toBeNull();
      expect(issue(8, 'telefoon', 'warning')).toMatch(/not a valid phone number/);
      // The dropped phone number was still in the leaked record.
      expect(stored.get('P5')!.exposedMask & CATEGORY_BITS.phone).toBeTruthy();
    });

    it('accepts valid e-mail addresses; drops an invalid one with a warning when there is a postal address, rejects the row otherwise', () => {
      expect(stored.get('P1')!.email).toBe('h.bakker@mail.example');
      expect(stored.get('P8')!.email).toBeNull();
      expect(issue(9, 'email', 'warning')).toMatch(/not a valid e-mail address/);
      expect(stored.has('P9')).toBe(false);
      expect(issue(10, '', 'error')).toMatch(/e-mail address is invalid/);
    });

    it('reads birth dates as dd-mm-jjjj, d-m-jjjj and jjjj-mm-dd, and drops impossible, future, pre-1900 and Excel-serial dates', () => {
      expect(stored.get('P1')!.birthDate).toBe('1938-04-03');
      expect(stored.get('P2')!.birthDate).toBe('1938-04-03');
      expect(stored.get('P6')!.birthDate).toBeNull();
      expect(issue(7, 'geboortedatum', 'warning')).toMatch(/not an existing date/);
      expect(stored.get('P7')!.birthDate).toBeNull();
      expect(issue(8, 'geboortedatum', 'warning')).toMatch(/future/);
      expect(stored.get('P8')!.birthDate).toBeNull();
      expect(issue(9, 'geboortedatum', 'warning')).toMatch(/day number/);
      expect(issue(13, 'geboortedatum', 'warning')).toMatch(/before 1900/);
    });

    it('rejects rows without a customer number or name, and Excel-mangled customer numbers', () => {
      expect(issue(11, 'klantnummer', 'error')).toMatch(/no customer number/);
      expect(issue(12, 'naam', 'error')).toMatch(/no name/);
      expect(issue(14, 'klantnummer', 'error')).toMatch(/Excel/);
    });

    it('records the exposed categories of the non-empty columns, always with name and customer number', () => {
      expect(stored.get('P1')!.exposedMask).toBe(CATEGORY_BITS.name | CATEGORY_BITS.email | CATEGORY_BITS.phone | CATEGORY_BITS.address | CATEGORY_BITS.birthDate | CATEGORY_BITS.customerNumber);
      expect(stored.get('P5')!.exposedMask).toBe(CATEGORY_BITS.name | CATEGORY_BITS.email | CATEGORY_BITS.phone | CATEGORY_BITS.customerNumber);
    });

    it('validates IBANs with mod-97, records them as exposed and never stores their digits', async () => {
      const id = await seedIncident(inst.db);
      const s = await importCsv(id, ['klantnummer;naam;email;iban', 'I1;Ans Kok;a.kok@mail.example;NL91 ABNA 0417 1643 00', 'I2;Bas Kok;b.kok@mail.example;NL92ABNA0417164300'].join('\n'));
      expect(s).toMatchObject({ status: 'completed', rowsRejected: 0, warnings: 1 });
      const c = await customers(id);
      expect(c.get('I1')!.exposedMask & CATEGORY_BITS.iban).toBeTruthy();
      expect(c.get('I2')!.exposedMask & CATEGORY_BITS.iban).toBeTruthy();
      expect(await rejects(s.id)).toEqual(['line,column,severity,reason', expect.stringMatching(/^3,iban,warning,not a valid IBAN/)]);
      const dump = JSON.stringify(await inst.db.query('SELECT * FROM affected_customers WHERE incidentId = ?', [id]));
      expect(dump).not.toContain('0417164300');
      expect(dump).not.toContain('0417 1643');
    });

    it('takes exposed categories from the gegevens column when it is filled, and language and customer status', async () => {
      const id = await seedIncident(inst.db);
      const s = await importCsv(id, ['klantnummer;naam;email;gegevens;taal;klantstatus', 'G1;Ans Kok;a.kok@mail.example;naam|iban|telefoon;en;ex-klant', 'G2;Bas Kok;b.kok@mail.example;;fr;weet niet'].join('\n'));
      expect(s).toMatchObject({ status: 'completed', rowsRejected: 0, warnings: 2 });
      const c = await customers(id);
      expect(c.get('G1')).toMatchObject({ exposedMask: CATEGORY_BITS.name | CATEGORY_BITS.iban | CATEGORY_BITS.phone, language: 'en', formerCustomer: 1 });
      expect(c.get('G2')).toMatchObject({ exposedMask: CATEGORY_BITS.name | CATEGORY_BITS.email | CATEGORY_BITS.customerNumber, language: 'nl', formerCustomer: 0 });
    });
  });

  describe('merging', () => {
    it('keeps the most severe tier, unites exposed categories, lets later contact data replace older data and warns about a changed e-mail', async () => {
      const incidentId = await seedIncident(inst.db);
      const first = await importCsv(
        incidentId,
        ['klantnummer;naam;email;telefoon;iban', 'M1;Ans Kok;ans@mail.example;0612345678;NL91ABNA0417164300', 'M2;Bas Kok;bas@mail.example;;'].join('\n'),
        'photographed',
      );
      expect(first.customersCreated).toBe(2);
      const second = await importCsv(
        incidentId,
        ['klantnummer;naam;email;straat;huisnummer;postcode;plaats', `M1;Ans Kok-Bakker;ans.nieuw@mail.example;${address}`, 'M3;Cor Kok;cor@mail.example;;;;'].join('\n'),
        'searched',
      );
      expect(second).toMatchObject({ customersCreated: 1, customersUpdated: 1, customersUnchanged: 0, warnings: 1 });
      expect(await rejects(second.id)).toEqual(['line,column,severity,reason', expect.stringMatching(/^2,email,warning,the e-mail address differs/)]);
      const third = await importCsv(incidentId, ['klantnummer;naam;email', 'M3;Cor Kok;cor@mail.example'].join('\n'), 'viewed');
      expect(third).toMatchObject({ customersUpdated: 1 });
      const c = await customers(incidentId);
      expect(c.get('M1')).toMatchObject({
        tierSeverity: 3,
        name: 'Ans Kok-Bakker',
        email: 'ans.nieuw@mail.example',
        phone: '+31612345678',
        street: 'Polderweg',
        exposedMask: CATEGORY_BITS.name | CATEGORY_BITS.email | CATEGORY_BITS.phone | CATEGORY_BITS.iban | CATEGORY_BITS.address | CATEGORY_BITS.customerNumber,
      });
      expect(c.get('M3')!.tierSeverity).toBe(2);
      const incident = await request(t.http).get(`/api/incidents/${incidentId}`).set('Authorization', `Bearer ${comms}`).expect(200);
      expect(incident.body.customers).toMatchObject({ photographed: 2, viewed: 1, searched: 0 });
    });

    it('uses the last row for a customer number listed twice in one file, with a warning, counting the customer once', async () => {
      const incidentId = await seedIncident(inst.db);
      const s = await importCsv(incidentId, ['klantnummer;naam;email', 'D1;Eerste Naam;een@mail.example', 'D2;Ander;ander@mail.example', 'D1;Laatste Naam;twee@mail.example'].join('\n'));
      expect(s).toMatchObject({ rowsRead: 3, customersCreated: 2, warnings: 1 });
      expect(await rejects(s.id)).toEqual(['line,column,severity,reason', expect.stringMatching(/^4,klantnummer,warning,.*earlier line/)]);
      expect((await customers(incidentId)).get('D1')).toMatchObject({ name: 'Laatste Naam', email: 'twee@mail.example' });
    });

    it('changes nothing when the identical file is uploaded again', async () => {
      const incidentId = await seedIncident(inst.db);
      const csv = [HEADER, `R1;Ans Kok;ans@mail.example;0612345678;${address};01-01-1940`, `R2;Bas Kok;;;${address};`].join('\n');
      const first = await importCsv(incidentId, csv, 'viewed');
      expect(first.customersCreated).toBe(2);
      const before = await customers(incidentId);
      await new Promise((r) => setTimeout(r, 20));
      const again = await importCsv(incidentId, csv, 'viewed');
      expect(again).toMatchObject({ status: 'completed', customersCreated: 0, customersUpdated: 0, customersUnchanged: 2 });
      const after = await customers(incidentId);
      for (const [number, row] of before) expect(after.get(number)).toEqual(row);
    });

    it('writes nothing on a dry run but reports what it would have done', async () => {
      const incidentId = await seedIncident(inst.db);
      await importCsv(incidentId, ['klantnummer;naam;email', 'X1;Ans Kok;ans@mail.example'].join('\n'));
      const before = await customers(incidentId);
      const dry = await importCsv(incidentId, ['klantnummer;naam;email', 'X1;Ans Anders;ans@mail.example', 'X2;Nieuw;nieuw@mail.example', ';Zonder;z@mail.example'].join('\n'), 'photographed', { dryRun: true });
      expect(dry).toMatchObject({ status: 'completed', dryRun: true, rowsRead: 3, rowsRejected: 1, customersCreated: 1, customersUpdated: 1 });
      expect(await customers(incidentId)).toEqual(before);
      expect(await rejects(dry.id)).toHaveLength(2);
    });
  });

  describe('rejects report', () => {
    it('lists line, column and reason only, and escapes cells Excel would run as formulas', async () => {
      const incidentId = await seedIncident(inst.db);
      const csv = ['klantnummer;naam;-telefoon;@email;=HYPERLINK("http://x.example");+plaats', 'F1;Ans Geheim;0612;ans.geheim@mail;;'].join('\n');
      const s = await importCsv(incidentId, csv);
      const lines = await rejects(s.id);
      expect(lines[0]).toBe('line,column,severity,reason');
      expect(lines).toContain(`1,"'=HYPERLINK(""http://x.example"")",warning,column not recognised; it was not imported`);
      expect(lines).toContain(`1,'+plaats,warning,column not recognised; it was not imported`);
      expect(lines.find((l) => l.startsWith("2,'-telefoon,warning,"))).toBeDefined();
      expect(lines.find((l) => l.startsWith('2,,error,"cannot be reached'))).toBeDefined();
      for (const l of lines.slice(1)) {
        const [, column] = l.split(',');
        expect(column).not.toMatch(/^"?[=+\-@\t\r]/);
      }
      const text = lines.join('\n');
      expect(text).not.toContain('Geheim');
      expect(text).not.toContain('ans.geheim');
      expect(text).not.toContain('0612');
    });
  });

  describe('upload handling', () => {
    it('allows only comms staff and answers 404 for unknown imports and incidents', async () => {
      const incidentId = await seedIncident(inst.db);
      const hotline = await inst.staffToken('hotline');
      await request(t.http).post(`/api/incidents/${incidentId}/imports`).field('tier', 'viewed').attach('file', Buffer.from('x'), 'a.csv').expect(401);
      await request(t.http).post(`/api/incidents/${incidentId}/imports`).set('Authorization', `Bearer ${hotline.token}`).field('tier', 'viewed').attach('file', Buffer.from('x'), 'a.csv').expect(403);
      await request(t.http).get('/api/imports/1').set('Authorization', `Bearer ${hotline.token}`).expect(403);
      await request(t.http).get('/api/imports/1/rejects').set('Authorization', `Bearer ${hotline.token}`).expect(403);
      await request(t.http).get('/api/imports/999999').set('Authorization', `Bearer ${comms}`).expect(404);
      const res = await request(t.http).post('/api/incidents/999999/imports').set('Authorization', `Bearer ${comms}`).field('tier', 'viewed').attach('file', Buffer.from('klantnummer;naam\n'), 'a.csv').expect(404);
      expect(res.body.message).toContain('999999');
    });

    it('rejects a missing file or tier with a clear message and keeps no file', async () => {
      const incidentId = await seedIncident(inst.db);
      const noFile = await request(t.http).post(`/api/incidents/${incidentId}/imports`).set('Authorization', `Bearer ${comms}`).field('tier', 'viewed').expect(400);
      expect(noFile.body.message).toMatch(/"file"/);
      const badTier = await request(t.http).post(`/api/incidents/${incidentId}/imports`).set('Authorization', `Bearer ${comms}`).field('tier', 'all').attach('file', Buffer.from('klantnummer;naam\n'), 'a.csv').expect(400);
      expect(JSON.stringify(badTier.body.message)).toContain('photographed, viewed, searched');
      expect(readdirSync(join(inst.dir, 'uploads'))).toEqual([]);
    });

    it('answers 413 with the limit for a file over the upload limit', async () => {
      const small = await inst.startApp({ appRole: 'api', uploadLimitBytes: 1024 });
      try {
        const incidentId = await seedIncident(inst.db);
        const res = await request(small.http).post(`/api/incidents/${incidentId}/imports`).set('Authorization', `Bearer ${comms}`).field('tier', 'viewed').attach('file', Buffer.alloc(5000, 'a'), 'big.csv');
        expect(res.status).toBe(413);
        expect(res.body.message).toMatch(/upload limit of \d+ (MB|KB)/);
        expect(readdirSync(join(inst.dir, 'uploads'))).toEqual([]);
      } finally {
        await small.close();
      }
    });

    it('deletes the uploaded file when the import ends and audits counts only', async () => {
      const incidentId = await seedIncident(inst.db);
      const s = await importCsv(incidentId, ['klantnummer;naam;email', 'E1;Ans Privé;ans.prive@mail.example', 'E2;;x@mail.example'].join('\n'));
      expect(readdirSync(join(inst.dir, 'uploads'))).toEqual([]);
      const audit: { action: string; actorId: number | null; detail: string }[] = await inst.db.query("SELECT action, actorId, detail FROM audit_events WHERE subject = ? ORDER BY id", [`import:${s.id}`]);
      expect(audit.map((a) => a.action)).toEqual(['import.create', 'import.complete']);
      expect(audit[0].actorId).toBe(commsId);
      const auditText = JSON.stringify(audit);
      expect(auditText).not.toContain('Privé');
      expect(auditText).not.toContain('ans.prive');
    });
  });

  describe('one import per incident at a time, and interrupted imports', () => {
    const lockName = (incidentId: number) => {
      const db = new URL(inst.config.databaseUrl).pathname.slice(1);
      return `fw_import_${createHash('sha1').update(db).digest('hex').slice(0, 16)}_${incidentId}`;
    };

    it('keeps an import queued while another import of the same incident holds the incident', async () => {
      const incidentId = await seedIncident(inst.db);
      const runner = inst.db.createQueryRunner();
      await runner.connect();
      try {
        await runner.query('SELECT GET_LOCK(?, 0)', [lockName(incidentId)]);
        const id = await upload(incidentId, 'klantnummer;naam;email\nL1;Ans;ans@mail.example\n', 'viewed');
        await new Promise((r) => setTimeout(r, 1500));
        const waiting = await request(t.http).get(`/api/imports/${id}`).set('Authorization', `Bearer ${comms}`).expect(200);
        expect(waiting.body.status).toBe('queued');
        await runner.query('SELECT RELEASE_LOCK(?)', [lockName(incidentId)]);
        expect((await finished(id)).status).toBe('completed');
      } finally {
        await runner.release();
      }
    });

    it('runs a queued import whose job Redis lost, without a worker restart', async () => {
      const incidentId = await seedIncident(inst.db);
      const runner = inst.db.createQueryRunner();
      await runner.connect();
      const redis = new Redis(inst.config.redisUrl);
      try {
        // The first import holds the worker (waiting for the incident), so the second stays listed.
        await runner.query('SELECT GET_LOCK(?, 0)', [lockName(incidentId)]);
        const first = await upload(incidentId, 'klantnummer;naam;email\nR1;Ans;ans@mail.example\n', 'viewed');
        const second = await upload(incidentId, 'klantnummer;naam;email\nR2;Bo;bo@mail.example\n', 'viewed');
        // Redis loses the waiting list but not the job: Bull would never run it, nor add it again.
        expect(await redis.lrem(`${inst.config.queuePrefix}:imports:wait`, 0, `import-${second}`)).toBe(1);
        expect(await redis.exists(`${inst.config.queuePrefix}:imports:import-${second}`)).toBe(1);
        await runner.query('SELECT RELEASE_LOCK(?)', [lockName(incidentId)]);
        expect((await finished(first)).status).toBe('completed');
        expect(await finished(second)).toMatchObject({ status: 'completed', customersCreated: 1 });
      } finally {
        redis.disconnect();
        await runner.release();
      }
    });

    it('marks an import left processing by a killed process as failed, saying nothing was applied', async () => {
      const incidentId = await seedIncident(inst.db);
      const stale = join(inst.dir, 'uploads', 'stale.upload');
      mkdirSync(join(inst.dir, 'uploads'), { recursive: true });
      writeFileSync(stale, 'klantnummer;naam\n');
      const res: { insertId: number } = await inst.db.query("INSERT INTO imports (incidentId, tier, status, storedPath) VALUES (?, 'viewed', 'processing', ?)", [incidentId, stale]);
      const worker = await inst.startApp({ appRole: 'worker' });
      try {
        await worker.app.get(ImportsService).recoverInterrupted();
        const s = await finished(Number(res.insertId));
        expect(s.status).toBe('failed');
        expect(s.message).toMatch(/Nothing from this file was applied/);
        expect(readdirSync(join(inst.dir, 'uploads'))).not.toContain('stale.upload');
      } finally {
        await worker.close();
      }
    });
  });

  describe('command line', () => {
    it('imports a file and prints the summary as the last line; exits non-zero for a failed import', async () => {
      const incidentId = await seedIncident(inst.db);
      const file = join(inst.dir, 'cli.csv');
      writeFileSync(file, 'klantnummer;naam;email\nC1;Ans;ans@mail.example\n');
      const env = { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', DATABASE_URL: inst.config.databaseUrl, REDIS_URL: inst.config.redisUrl, QUEUE_PREFIX: inst.config.queuePrefix, OUTBOX_DIR: join(inst.dir, 'outbox') };
      const args = ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', 'import', '--incident', String(incidentId), '--tier', 'searched'];
      const ok = await run('node', [...args, file], { env });
      const summary = JSON.parse(ok.stdout.trim().split('\n').pop()!);
      expect(summary).toMatchObject({ status: 'completed', tier: 'searched', rowsRead: 1, customersCreated: 1 });
      expect(ok.stderr).toContain('import [');
      const bad = join(inst.dir, 'bad.csv');
      writeFileSync(bad, 'nummer;naam\n1;x\n');
      const failed = await run('node', [...args, '--dry-run', bad], { env }).catch((e: { code: number; stdout: string }) => e);
      expect((failed as { code: number }).code).toBe(1);
      expect(JSON.parse((failed as { stdout: string }).stdout.trim().split('\n').pop()!)).toMatchObject({ status: 'failed', dryRun: true });
    });
  });

  describe('volume', () => {
    it('imports a 100,000-row file, and a customer number repeated in another batch counts once', async () => {
      const incidentId = await seedIncident(inst.db);
      const lines = [HEADER];
      for (let i = 1; i <= 100_000; i++) {
        lines.push(`V${String(i).padStart(7, '0')};Klant ${i};klant${i}@mail.example;06${String(10_000_000 + i)};Polderweg;${(i % 200) + 1};1641 AB;Lindehoven;${(i % 28) + 1}-${(i % 12) + 1}-19${30 + (i % 60)}`);
      }
      // The first customer again at the end, far from its first row (another batch): the last row wins.
      lines.push(`V0000001;Klant Een Later;later@mail.example;;Polderweg;1;1641 AB;Lindehoven;`);
      const s = await importCsv(incidentId, lines.join('\r\n') + '\r\n', 'viewed');
      expect(s).toMatchObject({ status: 'completed', rowsRead: 100_001, rowsRejected: 0, warnings: 1, customersCreated: 100_000, customersUpdated: 0 });
      const [{ n }]: { n: string }[] = await inst.db.query('SELECT COUNT(*) AS n FROM affected_customers WHERE incidentId = ?', [incidentId]);
      expect(Number(n)).toBe(100_000);
      expect((await rejects(s.id)).slice(1)).toEqual([expect.stringMatching(/^100002,klantnummer,warning,.*earlier line/)]);
      const first = (await customers(incidentId)).get('V0000001')!;
      expect({ name: first.name, email: first.email, phone: first.phone }).toEqual({ name: 'Klant Een Later', email: 'later@mail.example', phone: '+31610000001' });
    });

    it('writes a full batch that repeats an earlier batch\'s customer the careful way, leaving nothing of the failed insert behind', async () => {
      const incidentId = await seedIncident(inst.db);
      const lines = [HEADER];
      for (let i = 1; i <= 4_000; i++) {
        // Line 3,001 (inside the second batch of 2,000 new customers) repeats the first customer.
        const number = i === 3_000 ? 'W0000001' : `W${String(i).padStart(7, '0')}`;
        lines.push(`${number};Klant ${i};klant${i}@mail.example;06${String(10_000_000 + i)};Polderweg;${(i % 200) + 1};1641 AB;Lindehoven;`);
      }
      const s = await importCsv(incidentId, lines.join('\n') + '\n', 'viewed');
      expect(s).toMatchObject({ status: 'completed', rowsRead: 4_000, rowsRejected: 0, warnings: 1, customersCreated: 3_999, customersUpdated: 0 });
      const [{ n, distinctNumbers }]: { n: string; distinctNumbers: string }[] = await inst.db.query(
        'SELECT COUNT(*) AS n, COUNT(DISTINCT numberIndex) AS distinctNumbers FROM affected_customers WHERE incidentId = ?',
        [incidentId],
      );
      expect([Number(n), Number(distinctNumbers)]).toEqual([3_999, 3_999]);
      expect((await rejects(s.id)).slice(1)).toEqual([expect.stringMatching(/^3001,klantnummer,warning,.*earlier line/)]);
      expect((await customers(incidentId)).get('W0000001')!.name).toBe('Klant 3000');
    });
  });
});

describe('Import finished e-mail (separate worker process)', () => {
  // @react-email/render needs a real Node module loader (Jest's VM refuses its dynamic import), so
  // the worker that sends the e-mail runs as its own process, as it does in production.
  let inst: TestInstallation;
  let api: TestApp;
  let worker: ChildProcess | undefined;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url });
    api = await inst.startApp({ appRole: 'api' });
    worker = spawn('node', ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      env: {
        ...process.env,
        APP_ROLE: 'worker',
        DATABASE_URL: inst.config.databaseUrl,
        REDIS_URL: inst.config.redisUrl,
        QUEUE_PREFIX: inst.config.queuePrefix,
        SMTP_URL: sink.url,
        UPLOAD_DIR: inst.config.uploadDir,
        PUBLIC_BASE_URL: inst.config.publicBaseUrl,
        LOG_LEVEL: 'error',
      },
      stdio: 'ignore',
    });
  });
  afterAll(async () => {
    if (worker?.pid && worker.exitCode === null) {
      const exited = new Promise((r) => worker!.once('exit', r));
      worker.kill('SIGTERM');
      await exited;
    }
    await inst.close();
    await sink.close();
  });

  it('sends the uploader the counts and the link to the rejects report, without customer data', async () => {
    const staff = await inst.staffToken('comms', 'Mail Tester', 'mail.tester@polderstroom.example');
    const incidentId = await seedIncident(inst.db);
    const res = await request(api.http)
      .post(`/api/incidents/${incidentId}/imports`)
      .set('Authorization', `Bearer ${staff.token}`)
      .field('tier', 'searched')
      .attach('file', Buffer.from('klantnummer;naam;email\nE1;Ans Privé;ans.prive@mail.example\nE2;;x@mail.example\n'), 'a.csv')
      .expect(202);
    const id = res.body.id as number;
    for (;;) {
      const mail = sink.messages.find((m) => m.parsed.subject === `Import #${id} (searched) finished`);
      if (mail) {
        expect(mail.to).toEqual(['mail.tester@polderstroom.example']);
        expect(mail.parsed.text).toContain(`http://fw.test/api/imports/${id}/rejects`);
        expect(mail.parsed.text).toMatch(/Rows rejected\s+1/);
        expect(mail.parsed.text).toMatch(/Customers added\s+1/);
        expect(mail.raw.toString()).not.toContain('ans.prive');
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const summary = await request(api.http).get(`/api/imports/${id}`).set('Authorization', `Bearer ${staff.token}`).expect(200);
    expect(summary.body).toMatchObject({ status: 'completed', customersCreated: 1, rowsRejected: 1 });
  });
});
