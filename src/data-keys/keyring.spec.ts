import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { loadConfig } from '../config/config';
import { DataKeysError, DEV_KEY_ID, Keyring, numberIndexKeyForTest, parseDataKeys, sealedKeyId, standardBlind } from './keyring';

const b64 = (fill: number) => Buffer.alloc(32, fill).toString('base64');

describe(Keyring.name, () => {
  const one = new Keyring(parseDataKeys(`k1:${b64(1)}`, true));
  const both = new Keyring(parseDataKeys(`k1:${b64(1)},k2:${b64(2)}`, true));

  it('opens what it sealed, with the key id recorded in the value and a fresh IV each time', () => {
    const text = '["K-001","Zoë O\'Brien",null,"+31612345678"]';
    const a = one.seal(text);
    const b = one.seal(text);
    expect(one.open(a)).toBe(text);
    expect(sealedKeyId(a)).toBe('k1');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('Zoë'))).toBe(false);
    expect(one.open(one.seal(''))).toBe('');
  });

  it('seals new values under the last key and still opens values under the older ones', () => {
    const old = one.seal('old value');
    expect(sealedKeyId(both.seal('new value'))).toBe('k2');
    expect(both.open(old)).toBe('old value');
    expect(both.newestId).toBe('k2');
  });

  it('detects any altered byte (GCM tag)', () => {
    const sealed = one.seal('Ans Kok, Polderweg 12');
    for (const at of [sealed.length - 1, 2 + 2 + 3, 2 + 2 + 12 + 1]) {
      const altered = Buffer.from(sealed);
      altered[at] ^= 1;
      expect(() => one.open(altered)).toThrow(DataKeysError);
    }
  });

  it('refuses a wrong key under the same id, naming the id and not the key', () => {
    const wrong = new Keyring(parseDataKeys(`k1:${b64(9)}`, true));
    const sealed = one.seal('secret');
    expect(() => wrong.open(sealed)).toThrow(/key id "k1".*not the one it was sealed with/);
    try {
      wrong.open(sealed);
    } catch (err) {
      expect(String(err)).not.toContain(b64(9));
      expect(String(err)).not.toContain(b64(1));
    }
  });

  it('names an unknown key id', () => {
    expect(() => new Keyring(parseDataKeys(`k2:${b64(2)}`, true)).open(one.seal('x'))).toThrow(/key id "k1", which DATA_KEYS does not hold/);
  });

  it('makes exact, case-sensitive blind indexes that differ per key and per purpose', () => {
    expect(one.numberIndex('K-001').equals(one.numberIndex('K-001'))).toBe(true);
    expect(one.numberIndex('K-001').equals(one.numberIndex('k-001'))).toBe(false);
    expect(one.numberIndex('K-001')).toHaveLength(16);
    expect(both.numberIndexes('K-001').map((b) => b.toString('hex'))).toEqual([one.numberIndex('K-001').toString('hex'), both.numberIndex('K-001').toString('hex')]);
    expect(both.numberIndex('K-001', 'k1').equals(both.numberIndex('K-001', 'k2'))).toBe(false);
    expect(one.addressIndex('1234 AB', '1', '2').equals(one.addressIndex('1234 AB', '12', ''))).toBe(false);
    // Number and address indexes use their own keys (HKDF info): the same text gives different values.
    expect(one.addressIndex('K-001', '', '').equals(one.numberIndex('K-001\u0001\u0001'))).toBe(false);
  });

  it('computes the blind index as standard HMAC-SHA256 under the HKDF-derived index key', () => {
    const key = parseDataKeys(`k1:${b64(1)}`, true).keys[0];
    for (const text of ['K-001', 'Zoë', '']) expect(one.numberIndex(text)).toEqual(standardBlind(numberIndexKeyForTest(key), text));
    // Texts around the size the pad buffer holds (256 bytes): the fast path and the long one agree with HMAC.
    for (const text of ['é'.repeat(85), 'é'.repeat(86), 'x'.repeat(256), 'x'.repeat(300), '😀'.repeat(60)]) {
      expect(one.numberIndex(text)).toEqual(standardBlind(numberIndexKeyForTest(key), text));
    }
    // A long text first, then a short one: nothing of the first is left in the shared pad buffer.
    expect(one.numberIndex('K-001')).toEqual(standardBlind(numberIndexKeyForTest(key), 'K-001'));
  });

  it('gives the same sealed value and indexes as binary strings as it gives as bytes', () => {
    const sealed = one.sealBinary('Ans Kok, Zoë');
    expect(one.open(Buffer.from(sealed, 'latin1'))).toBe('Ans Kok, Zoë');
    expect(sealedKeyId(Buffer.from(sealed, 'latin1'))).toBe('k1');
    expect(one.numberIndexBinary('K-001')).toBe(one.numberIndex('K-001').toString('latin1'));
    expect(one.addressIndexBinary('1234 AB', '12', 'A')).toBe(one.addressIndex('1234 AB', '12', 'A').toString('latin1'));
  });

  it('never shows key material when a config or key is printed', () => {
    const key = randomBytes(32).toString('base64');
    const config = loadConfig({ DATA_KEYS: `k1:${key}` });
    expect(JSON.stringify(config)).not.toContain(key);
    expect(inspect(config, { depth: 10 })).not.toContain(key);
  });
});

describe(parseDataKeys.name, () => {
  it('reads id:base64key pairs, last one newest', () => {
    const keys = parseDataKeys(` a:${b64(1)} , b-2_x:${b64(2)} `, true);
    expect(keys.keys.map((k) => k.id)).toEqual(['a', 'b-2_x']);
    expect(keys.derived).toBe(false);
    expect(keys.keys[1].secret()).toEqual(Buffer.alloc(32, 2));
  });

  it('derives the fixed development key without DATA_KEYS outside production', () => {
    const keys = parseDataKeys(undefined, false);
    expect(keys).toMatchObject({ derived: true, keys: [{ id: DEV_KEY_ID }] });
    expect(keys.keys[0].secret()).toEqual(parseDataKeys('', false).keys[0].secret());
  });

  it.each([
    [undefined, true, /DATA_KEYS must be set when NODE_ENV=production/],
    ['', true, /DATA_KEYS must be set/],
    [b64(1), false, /entry 1 is not id:base64key \(no colon\)/],
    [`k1:${b64(1)},${b64(2)}`, false, /entry 2 is not id:base64key/],
    [`k 1:${b64(1)}`, false, /entry 1: the key id must be 1-32 letters/],
    [`${'x'.repeat(33)}:${b64(1)}`, false, /the key id must be 1-32/],
    [`k1:${b64(1)},k1:${b64(2)}`, false, /key id "k1" is given twice/],
    ['k1:not*base64', false, /entry 1 \(key id "k1"\): the key is not valid base64/],
    [`k1:${Buffer.alloc(16, 1).toString('base64')}`, false, /the key is 16 bytes, it must be 32/],
  ])('refuses %p (production %p) with a message that shows no key', (raw, production, message) => {
    let error: unknown;
    try {
      parseDataKeys(raw, production);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataKeysError);
    expect(String(error)).toMatch(message);
    for (const secret of [b64(1), b64(2), Buffer.alloc(16, 1).toString('base64')]) expect(String(error)).not.toContain(secret);
  });

  it('is part of the config: a ConfigError at start-up in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(40) })).toThrow(/DATA_KEYS must be set when NODE_ENV=production/);
    expect(() => loadConfig({ DATA_KEYS: 'k1:c2hvcnQ=' })).toThrow(/the key is 5 bytes/);
    expect(loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(40), DATA_KEYS: `k1:${b64(3)}` }).dataKeys.keys[0].id).toBe('k1');
  });
});
