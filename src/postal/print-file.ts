import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import PDFDocument from 'pdfkit';
import { printFonts } from './print-fonts';
import { LetterRenderer, PrintLetterInput } from './print-letter';

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
  const out = createWriteStream(tmp);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.on('data', (chunk: Buffer) => hash.update(chunk));
  doc.pipe(out);
  const renderer = new LetterRenderer(doc, printFonts());
  const letterPages: number[] = [];
  try {
    for await (const chunk of letters) {
      for (const letter of chunk) letterPages.push(renderer.draw(letter));
      // Let the file stream drain before drawing more: pages are written as they are finished.
      if (out.writableNeedDrain) await new Promise<void>((r) => out.once('drain', () => r()));
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

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
