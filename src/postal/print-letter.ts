import QRCode from 'qrcode';
import type { LetterView } from '../letters/letter-view';
import { WORDING } from '../../emails/letters/wording';
import type { PrintFonts } from './print-fonts';
import { Block, printBlocks, Run } from './print-words';

/** What one printed letter needs besides its view model. */
export interface PrintLetterInput {
  view: LetterView;
  /** From postalAddressLines. */
  address: string[];
  /** Small line above the address, inside the envelope window: who sent it. */
  returnLine: string;
  /** "<batch>-<sequence>": printed on the letter so returned mail can be recorded by it. */
  reference: string;
  date: string;
  dateLabel: string;
  referenceLabel: string;
  /** The token in groups, as it is to be typed. */
  groupedCode: string;
  /** 16 pt body instead of 14 pt (customers of 75 and older). */
  largePrint: boolean;
}

const MM = 72 / 25.4;
export const A4 = { width: 210 * MM, height: 297 * MM };
/** DIN 5008 Form B: the window's position and size, the fold and hole marks. */
export const WINDOW = { x: 20 * MM, y: 45 * MM, width: 85 * MM, height: 45 * MM };
const RETURN_ZONE = 5 * MM;
const ADDRESS_TOP = WINDOW.y + 17.7 * MM;
const LEFT = 20 * MM;
// DIN 5008 asks for at least 10 mm on the right; every millimetre of line length saves lines at 16 pt.
const WIDTH = A4.width - 32 * MM;
const BODY_TOP_FIRST = 93 * MM;
/** Each of two columns of short items, 4 mm apart. */
const COLUMN = (WIDTH - 4 * MM) / 2;
// Later pages start higher and every page ends lower than a typed letter would: at 16 pt each
// millimetre is a line's worth over two pages, and the print house needs only 5 mm of margin.
const BODY_TOP = 13 * MM;
const BODY_BOTTOM = 279 * MM;
const FOOTER_Y = 284 * MM;
/** Right of the window, beside the date: it never shows through the envelope. */
export const QR = { x: 162 * MM, y: 42 * MM, size: 28 * MM };
const LINE_SPACING = 1.5;
/** Headings are one line of larger bold type: 1.5 × their size is for running text, not for them. */
const HEADING_SPACING = 1.2;
const HEADING_COLOUR = '#0b3d66';

/** "Kind regards, Company": on paper the sender is also at the top of the page. */
function signatureRuns(block: { closing: string; company: string }): Run[] {
  return [
    { text: `${block.closing} `, bold: false },
    { text: block.company, bold: true },
  ];
}

function webIntro(block: { lead: string; intro: string }): Run[] {
  return [
    { text: `${block.lead.replace(/[.:]?$/, '.')} `, bold: true, heading: true },
    { text: block.intro, bold: false },
  ];
}

function pairs<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += 2) out.push(items.slice(i, i + 2));
  return out;
}

/** A heading, or a paragraph that introduces what follows ("These details:"), never ends a page. */
function keepsWithNext(block: Block): boolean {
  if (block.kind === 'heading' || block.kind === 'title') return true;
  return block.kind === 'para' && /:\s*$/.test(block.runs.map((r) => r.text).join(''));
}

type FontName = 'body' | 'bold' | 'fallback' | 'fallbackBold';
/** Space a block wants above it (unless it opens a page) and its own height, in points. */
interface Measured {
  before: number;
  height: number;
}

interface Placed {
  block: Block;
  page: number;
  y: number;
}

/**
 * Draws letters into one PDFKit document, page after page, so a file of 5,000 letters streams to
 * disk as it goes. Layout is worked out before drawing (so every page can say "1/2"); heights of
 * the texts all letters share (tier text, tips, labels) are measured once per size and reused.
 */
export class LetterRenderer {
  private readonly heights = new Map<string, number>();
  private readonly gaps = new Map<string, number>();
  private readonly covered = new Map<string, boolean>();
  private page = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: PrintFonts,
  ) {
    // Every page counts, also one pdfkit would add by itself should text ever run past a page:
    // the manifest's page counts must be those of the file.
    doc.on('pageAdded', () => this.page++);
    doc.registerFont('body', fonts.regular);
    doc.registerFont('bold', fonts.bold);
    doc.registerFont('fallback', fonts.fallbackRegular);
    doc.registerFont('fallbackBold', fonts.fallbackBold);
  }

  /** Pages written so far in this document. */
  get pages(): number {
    return this.page;
  }

  /** Draws one letter on new pages; returns how many pages it took. */
  draw(input: PrintLetterInput): number {
    const size = input.largePrint ? 16 : 14;
    const blocks = printBlocks(input.view, input.groupedCode, input.largePrint);
    const placed = this.layout(blocks, size);
    const total = placed.length ? placed[placed.length - 1].page + 1 : 1;
    const start = this.page;
    for (let p = 0; p < total; p++) {
      this.doc.addPage({ size: 'A4', margin: 0 });
      if (p === 0) this.firstPage(input);
      this.footer(input.view, p + 1, total);
      for (const item of placed) if (item.page === p) this.drawBlock(item.block, item.y, size);
    }
    return this.page - start;
  }

  private font(name: FontName, text: string): FontName {
    let covers = this.covered.get(text);
    if (covers === undefined) {
      covers = this.fonts.covers(text);
      if (this.covered.size < 5000) this.covered.set(text, covers);
    }
    if (covers) return name;
    return name === 'bold' || name === 'fallbackBold' ? 'fallbackBold' : 'fallback';
  }

  private lineGap(font: FontName, size: number, spacing = LINE_SPACING): number {
    const key = `${font}|${size}|${spacing}`;
    let gap = this.gaps.get(key);
    if (gap === undefined) {
      this.doc.font(font).fontSize(size);
      gap = Math.max(0, spacing * size - this.doc.currentLineHeight(true));
      this.gaps.set(key, gap);
    }
    return gap;
  }

  private height(text: string, font: FontName, size: number, width: number, spacing = LINE_SPACING): number {
    const key = `${font}|${size}|${width}|${spacing}|${text}`;
    let h = this.heights.get(key);
    if (h === undefined) {
      const lineGap = this.lineGap(font, size, spacing);
      h = this.doc.font(font).fontSize(size).heightOfString(text, { width, lineGap });
      // Only texts shared by many letters are worth keeping; a greeting with a name is not.
      if (this.heights.size < 5000) this.heights.set(key, h);
    }
    return h;
  }

  /**
   * Mixed runs: measured in the regular font on a column narrowed by what the bold runs add in
   * width. Bold runs here are short (a tip's title, a phone number), so this errs on the tall side.
   */
  private runsHeight(runs: Run[], size: number, width: number): number {
    const text = runs.map((r) => r.text).join('');
    const body = this.font('body', text);
    if (!runs.some((r) => r.bold)) return this.height(text, body, size, width);
    if (runs.every((r) => r.bold)) return this.height(text, this.font('bold', text), size, width);
    const key = `${size}|${width}|${runs.map((r) => (r.bold ? `*${r.text}` : r.text)).join('\u0000')}`;
    let h = this.heights.get(key);
    if (h === undefined) {
      h = this.mixedLines(runs, size, width) * (this.doc.font(body).fontSize(size).currentLineHeight(true) + this.lineGap(body, size));
      if (this.heights.size < 5000) this.heights.set(key, h);
    }
    return h;
  }

  /** Lines that pdfkit's greedy word wrap makes of runs in mixed fonts (it breaks after spaces, as here). */
  private mixedLines(runs: Run[], size: number, width: number): number {
    const all = runs.map((r) => r.text).join('');
    let lines = 1;
    let x = 0;
    for (const run of runs) {
      this.doc.font(this.font(run.bold ? 'bold' : 'body', all)).fontSize(size);
      for (const piece of run.text.match(/\S+\s*|\s+/g) ?? []) {
        const word = piece.trimEnd();
        const w = this.doc.widthOfString(word);
        if (x > 0 && x + w > width) {
          lines++;
          x = 0;
        }
        x += this.doc.widthOfString(piece);
      }
    }
    return lines;
  }

  /**
   * "Kind regards, Company" on one line when it fits; else the company on a line of its own, as
   * letters are signed: the same two lines as wrapping, without "B.V." left alone on the second.
   */
  private signatureLines(block: { closing: string; company: string }, size: number): Run[][] {
    const runs = signatureRuns(block);
    if (this.mixedLines(runs, size, WIDTH) === 1) return [runs];
    return [[{ text: block.closing, bold: false }], [runs[1]]];
  }

  /** An item alone on its row may take the whole line: "Your bank account number (IBAN)" then needs one line, not two. */
  private columnWidth(items: string[]): number {
    return (items.length > 1 ? COLUMN : WIDTH) - 7 * MM;
  }

  private measure(block: Block, size: number): Measured {
    const after = size * 0.2;
    switch (block.kind) {
      case 'title':
        return { before: 0, height: this.height(block.text, this.font('bold', block.text), size + 2, WIDTH, HEADING_SPACING) + after };
      case 'heading':
        return { before: size * 0.3, height: this.height(block.text, this.font('bold', block.text), size + 1, WIDTH, HEADING_SPACING) + size * 0.1 };
      case 'para':
        // A paragraph led by a heading starts a section: the space a heading would have above it.
        return { before: block.runs[0]?.heading ? size * 0.3 : 0, height: this.runsHeight(block.runs, size, WIDTH) + after };
      case 'bullet':
        // List items are one line each; the bullet marks them apart, so they need less space between.
        return { before: 0, height: this.runsHeight(block.runs, size, WIDTH - 7 * MM) + size * 0.1 };
      case 'box': {
        const inner = WIDTH - 12 * MM;
        let h = 6 * MM + this.height(block.heading, 'bold', size + 2, inner, HEADING_SPACING) + size * 0.2;
        for (const row of pairs(block.items)) h += Math.max(...row.map((item) => this.height(item, 'body', size, inner / 2 - 7 * MM)));
        h += size * 0.3 + this.height(block.closing, 'bold', size, inner);
        return { before: size * 0.3, height: h + after };
      }
      case 'columns': {
        const width = this.columnWidth(block.items);
        return { before: 0, height: Math.max(...block.items.map((item) => this.height(item, 'body', size, width))) + size * 0.1 };
      }
      case 'web': {
        const h =
          this.runsHeight(webIntro(block), size, WIDTH) +
          this.height(block.url, 'body', size, WIDTH) +
          this.height(`${block.codeLabel} ${block.code}`, 'bold', size, WIDTH);
        return { before: size * 0.3, height: h + after };
      }
      case 'signature':
        return { before: size * 0.3, height: this.signatureLines(block, size).reduce((h, runs) => h + this.runsHeight(runs, size, WIDTH), 0) + after };
    }
  }

  /** Which page and height each block goes on; a heading never ends a page. */
  private layout(blocks: Block[], size: number): Placed[] {
    const placed: Placed[] = [];
    let page = 0;
    let y = BODY_TOP_FIRST;
    const sized = blocks.flatMap((b) => this.sized(b, size));
    sized.forEach(({ block, m }, i) => {
      const top = y === (page === 0 ? BODY_TOP_FIRST : BODY_TOP) ? 0 : m.before;
      let need = top + m.height;
      const next = sized[i + 1]?.m;
      if (keepsWithNext(block) && next) need += next.before + next.height;
      if (y + need > BODY_BOTTOM) {
        page++;
        y = BODY_TOP;
        placed.push({ block, page, y });
        y += m.height;
        return;
      }
      placed.push({ block, page, y: y + top });
      y += top + m.height;
    });
    return placed;
  }

  /**
   * A block with its size. A paragraph taller than a page could only overflow it (pdfkit would add
   * a page of its own, and the letter's page count would be wrong in the manifest): a very long
   * incident text is cut between sentences into paragraphs of at most half a page, which the
   * layout then places like any other.
   */
  private sized(block: Block, size: number): { block: Block; m: Measured }[] {
    const m = this.measure(block, size);
    if (block.kind !== 'para' || m.height <= BODY_BOTTOM - BODY_TOP) return [{ block, m }];
    const room = (BODY_BOTTOM - BODY_TOP) / 2;
    // Sentences (with the space after them), each keeping its run's style.
    const sentences = block.runs.flatMap((r) => r.text.split(/(?<=[.!?]\s+)/).map((text) => ({ ...r, text })));
    const pieces: Run[][] = [[]];
    for (const sentence of sentences) {
      const current = pieces[pieces.length - 1];
      if (current.length && this.measure({ kind: 'para', runs: [...current, sentence] }, size).height > room) pieces.push([sentence]);
      else current.push(sentence);
    }
    return pieces.map((runs) => {
      const piece: Block = { kind: 'para', runs };
      return { block: piece, m: this.measure(piece, size) };
    });
  }

  private text(text: string, font: FontName, size: number, x: number, y: number | undefined, width: number, spacing = LINE_SPACING): void {
    const options = { width, lineGap: this.lineGap(font, size, spacing), align: 'left' as const };
    this.doc.font(font).fontSize(size);
    if (y === undefined) this.doc.text(text, options);
    else this.doc.text(text, x, y, options);
  }

  private drawRuns(runs: Run[], size: number, x: number, y: number, width: number): void {
    const all = runs.map((r) => r.text).join('');
    // Mixed fonts on one line need one line gap: the regular one's, as measured.
    const gap = this.lineGap(this.font(runs.every((r) => r.bold) ? 'bold' : 'body', all), size);
    runs.forEach((r, i) => {
      const font = this.font(r.bold ? 'bold' : 'body', all);
      this.doc.font(font).fontSize(size).fillColor(r.heading ? HEADING_COLOUR : 'black');
      const options = { width, lineGap: gap, continued: i < runs.length - 1, align: 'left' as const };
      if (i === 0) this.doc.text(r.text, x, y, options);
      else this.doc.text(r.text, options);
    });
  }

  private drawBlock(block: Block, y: number, size: number): void {
    const doc = this.doc;
    switch (block.kind) {
      case 'title':
        doc.fillColor(HEADING_COLOUR);
        this.text(block.text, this.font('bold', block.text), size + 2, LEFT, y, WIDTH, HEADING_SPACING);
        doc.fillColor('black');
        return;
      case 'heading':
        doc.fillColor(HEADING_COLOUR);
        this.text(block.text, this.font('bold', block.text), size + 1, LEFT, y, WIDTH, HEADING_SPACING);
        doc.fillColor('black');
        return;
      case 'para':
        this.drawRuns(block.runs, size, LEFT, y, WIDTH);
        return;
      case 'bullet':
        this.text('•', 'body', size, LEFT + 1 * MM, y, 5 * MM);
        this.drawRuns(block.runs, size, LEFT + 7 * MM, y, WIDTH - 7 * MM);
        return;
      case 'box': {
        const h = this.measure(block, size).height - size * 0.25;
        doc.save().lineWidth(2).strokeColor('#8a5a00').fillColor('#fff4d6').roundedRect(LEFT, y, WIDTH, h, 4).fillAndStroke().restore();
        doc.fillColor('black');
        const x = LEFT + 6 * MM;
        const inner = WIDTH - 12 * MM;
        const cell = inner / 2 - 7 * MM;
        let cy = y + 3 * MM;
        this.text(block.heading, 'bold', size + 2, x, cy, inner, HEADING_SPACING);
        cy += this.height(block.heading, 'bold', size + 2, inner, HEADING_SPACING) + size * 0.2;
        // Two columns: four short items take two lines instead of four.
        for (const row of pairs(block.items)) {
          row.forEach((item, i) => {
            const cx = x + i * (inner / 2);
            this.text('•', 'body', size, cx, cy, 5 * MM);
            this.text(item, 'body', size, cx + 7 * MM, cy, cell);
          });
          cy += Math.max(...row.map((item) => this.height(item, 'body', size, cell)));
        }
        this.text(block.closing, 'bold', size, x, cy + size * 0.3, inner);
        return;
      }
      case 'columns': {
        const width = this.columnWidth(block.items);
        block.items.forEach((item, i) => {
          const x = LEFT + i * (COLUMN + 4 * MM);
          this.text('•', 'body', size, x + 1 * MM, y, 5 * MM);
          this.text(item, 'body', size, x + 7 * MM, y, width);
        });
        return;
      }
      case 'web': {
        let cy = y;
        const line = (runs: Run[]) => {
          this.drawRuns(runs, size, LEFT, cy, WIDTH);
          cy += this.runsHeight(runs, size, WIDTH);
        };
        line(webIntro(block));
        // Regular weight: the address must fit one line at 16 pt more often than bold lets it.
        line([{ text: block.url, bold: false }]);
        line([
          { text: `${block.codeLabel} `, bold: false },
          { text: block.code, bold: true },
        ]);
        return;
      }
      case 'signature': {
        let cy = y;
        for (const runs of this.signatureLines(block, size)) {
          this.drawRuns(runs, size, LEFT, cy, WIDTH);
          cy += this.runsHeight(runs, size, WIDTH);
        }
        return;
      }
    }
  }

  /** The QR code as one filled path (a rectangle per run of dark modules in a row). */
  private qr(url: string, x: number, y: number, size: number): void {
    // A fixed mask: choosing the best of eight took a tenth of a letter's time, and any mask scans.
    const modules = QRCode.create(url, { errorCorrectionLevel: 'M', maskPattern: 0 }).modules;
    const n = modules.size;
    const quiet = 2;
    const cell = size / (n + quiet * 2);
    const doc = this.doc;
    for (let r = 0; r < n; r++) {
      let c = 0;
      while (c < n) {
        if (!modules.get(r, c)) {
          c++;
          continue;
        }
        const start = c;
        while (c < n && modules.get(r, c)) c++;
        doc.rect(x + (start + quiet) * cell, y + (r + quiet) * cell, (c - start) * cell, cell);
      }
    }
    doc.fillColor('black').fill();
  }

  private firstPage(input: PrintLetterInput): void {
    const doc = this.doc;
    const { view } = input;
    // Fold marks (105 mm, 210 mm) and the hole mark (148.5 mm) of DIN 5008 Form B.
    doc.save().lineWidth(0.5).strokeColor('#777777');
    for (const mm of [105, 210]) doc.moveTo(4 * MM, mm * MM).lineTo(9 * MM, mm * MM).stroke();
    doc.moveTo(4 * MM, 148.5 * MM).lineTo(11 * MM, 148.5 * MM).stroke();
    doc.restore();
    this.text(view.company, this.font('bold', view.company), 18, LEFT, 16 * MM, 95 * MM);
    this.hotlineLine(view, 110 * MM, 16 * MM, 80 * MM, 'right');
    // The window: the return line in its top 5 mm, the address in its lowest 27.3 mm.
    // A long company name made the return address end in "…": smaller type first (down to 6 pt,
    // still legible for the postal service), cut only beyond that.
    const returnLine = input.returnLine;
    doc.font(this.font('body', returnLine));
    let returnSize = 7.5;
    while (returnSize > 6 && doc.fontSize(returnSize).widthOfString(returnLine) > WINDOW.width) returnSize -= 0.25;
    doc.fontSize(returnSize).text(returnLine, WINDOW.x, WINDOW.y + 1.2 * MM, { width: WINDOW.width, height: RETURN_ZONE, lineBreak: false, ellipsis: true });
    doc.save().lineWidth(0.4).moveTo(WINDOW.x, WINDOW.y + RETURN_ZONE).lineTo(WINDOW.x + WINDOW.width, WINDOW.y + RETURN_ZONE).stroke().restore();
    let ay = ADDRESS_TOP;
    const lineHeight = 12 * 1.25;
    input.address.forEach((line, i) => {
      const font = this.font('body', line);
      // The name may take two lines; nothing leaves the window (PostNL reads only what shows).
      const lines = i === 0 && input.address.length < 4 ? 2 : 1;
      doc.font(font).fontSize(12).text(line, WINDOW.x, ay, { width: WINDOW.width, height: lineHeight * lines, ellipsis: true, lineGap: lineHeight - doc.currentLineHeight(true) });
      ay = Math.max(ay + lineHeight, doc.y);
    });
    const infoX = 125 * MM;
    this.text(`${input.dateLabel}: ${input.date}`, 'body', 11, infoX, 74 * MM, 65 * MM);
    this.text(`${input.referenceLabel}: ${input.reference}`, 'body', 11, infoX, 80 * MM, 65 * MM);
    this.qr(view.letterUrl, QR.x, QR.y, QR.size);
  }

  private hotlineLine(view: LetterView, x: number, y: number, width: number, align: 'left' | 'right' = 'left'): void {
    const text = `${WORDING[view.language].labels.headerCall} ${view.hotlinePhone}`;
    // Seen on paper: the English line broke before the number's last group. Smaller type, never a break.
    this.doc.font(this.font('bold', text));
    let size = 14;
    while (size > 11 && this.doc.fontSize(size).widthOfString(text) > width) size -= 0.5;
    this.doc.fontSize(size).text(text, x, y, { width, align, lineBreak: false });
  }

  private footer(view: LetterView, page: number, total: number): void {
    this.hotlineLine(view, LEFT, FOOTER_Y, WIDTH - 30 * MM);
    this.doc.font('body').fontSize(12).text(`${page}/${total}`, LEFT + WIDTH - 25 * MM, FOOTER_Y + 1, { width: 25 * MM, align: 'right' });
  }
}
