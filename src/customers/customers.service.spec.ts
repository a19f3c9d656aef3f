import { escape } from 'mysql2';
import { parseDataKeys } from '../data-keys/keyring';
import { mergeCustomer } from './customer-merge';
import { CustomersService, INSERT_BATCH_ROWS, sqlString } from './customers.service';
import { loadField } from './load-line';
import { openCustomer } from './sealed-customer';

const config = { dataKeys: parseDataKeys(undefined, false) };

describe(CustomersService.name, () => {
  it('escapes string literals exactly as mysql2 escapes parameters', () => {
    const samples = ["o'brien", 'back\\slash', 'quote"d', 'tab\tnew\nline\rcr', 'nul\0sub\x1abs\b', 'Zoë Çelik', '', "''", '\\\'', 'plain'];
    for (const s of samples) expect(sqlString(s)).toBe(escape(s));
  });

  it('escapes every byte of a sealed value so a LOAD DATA field holds it exactly', () => {
    // How LOAD DATA reads a field with ESCAPED BY '\\' and tabs/newlines as separators.
    const unescape = (field: string) => field.replace(/\\(.)/g, (_, c: string) => ({ '0': '\0', t: '\t', n: '\n' })[c] ?? c);
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('latin1');
    for (const bytes of [every, '\\N', '\\', '\t\n\0', every + every]) {
      const field = loadField(bytes);
      expect(field).not.toMatch(/[\t\n\0]/);
      expect(field === '\\N').toBe(false);
      expect(unescape(field)).toBe(bytes);
    }
  });

  it('prepares one multi-row INSERT, with the merge clause only when asked', () => {
    const service = new CustomersService(undefined as never, config);
    const customer = mergeCustomer(undefined, {
      customerNumber: "K'1",
      name: 'Ans Kok',
      email: null,
      phone: '+31612345678',
      street: 'Polderweg',
      houseNumber: '12',
      houseNumberSuffix: '',
      postcode: '1641 AB',
      city: 'Lindehoven',
      birthDate: '1940-03-01',
      language: null,
      formerCustomer: null,
      tierSeverity: 2,
      exposedMask: 3,
    });
    const rows = [
      { customer },
      { customer: { ...customer, customerNumber: 'K2', formerCustomer: true, language: 'en' as const } },
    ];
    const insert = service.prepareWrite(7, 9, rows, false).sql;
    // Nothing personal in the statement: the number, name, phone, street, postcode, city and birth date are sealed.
    for (const value of ["K\\'1", 'Ans Kok', '+31612345678', 'Polderweg', '1641 AB', 'Lindehoven', '1940-03-01']) expect(insert).not.toContain(value);
    expect(insert).toMatch(/VALUES \(7,X'[0-9a-f]{32}',X'[0-9a-f]{32}',X'[0-9a-f]+','dev',0,'nl',0,2,3,9\),\(7,X'[0-9a-f]{32}',X'[0-9a-f]{32}',X'[0-9a-f]+','dev',0,'en',1,2,3,9\)/);
    const sealed = /VALUES \(7,X'[0-9a-f]{32}',X'[0-9a-f]{32}',X'([0-9a-f]+)'/.exec(insert)![1];
    expect(openCustomer(service.keys, Buffer.from(sealed, 'hex'))).toMatchObject({ customerNumber: "K'1", name: 'Ans Kok', phone: '+31612345678', birthDate: '1940-03-01' });
    // A merge names stored customers by id (NULL: new).
    expect(service.prepareWrite(7, 9, [{ ...rows[0], id: '41' }, rows[1]], true).sql).toMatch(/VALUES \(41,7,X'.*\),\(NULL,7,X'/s);
    expect(insert).not.toContain('ON DUPLICATE KEY UPDATE');
    expect(service.prepareWrite(7, 9, rows, true).sql).toContain('ON DUPLICATE KEY UPDATE');
    expect(service.prepareWrite(7, 9, [], true).sql).toBe('');
  });

  it('prepares a full batch of new customers as one prepared statement with its values in column order', () => {
    const service = new CustomersService(undefined as never, config);
    const customer = mergeCustomer(undefined, {
      customerNumber: 'K1',
      name: 'Ans Kok',
      email: 'ans@mail.example',
      phone: null,
      street: null,
      houseNumber: null,
      houseNumberSuffix: '',
      postcode: null,
      city: null,
      birthDate: null,
      language: null,
      formerCustomer: true,
      tierSeverity: 3,
      exposedMask: 5,
    });
    const rows = Array.from({ length: INSERT_BATCH_ROWS }, (_, i) => ({ customer: { ...customer, customerNumber: `K${i}` } }));
    const write = service.prepareWrite(7, 9, rows, false);
    expect(write.sql).toMatch(
      /^INSERT INTO affected_customers \(incidentId, numberIndex, addressIndex, personal, dataKeyId, hasEmail, language, formerCustomer, tierSeverity, exposedMask, lastImportId\) VALUES \(\?(,\?){10}\)/,
    );
    expect(write.sql.split('?').length - 1).toBe(INSERT_BATCH_ROWS * 11);
    expect(write.values?.length).toBe(INSERT_BATCH_ROWS * 11);
    const second = write.values!.slice(11, 22);
    expect(second).toEqual([7, service.keys.numberIndex('K1'), null, expect.any(Buffer), 'dev', 1, 'nl', 1, 3, 5, 9]);
    expect(openCustomer(service.keys, second[3] as Buffer)).toMatchObject({ customerNumber: 'K1', email: 'ans@mail.example' });
    // Upserts and other sizes stay text statements.
    expect(service.prepareWrite(7, 9, rows, true).values).toBeUndefined();
    expect(service.prepareWrite(7, 9, rows.slice(1), false).values).toBeUndefined();
  });
});
