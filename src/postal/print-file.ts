import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import PDFDocument from 'pdfkit';
import { printFonts } from './print-fonts';
import { LetterRenderer, PrintLetterInput } from './print-letter';

/** Bytes of finished PDF that may wait in memory for the disk. */
const STREAM_BUFFER = 1 << 20;

export interface WrittenFile {
  sha256: string;
  pages: number;
  /** Pages of each letter, in the order they were drawn. */
  letterPages: number[];
}

/**
 * Writes one PDF of letters to `finalPath` crash-safely: drawn to `<finalPath>.tmp` (streamed, page
 * by page), fsync'd, renamed, and the folder fsync'd, so `finalPath` is either absent or complete.
 * `letters` yields the letters in print order; it is pulled as the file is written, so a file of
 * 5,000 letters never sits in memory. `creationDate` is fixed so a rebuilt file says the same.
 */
export async function writeLetterPdf(finalPath: string, letters: AsyncIterable<PrintLetterInput[]> | Iterable<PrintLetterInput[]>, options: { title: string; creationDate: Date; afterChunk?: (pagesSoFar: number) => Promise<void> }): Promise<WrittenFile> {
  const tmp = `${finalPath}.tmp`;
  const hash = createHash('sha256');
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 0,
    compress: true,
    info: { Title: options.title, Producer: 'fraud-warning mailer', Creator: 'fraud-warning mailer', CreationDate: options.creationDate, ModDate: options.creationDate },
  });
  const out = createWriteStream(tmp, { highWaterMark: STREAM_BUFFER });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.on('data', (chunk: Buffer) => hash.update(chunk));
  doc.pipe(out);
  const renderer = new LetterRenderer(doc, printFonts());
  const letterPages: number[] = [];
  // Backpressure on what pdfkit holds, not only on the file stream: pdfkit pushes every finished page
  // into its own readable buffer whether or not anyone reads it, and pipe() moves only a file
  // stream's worth per 'drain'. Waiting for one 'drain' after each chunk of letters left most of a
  // file in that buffer (the worker's peak RSS grew with the file); waiting until it is small again
  // after every letter keeps a few letters in memory, whatever the file's size.
  const drained = async () => {
    while (doc.readableLength + out.writableLength > STREAM_BUFFER) await once(out, 'drain');
  };
  try {
    for await (const chunk of letters) {
      for (const letter of chunk) {
        letterPages.push(renderer.draw(letter));
        await drained();
      }
      forgetLayouts(doc);
      await options.afterChunk?.(renderer.pages);
    }
    doc.end();
    await finished;
  } catch (e) {
    finished.catch(() => undefined);
    doc.unpipe(out);
    out.destroy();
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fsyncPath(tmp);
  await rename(tmp, finalPath);
  await fsyncPath(dirname(finalPath));
  return { sha256: hash.digest('hex'), pages: renderer.pages, letterPages };
}

/**
 * pdfkit keeps the glyph layout of every word it has set, per font, until the document ends: with a
 * token, a reference and a name in every letter that grew by ~16 KB a letter. Emptied after each
 * chunk of letters, it holds the words the next letters share (they are laid out again once) and
 * stays flat. `layoutCache` is pdfkit's own (0.20), so this only empties it where it has that shape.
 */
function forgetLayouts(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })._fontFamilies ?? {};
  for (const font of Object.values(families)) if (font.layoutCache && typeof font.layoutCache === 'object') font.layoutCache = Object.create(null) as object;
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
