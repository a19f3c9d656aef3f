import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodedText, detectEncoding, NewlineNormaliser, sniffBom } from './decode-csv';

describe('sniffBom', () => {
  it('recognises UTF-8 and UTF-16 byte-order marks', () => {
    expect(sniffBom(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8-bom', bomLength: 3 });
    expect(sniffBom(Buffer.from([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(sniffBom(Buffer.from([0xfe, 0xff, 0, 0x41]))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
    expect(sniffBom(Buffer.from('abc'))).toBeUndefined();
  });
});

describe('NewlineNormaliser', () => {
  it('turns CRLF and CR into LF, also when CRLF is split across chunks', () => {
    const n = new NewlineNormaliser();
    expect(n.push('a\r') + n.push('\nb\rc\r\n') + n.push('d\r') + n.end()).toBe('a\nb\nc\nd\n');
  });
});

describe('detectEncoding and decodedText', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decode-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const read = async (p: string, enc: Awaited<ReturnType<typeof detectEncoding>>) => {
    let s = '';
    for await (const c of decodedText(p, enc)) s += c;
    return s;
  };

  it('reads strict UTF-8 as UTF-8 and anything else as Windows-1252', async () => {
    const utf8 = file('u.csv', Buffer.from('naam\r\nZoë\r\n', 'utf8'));
    expect(await detectEncoding(utf8)).toBe('utf-8');
    expect(await read(utf8, 'utf-8')).toBe('naam\nZoë\n');
    const cp = file('w.csv', iconv.encode('naam\r\nZoë € ‘x’\r\n', 'windows-1252'));
    expect(await detectEncoding(cp)).toBe('windows-1252');
    expect(await read(cp, 'windows-1252')).toBe('naam\nZoë € ‘x’\n');
  });

  it('strips the BOM of UTF-8 and UTF-16 files', async () => {
    const bom = file('b.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('naam\n', 'utf8')]));
    expect(await detectEncoding(bom)).toBe('utf-8-bom');
    expect(await read(bom, 'utf-8-bom')).toBe('naam\n');
    const le = file('l.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('naam;Zoë\r\n', 'utf-16le')]));
    expect(await detectEncoding(le)).toBe('utf-16le');
    expect(await read(le, 'utf-16le')).toBe('naam;Zoë\n');
  });

  it('is not fooled by a multi-byte character split across read chunks', async () => {
    const big = file('big.csv', Buffer.from('x'.repeat(256 * 1024 - 1) + 'ë\n', 'utf8'));
    expect(await detectEncoding(big)).toBe('utf-8');
    expect((await read(big, 'utf-8')).endsWith('ë\n')).toBe(true);
  });
});
