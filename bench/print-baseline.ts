/**
 * The baseline of `npm run bench:print`: plain pdfkit drawing the same pages as the product, the
 * way a competent engineer would without our code. print.bench.ts records the drawing calls of a
 * few dozen of the batch's own letters (tiers, languages, 14 and 16 pt); this process replays
 * them round-robin, giving every letter its own token, reference and QR code (computed here with
 * the same library and mask as the product), into PDFs of the same number of letters as the
 * product's, each streamed to disk with backpressure. Prints one JSON line: {letters, seconds}.
 *
 * Usage: node dist/bench/print-baseline.js <recording.json> <letters> <letters per file> <out-dir>
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

type Op = [string, unknown[]];
export interface RecordedLetter {
  token: string;
  reference: string;
  url: string;
  /** The drawing calls; the QR code is the op ['qr', []], drawn here from each letter's own address. */
  ops: Op[];
}
export interface Recording {
  fonts: Record<string, string>;
  qr: { x: number; y: number; size: number };
  letters: RecordedLetter[];
}

/** A link token of the product's shape (16 random bytes, base64url). */
const token = () => randomBytes(16).toString('base64url');
const grouped = (t: string) => (t.match(/.{1,4}/g) ?? []).join(' ');

function drawQr(doc: PDFKit.PDFDocument, url: string, at: Recording['qr']): void {
  const modules = QRCode.create(url, { errorCorrectionLevel: 'M', maskPattern: 0 }).modules;
  const n = modules.size;
  const cell = at.size / (n + 4);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      if (!modules.get(r, c)) continue;
      const start = c;
      while (c < n && modules.get(r, c)) c++;
      doc.rect(at.x + (start + 2) * cell, at.y + (r + 2) * cell, (c - start) * cell, cell);
    }
  doc.fillColor('black').fill();
}

async function main(): Promise<void> {
  const [recordingPath, lettersArg, perFileArg, outDir] = process.argv.slice(2);
  const recording = JSON.parse(readFileSync(recordingPath, 'utf8')) as Recording;
  const letters = Number(lettersArg);
  const perFile = Number(perFileArg);
  const fonts = Object.entries(recording.fonts).map(([name, path]) => [name, readFileSync(path)] as const);
  const started = process.hrtime.bigint();
  let drawn = 0;
  for (let file = 0; file * perFile < letters; file++) {
    const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 0, compress: true });
    const out = createWriteStream(join(outDir, `baseline-${file + 1}.pdf`));
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    doc.pipe(out);
    for (const [name, data] of fonts) doc.registerFont(name, data);
    const api = doc as unknown as Record<string, (...args: unknown[]) => unknown>;
    const n = Math.min(perFile, letters - file * perFile);
    for (let i = 0; i < n; i++, drawn++) {
      const sample = recording.letters[drawn % recording.letters.length];
      const own = token();
      const reference = `1-${String(drawn + 1).padStart(6, '0')}`;
      const swap = (s: string) => s.split(sample.token).join(own).split(grouped(sample.token)).join(grouped(own)).split(sample.reference).join(reference);
      for (const [op, args] of sample.ops) {
        if (op === 'qr') drawQr(doc, swap(sample.url), recording.qr);
        else if (op === 'text') api.text(swap(args[0] as string), ...args.slice(1));
        else api[op](...args);
      }
      if (out.writableNeedDrain) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    doc.end();
    await done;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`${JSON.stringify({ letters, seconds })}\n`);
}

if (require.main === module) void main();
