import { simpleParser } from 'mailparser';
import { buildMime, canBuildMime, encodedWords, quotedPrintable } from './mime-message';

/** Undoes the line breaks htmlAsAscii adds after closing block tags. */
const withoutAddedBreaks = (html: string) => html.replace(/(<\/(?:p|div|td|tr|table|li|ul|ol|h[1-6])>)\r?\n/g, '$1');
const decodeReferences = (html: string) => html.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

const letter = {
  from: { name: 'Polderstroom Energie', address: 'noreply@polderstroom.example' },
  to: 'hendrika.devries.1@mail.example',
  subject: 'Uw gegevens zijn bekeken door iemand die dat niet mocht — wat u nu doet',
  text: 'Beste Zoë Çelik,\n\nEr is iets misgegaan.   \nBel 0800 765 4321.\n.begint met een punt\n' + 'x'.repeat(200) + '\n',
  html: `<!doctype html><html><body style="margin:0;padding:0"><p class="a">Beste Zoë Çelik,</p>${'<td style="x=1">é</td>'.repeat(300)}<br />\n<a href="https://w.example/l/abc#tips">lees</a></body></html>`,
  headers: { 'X-Letter-Id': '12345' },
  messageId: '12345.abcdef@w.example',
};

describe('buildMime', () => {
  it('writes a message that a mail parser reads back to the same parts and headers', async () => {
    const parsed = await simpleParser(buildMime(letter));
    expect(parsed.subject).toBe(letter.subject);
    expect(parsed.from?.value).toEqual([{ name: 'Polderstroom Energie', address: 'noreply@polderstroom.example' }]);
    expect(parsed.messageId).toBe('<12345.abcdef@w.example>');
    expect(parsed.headers.get('x-letter-id')).toBe('12345');
    expect(parsed.text).toBe(letter.text);
    expect(decodeReferences(withoutAddedBreaks(parsed.html as string))).toBe(letter.html);
  });

  it('sends the HTML part as 7bit ASCII whose characters are the same as the letter\'s', async () => {
    const raw = buildMime({ ...letter, html: '<p>Zoë 🛡️ “quote”</p>' }).toString('latin1');
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n<p>Zo&#235; &#128737;&#65039; &#8220;quote&#8221;<\/p>/);
    const parsed = await simpleParser(Buffer.from(raw, 'latin1'));
    expect(decodeReferences(withoutAddedBreaks(parsed.html as string))).toBe('<p>Zoë 🛡️ “quote”</p>');
  });

  it('breaks a long HTML line after closing block tags rather than encode the part', () => {
    const html = `<div>${'<p>Geef nooit uw pincode.</p>'.repeat(60)}</div>`;
    const raw = buildMime({ ...letter, html }).toString('latin1');
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: 7bit/);
    expect(raw).toContain('<p>Geef nooit uw pincode.</p>\r\n<p>');
  });

  it('keeps quoted-printable for a part that cannot go as 7bit', async () => {
    const html = `<style>p::before{content:"ë"}</style><p>${'y'.repeat(1200)}</p>`;
    const raw = buildMime({ ...letter, html }).toString('latin1');
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable/);
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable/);
    expect((await simpleParser(Buffer.from(raw, 'latin1'))).html).toBe(html);
  });

  it('encodes a display name with quotes, non-ASCII or a line break instead of writing it raw', async () => {
    const name = 'Energie "Noord"\r\nBcc: evil@example.com ë';
    const raw = buildMime({ ...letter, from: { ...letter.from, name }, subject: 'a\r\nBcc: evil@example.com' });
    const head = raw.toString('latin1').split('\r\n\r\n')[0];
    expect(head).not.toMatch(/^Bcc:/m);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value[0].name).toBe(name);
    expect(parsed.bcc).toBeUndefined();
  });

  it('keeps header lines within 78 characters and every line within 998', () => {
    const [head, ...body] = buildMime(letter).toString('latin1').split('\r\n\r\n');
    expect(Math.max(...head.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(78);
    expect(Math.max(...body.join('').split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(998);
  });

  it('refuses addresses it cannot write as plain ASCII', () => {
    expect(canBuildMime({ ...letter, to: 'zoë@mail.example' })).toBe(false);
    expect(canBuildMime(letter)).toBe(true);
  });
});

describe('quotedPrintable', () => {
  it('escapes =, non-ASCII and whitespace at a line end, and soft-wraps long lines', () => {
    expect(quotedPrintable('a=b é \nz\t').toString()).toBe('a=3Db =C3=A9=20\r\nz=09');
    const wrapped = quotedPrintable('y'.repeat(100)).toString();
    expect(wrapped).toBe('y'.repeat(75) + '=\r\n' + 'y'.repeat(25));
  });

  it('never splits an escape over a soft line break', () => {
    const out = quotedPrintable('y'.repeat(74) + 'é').toString();
    expect(out).toBe('y'.repeat(74) + '=\r\n=C3=A9');
  });
});

describe('encodedWords', () => {
  it('splits between characters, each word at most 75 characters', () => {
    const words = encodedWords('ë'.repeat(60)).split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
  });
});
