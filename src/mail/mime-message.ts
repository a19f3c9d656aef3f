import type { OutgoingMail } from './mail-transport';
import { randomBytes } from 'node:crypto';

/**
 * Builds a letter's whole MIME message once, as one Buffer, so nodemailer sends it as it is
 * (`raw`). A CPU profile of a campaign showed nodemailer spending a quarter of the sender's time
 * scanning each 36 KB letter to choose an encoding, quoted-printable encoding it through streams
 * in small pieces, and writing those pieces to the socket one by one. Here the HTML part, where
 * quoted-printable would escape every `=` of every attribute, goes as 7bit ASCII (non-ASCII
 * characters written as HTML character references, which render the same); only what cannot go
 * as 7bit is quoted-printable, encoded in one pass over its bytes; and the message reaches the
 * socket as one buffer.
 */
/** A letter as the transport takes it, with its Message-ID fixed; header values are encoded when needed. */
export interface MimeLetter extends OutgoingMail {
  /** Without angle brackets. */
  messageId: string;
  date?: Date;
}

const CRLF = '\r\n';
const PRINTABLE_HEADER = /^[\x20-\x7e]*$/;
const ATEXT_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ .]*$/;
const HEX = '0123456789ABCDEF';

/** Whether `buildMime` can write this letter (ASCII addresses; anything else goes through nodemailer's full path). */
export function canBuildMime(mail: Pick<MimeLetter, 'from' | 'to'>): boolean {
  return PLAIN_ADDRESS.test(mail.to) && PLAIN_ADDRESS.test(mail.from.address);
}
const PLAIN_ADDRESS = /^[\x21-\x7e]+@[\x21-\x7e]+$/;

export function buildMime(mail: MimeLetter): Buffer {
  if (!canBuildMime(mail)) throw new Error('buildMime needs plain ASCII addresses');
  const boundary = `--_fw_${randomBytes(12).toString('hex')}`;
  const head = [
    `From: ${phrase(mail.from.name)} <${mail.from.address}>`,
    `To: ${mail.to}`,
    `Subject: ${headerValue(mail.subject, 'Subject: '.length)}`,
    `Message-ID: <${mail.messageId}>`,
    `Date: ${(mail.date ?? new Date()).toUTCString().replace(/GMT$/, '+0000')}`,
    'MIME-Version: 1.0',
    ...Object.entries(mail.headers ?? {}).map(([k, v]) => `${headerName(k)}: ${headerValue(v, k.length + 2)}`),
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    '',
  ].join(CRLF);
  const text = textPart(mail.text);
  const html = htmlPart(mail.html);
  const partHead = (type: string, encoding: string) =>
    Buffer.from([`--${boundary}`, `Content-Type: ${type}; charset=utf-8`, `Content-Transfer-Encoding: ${encoding}`, '', ''].join(CRLF), 'latin1');
  return Buffer.concat([
    Buffer.from(head, 'latin1'),
    partHead('text/plain', text.encoding),
    text.body,
    Buffer.from(CRLF, 'latin1'),
    partHead('text/html', html.encoding),
    html.body,
    Buffer.from(`${CRLF}--${boundary}--${CRLF}`, 'latin1'),
  ]);
}

// A 7bit body: ASCII without NUL or a lone CR, no line longer than 998 octets (RFC 5322).
// eslint-disable-next-line no-control-regex
const NOT_7BIT = /[^\x01-\x0c\x0e-\x7f]|\r(?!\n)/;

/** The plain-text part: 7bit when it can go unencoded, else quoted-printable. */
function textPart(content: string): { encoding: '7bit' | 'quoted-printable'; body: Buffer } {
  if (!NOT_7BIT.test(content) && !hasLongLine(content)) return { encoding: '7bit', body: Buffer.from(content.replace(/\r?\n/g, CRLF), 'latin1') };
  return { encoding: 'quoted-printable', body: quotedPrintable(content) };
}

/** Whether some line is longer than 998 characters (a scan by indexOf: a regex for this backtracks badly). */
function hasLongLine(content: string): boolean {
  let from = 0;
  for (;;) {
    const nl = content.indexOf('\n', from);
    const end = nl === -1 ? content.length : nl;
    if (end - from > 998) return true;
    if (nl === -1) return false;
    from = nl + 1;
  }
}

// Character references are not decoded inside <style> (raw text): such a letter keeps its characters.
// eslint-disable-next-line no-control-regex
const NON_ASCII_IN_STYLE = /<style[^>]*>[^<]*[^\x00-\x7f]/i;
const BLOCK_TAGS = new Set(['p', 'div', 'td', 'tr', 'table', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The HTML part: 7bit (see htmlAsAscii) when that gives lines short enough, else quoted-printable. */
function htmlPart(html: string): { encoding: '7bit' | 'quoted-printable'; body: Buffer } {
  const ascii = NON_ASCII_IN_STYLE.test(html) || html.includes('\0') ? undefined : htmlAsAscii(html);
  if (ascii !== undefined && !hasLongLine(ascii)) return { encoding: '7bit', body: Buffer.from(ascii, 'latin1') };
  return { encoding: 'quoted-printable', body: quotedPrintable(html) };
}

/**
 * HTML that renders the same and can go as 7bit, in one pass: every non-ASCII character as a
 * numeric character reference, line breaks as CRLF, a lone CR as a reference, and a line break
 * after each closing block tag (whitespace between blocks is not rendered), which keeps lines short.
 */
export function htmlAsAscii(html: string): string {
  let out = '';
  let from = 0;
  const len = html.length;
  for (let i = 0; i < len; i++) {
    const c = html.charCodeAt(i);
    if (c < 0x7f && c !== 0x0a && c !== 0x0d && c !== 0x3e) continue;
    if (c === 0x3e) {
      // After "</name>" for a block element, unless a line break follows anyway.
      let open = i - 1;
      while (open > i - 9 && open > 0 && html.charCodeAt(open) !== 0x3c) open--;
      if (html.charCodeAt(open) !== 0x3c || html.charCodeAt(open + 1) !== 0x2f || !BLOCK_TAGS.has(html.slice(open + 2, i).toLowerCase())) continue;
      if (html.charCodeAt(i + 1) === 0x0a || html.charCodeAt(i + 1) === 0x0d) continue;
      out += html.slice(from, i + 1) + CRLF;
    } else if (c === 0x0a) {
      out += html.slice(from, i) + CRLF;
    } else if (c === 0x0d) {
      out += html.slice(from, i) + (html.charCodeAt(i + 1) === 0x0a ? '' : '&#13;');
    } else {
      const cp = html.codePointAt(i)!;
      out += html.slice(from, i) + `&#${cp};`;
      if (cp > 0xffff) i++;
    }
    from = i + 1;
  }
  return out + html.slice(from);
}

function headerName(name: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error('header names are letters, digits and hyphens');
  return name;
}

/** A display name: as a quoted string when plain ASCII, else RFC 2047 encoded words. */
function phrase(name: string): string {
  if (ATEXT_PHRASE.test(name) && name.length < 60) return `"${name}"`;
  if (PRINTABLE_HEADER.test(name) && name.length < 60) return `"${name.replace(/["\\]/g, (c) => '\\' + c)}"`;
  return encodedWords(name, 'From: '.length);
}

/** An unstructured header value: kept as it is when short printable ASCII, else encoded words (which also removes any line break). */
function headerValue(value: string, used: number): string {
  if (PRINTABLE_HEADER.test(value) && used + value.length <= 76) return value;
  return encodedWords(value, used);
}

/** RFC 2047 B-encoded words of at most 75 characters, split between characters, folded onto continuation lines. */
export function encodedWords(value: string, used = 0): string {
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  // 45 bytes are 60 base64 characters; with "=?UTF-8?B?" and "?=" a word stays under 75. The
  // first word shares its line with the header name.
  let limit = Math.max(3, Math.floor((75 - 12 - used) / 4) * 3);
  for (const ch of value) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > limit) {
      limit = 45;
      words.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += ch;
    bytes += n;
  }
  if (chunk || words.length === 0) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(CRLF + ' ');
}

/**
 * Quoted-printable (RFC 2045) of a string's UTF-8 bytes in one pass: line breaks become CRLF,
 * lines are soft-wrapped at 76 characters, `=`, control bytes, non-ASCII and whitespace before a
 * line break are escaped.
 */
export function quotedPrintable(input: string): Buffer {
  const src = Buffer.from(input, 'utf8');
  const len = src.length;
  // Worst case: every byte escaped (3×) plus a soft break (3 bytes) per 25 escaped bytes.
  const out = Buffer.allocUnsafe(len * 3 + Math.ceil(len / 24) * 3 + 2);
  let o = 0;
  let col = 0;
  for (let i = 0; i < len; i++) {
    const b = src[i];
    if (b === 0x0a || (b === 0x0d && src[i + 1] === 0x0a)) {
      if (b === 0x0d) i++;
      out[o++] = 0x0d;
      out[o++] = 0x0a;
      col = 0;
      continue;
    }
    const literal = (b >= 0x21 && b <= 0x7e && b !== 0x3d) || ((b === 0x20 || b === 0x09) && !(i + 1 === len || src[i + 1] === 0x0a || (src[i + 1] === 0x0d && src[i + 2] === 0x0a)));
    const width = literal ? 1 : 3;
    // Room for the soft break's "=": a line holds at most 75 characters of content.
    if (col + width > 75) {
      out[o++] = 0x3d;
      out[o++] = 0x0d;
      out[o++] = 0x0a;
      col = 0;
    }
    if (literal) {
      out[o++] = b;
    } else {
      out[o++] = 0x3d;
      out[o++] = HEX.charCodeAt(b >> 4);
      out[o++] = HEX.charCodeAt(b & 15);
    }
    col += width;
  }
  return out.subarray(0, o);
}
