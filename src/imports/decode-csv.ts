import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';

/** How a file's bytes are read, as reported in the import summary. */
export type CsvEncoding = 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-8' | 'windows-1252';

/** The encoding a byte-order mark announces, and the BOM's length; undefined without a BOM. */
export function sniffBom(head: Buffer): { encoding: CsvEncoding; bomLength: number } | undefined {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', bomLength: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return undefined;
}

/**
 * A BOM decides; otherwise the whole file is checked as strict UTF-8 (streamed, nothing kept), and
 * anything that is not valid UTF-8 is read as Windows-1252, what Excel on a Dutch Windows writes.
 */
export async function detectEncoding(path: string): Promise<CsvEncoding> {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of chunks(path)) {
      if (first) {
        first = false;
        const bom = sniffBom(chunk);
        if (bom) return bom.encoding;
      }
      strict.decode(chunk, { stream: true });
    }
    strict.decode();
    return 'utf-8';
  } catch (err) {
    // Checked by code, not class: the TypeError may come from another realm (e.g. a test VM).
    if ((err as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return 'windows-1252';
    throw err;
  }
}

/**
 * The file's bytes in chunks, read into one reused buffer: each chunk is only valid until the next
 * one is asked for (the decoders copy what they keep), so reading allocates nothing per chunk.
 */
async function* chunks(path: string, size = 64 * 1024): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  const buffer = Buffer.allocUnsafe(size);
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

const ICONV_NAME: Record<CsvEncoding, string> = {
  'utf-8-bom': 'utf-8',
  'utf-8': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
};

/**
 * Turns CRLF and lone CR into LF, so the parser sees one kind of line break whatever mix the file
 * has. A chunk ending in CR is held back until the next chunk shows whether an LF follows.
 */
export class NewlineNormaliser {
  private pendingCr = false;

  push(text: string): string {
    let t = this.pendingCr ? '\r' + text : text;
    this.pendingCr = t.endsWith('\r');
    if (this.pendingCr) t = t.slice(0, -1);
    return t.replace(/\r\n?/g, '\n');
  }

  end(): string {
    const rest = this.pendingCr ? '\n' : '';
    this.pendingCr = false;
    return rest;
  }
}

/** The file's text in chunks (BOM removed, line breaks as LF), read with backpressure. */
export async function* decodedText(path: string, encoding: CsvEncoding, onBytes?: (bytesRead: number) => void): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(ICONV_NAME[encoding], { stripBOM: true });
  const newlines = new NewlineNormaliser();
  let bytes = 0;
  for await (const chunk of chunks(path)) {
    bytes += chunk.length;
    onBytes?.(bytes);
    const text = newlines.push(decoder.write(chunk));
    if (text) yield text;
  }
  const tail = newlines.push(decoder.end() ?? '') + newlines.end();
  if (tail) yield tail;
}
