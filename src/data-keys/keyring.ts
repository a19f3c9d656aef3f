import { createCipheriv, createDecipheriv, createHmac, hash, hkdfSync, randomFillSync } from 'node:crypto';

/**
 * The keys that protect customers' personal data at rest (README, "Data at rest"). Plain
 * functions and one small class, no Nest: the import, the migration, `keys:rotate` and the tests
 * all use the same code.
 *
 * A sealed value is: version byte (1), key-id length byte, the key id (ASCII), 12-byte IV,
 * 16-byte GCM tag, ciphertext. The key id travels with the value, so a value always says which
 * key opens it, and rotation can tell old values from new ones without trying keys.
 */

/** One configured key, as DATA_KEYS gives it. The secret is kept out of enumeration, JSON and inspection. */
export class DataKey {
  readonly #secret: Buffer;

  constructor(
    readonly id: string,
    secret: Buffer,
  ) {
    this.#secret = secret;
  }

  /** The raw key; only the keyring reads it. */
  secret(): Buffer {
    return this.#secret;
  }

  toJSON(): { id: string } {
    return { id: this.id };
  }
}

export interface DataKeys {
  /** Oldest first; the last one seals new values. */
  keys: DataKey[];
  /** True when no DATA_KEYS was given and the fixed development key stands in. */
  derived: boolean;
}

export class DataKeysError extends Error {}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The development key: fixed, so a dev database and the test databases keep opening; never for production. */
export const DEV_KEY_ID = 'dev';
const DEV_KEY = hash('sha256', 'fraud-warning-mailer development data key: not secret, never use in production', 'buffer');

/**
 * DATA_KEYS as `id1:base64key,id2:base64key`. Messages name the entry and the key id, never the
 * key (an entry without a colon may be a pasted key, so it is not echoed either).
 */
export function parseDataKeys(raw: string | undefined, production: boolean): DataKeys {
  const text = raw?.trim() ?? '';
  if (text === '') {
    if (production) {
      throw new DataKeysError(
        'DATA_KEYS must be set when NODE_ENV=production: id:base64key with a 32-byte key, e.g. DATA_KEYS=k1:$(openssl rand -base64 32) (README, "Data at rest").',
      );
    }
    return { keys: [new DataKey(DEV_KEY_ID, DEV_KEY)], derived: true };
  }
  const keys: DataKey[] = [];
  text.split(',').forEach((entry, i) => {
    const where = `DATA_KEYS entry ${i + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) throw new DataKeysError(`${where} is not id:base64key (no colon); write each key as id:base64key, separated by commas.`);
    const id = entry.slice(0, colon).trim();
    const b64 = entry.slice(colon + 1).trim();
    if (!KEY_ID.test(id)) throw new DataKeysError(`${where}: the key id must be 1-32 letters, digits, _ or - (it is what each stored value records).`);
    if (keys.some((k) => k.id === id)) throw new DataKeysError(`${where}: key id "${id}" is given twice; each key needs its own id.`);
    const key = BASE64.test(b64) && b64.length % 4 === 0 ? Buffer.from(b64, 'base64') : undefined;
    if (!key) throw new DataKeysError(`${where} (key id "${id}"): the key is not valid base64.`);
    if (key.length !== 32) throw new DataKeysError(`${where} (key id "${id}"): the key is ${key.length} bytes, it must be 32 (AES-256); generate one with randomBytes(32).`);
    keys.push(new DataKey(id, key));
  });
  return { keys, derived: false };
}

/** One key, with the sub-keys derived from it (HKDF, one `info` per purpose, so no two purposes share a key). */
interface Derived {
  id: string;
  /** The start of every value sealed under this key, one char per byte: version, key-id length, key id. */
  head: string;
  /**
   * The raw sub-key, not a KeyObject: createCipheriv takes a Buffer ~1 µs faster, and an import
   * seals a million values. It never leaves this module, like the HMAC pads beside it.
   */
  seal: Buffer;
  numberIndex: HmacKey;
  addressIndex: HmacKey;
}

/**
 * An HMAC-SHA256 key as its two padded blocks (RFC 2104), so one HMAC is two one-shot hashes,
 * each hashing a buffer that already starts with its pad: the message (or the inner digest) is
 * written in after the pad, with no Buffer.concat per call.
 */
interface HmacKey {
  ipad: Buffer;
  opad: Buffer;
  /** ipad, then room for a message of up to INNER_ROOM bytes. */
  inner: Buffer;
  /** opad, then the inner digest's 32 bytes. */
  outer: Buffer;
}

const INNER_ROOM = 256;

function hmacKey(key: Buffer): HmacKey {
  const ipad = Buffer.alloc(64, 0x36);
  const opad = Buffer.alloc(64, 0x5c);
  for (let i = 0; i < key.length; i++) {
    ipad[i] ^= key[i];
    opad[i] ^= key[i];
  }
  const inner = Buffer.alloc(64 + INNER_ROOM);
  ipad.copy(inner);
  const outer = Buffer.alloc(64 + 32);
  opad.copy(outer);
  return { ipad, opad, inner, outer };
}

function derive(key: DataKey): Derived {
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', key.secret(), Buffer.alloc(0), `fraud-warning-mailer ${info} v1`, 32));
  const idBytes = Buffer.from(key.id, 'ascii');
  return {
    id: key.id,
    head: Buffer.concat([Buffer.from([VERSION, idBytes.length]), idBytes]).toString('latin1'),
    seal: sub('seal'),
    numberIndex: hmacKey(sub('blind-index customer-number')),
    addressIndex: hmacKey(sub('blind-index address')),
  };
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/**
 * Blind indexes are HMAC-SHA256 cut to 16 bytes: half the index size of the full 32 (the index
 * pages are what an import of a million customers writes most), and 128 bits still make an
 * accidental collision between two customers of one incident practically impossible (~n²/2¹²⁹).
 */
export const INDEX_BYTES = 16;

/** Random IVs drawn from a pool refilled 4,096 at a time: one syscall per 4,096 values, not per value. */
const ivPool = Buffer.alloc(IV_BYTES * 4096);
let ivAt = ivPool.length;
function nextIv(): Buffer {
  if (ivAt === ivPool.length) {
    randomFillSync(ivPool);
    ivAt = 0;
  }
  // A view, not a copy: the cipher copies the IV it is given, and seal copies it into the value.
  const iv = ivPool.subarray(ivAt, ivAt + IV_BYTES);
  ivAt += IV_BYTES;
  return iv;
}

/** The key id recorded in a sealed value (without opening it). */
export function sealedKeyId(value: Buffer): string {
  if (value.length < 2 || value[0] !== VERSION || value.length < 2 + value[1] + IV_BYTES + TAG_BYTES) throw new DataKeysError('a stored encrypted value is not in a format this version knows');
  return value.toString('ascii', 2, 2 + value[1]);
}

export class Keyring {
  private readonly byId = new Map<string, Derived>();
  private readonly newest: Derived;

  constructor(keys: DataKeys) {
    if (keys.keys.length === 0) throw new DataKeysError('DATA_KEYS holds no key.');
    for (const k of keys.keys) this.byId.set(k.id, derive(k));
    this.newest = this.byId.get(keys.keys[keys.keys.length - 1].id)!;
  }

  get newestId(): string {
    return this.newest.id;
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  /** Seals `text` (UTF-8) under the newest key, or under `keyId`. */
  seal(text: string, keyId?: string): Buffer {
    return bytes(this.sealBinary(text, keyId));
  }

  /**
   * The sealed value as a binary string (one char per byte, latin1), the form the import's LOAD
   * DATA stream carries. Built from the cipher's string output: Node makes every Buffer it
   * returns from C++ at a cost of about a microsecond here, and a seal would otherwise return
   * three (body, final, tag) and copy them together.
   */
  sealBinary(text: string, keyId?: string): string {
    const k = keyId === undefined ? this.newest : this.key(keyId);
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', k.seal, iv);
    const body = cipher.update(text, 'utf8', 'latin1');
    // GCM is a stream mode: final() returns nothing more, it only computes the tag.
    cipher.final('latin1');
    return k.head + iv.toString('latin1') + cipher.getAuthTag().toString('latin1') + body;
  }

  /** Opens a sealed value; a wrong key or an altered value fails (GCM tag), naming only the key id. */
  open(value: Buffer): string {
    const id = sealedKeyId(value);
    const k = this.key(id);
    const at = 2 + value[1];
    const decipher = createDecipheriv('aes-256-gcm', k.seal, value.subarray(at, at + IV_BYTES));
    decipher.setAuthTag(value.subarray(at + IV_BYTES, at + IV_BYTES + TAG_BYTES));
    try {
      return decipher.update(value.subarray(at + IV_BYTES + TAG_BYTES), undefined, 'utf8') + decipher.final('utf8');
    } catch {
      throw new DataKeysError(`a value sealed under key id "${id}" does not open: the key configured as "${id}" is not the one it was sealed with, or the value was altered`);
    }
  }

  /** Blind index of a customer number (exact, case-sensitive), under the newest key or `keyId`. */
  numberIndex(customerNumber: string, keyId?: string): Buffer {
    return bytes(this.numberIndexBinary(customerNumber, keyId));
  }

  numberIndexBinary(customerNumber: string, keyId?: string): string {
    return blind(keyId === undefined ? this.newest.numberIndex : this.key(keyId).numberIndex, customerNumber);
  }

  /** The number's blind index under every configured key: lookups match during a rotation too. */
  numberIndexes(customerNumber: string): Buffer[] {
    return [...this.byId.values()].map((k) => bytes(blind(k.numberIndex, customerNumber)));
  }

  /** Blind index of an address (normalised postcode "1234 AB", house-number digits, suffix upper case or ""). */
  addressIndex(postcode: string, houseNumber: string, houseNumberSuffix: string, keyId?: string): Buffer {
    return bytes(this.addressIndexBinary(postcode, houseNumber, houseNumberSuffix, keyId));
  }

  addressIndexBinary(postcode: string, houseNumber: string, houseNumberSuffix: string, keyId?: string): string {
    return blind(keyId === undefined ? this.newest.addressIndex : this.key(keyId).addressIndex, addressText(postcode, houseNumber, houseNumberSuffix));
  }

  addressIndexes(postcode: string, houseNumber: string, houseNumberSuffix: string): Buffer[] {
    const text = addressText(postcode, houseNumber, houseNumberSuffix);
    return [...this.byId.values()].map((k) => bytes(blind(k.addressIndex, text)));
  }

  private key(id: string): Derived {
    const k = this.byId.get(id);
    if (!k) throw new DataKeysError(`stored data is sealed under key id "${id}", which DATA_KEYS does not hold: add that key (id:base64key) to DATA_KEYS`);
    return k;
  }
}

/** A binary string (one char per byte) as the bytes it stands for. */
export function bytes(binary: string): Buffer {
  return Buffer.from(binary, 'latin1');
}

function addressText(postcode: string, houseNumber: string, houseNumberSuffix: string): string {
  return postcode + '\u0001' + houseNumber + '\u0001' + houseNumberSuffix;
}

/**
 * HMAC-SHA256 of `text`, cut to INDEX_BYTES, as a binary string. Written out as two one-shot
 * hashes over the key's pad buffers (see HmacKey), with a string out: the import makes two per row, and
 * createHmac's object, Buffer.concat and a digest returned as a Buffer each cost about as much
 * again as the hashing. Synchronous, so the shared pad buffers cannot be overwritten mid-way.
 */
function blind(key: HmacKey, text: string): string {
  // At most 3 UTF-8 bytes per UTF-16 unit, so a short text always fits; a longer one goes the plain way.
  const inner =
    text.length * 3 <= INNER_ROOM
      ? hash('sha256', key.inner.subarray(0, 64 + key.inner.write(text, 64, 'utf8')), 'binary')
      : hash('sha256', Buffer.concat([key.ipad, Buffer.from(text, 'utf8')]), 'binary');
  // 'binary' is Node's name for latin1 here: one char per byte.
  key.outer.write(inner, 64, 'latin1');
  return hash('sha256', key.outer, 'binary').slice(0, INDEX_BYTES);
}

/** The blind index as the standard HMAC computes it (for the test that the two agree). */
export function standardBlind(key: Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest().subarray(0, INDEX_BYTES);
}

/** The derived number-index key of `keys`' newest key (only for that test). */
export function numberIndexKeyForTest(key: DataKey): Buffer {
  return Buffer.from(hkdfSync('sha256', key.secret(), Buffer.alloc(0), 'fraud-warning-mailer blind-index customer-number v1', 32));
}

const keyrings = new WeakMap<DataKeys, Keyring>();

/** The keyring of a config's DATA_KEYS, derived once per process. */
export function keyringFor(keys: DataKeys): Keyring {
  let ring = keyrings.get(keys);
  if (!ring) {
    ring = new Keyring(keys);
    keyrings.set(keys, ring);
  }
  return ring;
}
