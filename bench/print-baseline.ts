/**
 * The baseline of `npm run bench:print`: plain pdfkit replaying the drawing calls of one printed
 * letter (recorded from the product's renderer by print.bench.ts), page for page, into files of
 * 5,000 letters streamed to disk. No product code runs here: it is what pdfkit alone costs for
 * the same pages. Prints one JSON line: {letters, seconds}.
 *
 * Usage: node dist/bench/print-baseline.js <ops.json> <letters> <out-dir>
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

interface Recording {
  fonts: Record<string, string>;
  ops: [string, unknown[]][];
}

async function main(): Promise<void> {
  const [opsPath, lettersArg, outDir] = process.argv.slice(2);
  const recording = JSON.parse(readFileSync(opsPath, 'utf8')) as Recording;
  const letters = Number(lettersArg);
  const perFile = 5000;
  const started = process.hrtime.bigint();
  for (let file = 0; file * perFile < letters; file++) {
    const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 0, compress: true });
    const out = createWriteStream(join(outDir, `baseline-${file + 1}.pdf`));
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    doc.pipe(out);
    for (const [name, path] of Object.entries(recording.fonts)) doc.registerFont(name, readFileSync(path));
    const n = Math.min(perFile, letters - file * perFile);
    const api = doc as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (let i = 0; i < n; i++) {
      for (const [op, args] of recording.ops) api[op](...args);
      if (i % 250 === 249 && out.writableNeedDrain) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    doc.end();
    await done;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`${JSON.stringify({ letters, seconds })}\n`);
}

void main();
