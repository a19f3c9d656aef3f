import Papa from 'papaparse';
import { CsvEncoding, decodedText, detectEncoding } from './decode-csv';
import { chooseDelimiter, Delimiter, HeaderLayout } from './headers';

export interface CsvRow {
  /** Line of the file where the row starts (header = 1). */
  line: number;
  cells: string[];
}

export type OpenedCsv =
  | { kind: 'empty'; encoding: CsvEncoding }
  | { kind: 'rows'; encoding: CsvEncoding; delimiter: Delimiter; layout: HeaderLayout; rows: AsyncGenerator<CsvRow[]>; close: () => Promise<void> };

/** No real row is this long; a longer one means a quote was opened and never closed. */
const MAX_ROW_CHARS = 1 << 20;

/** A `"` opens a value that runs to the end of the file (or past MAX_ROW_CHARS). */
export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`line ${line}: a quoted value is never closed (a " is missing)`);
  }
}

/** Number of line breaks inside a row's (quoted) fields; the text has LF line breaks only. */
function lineBreaks(cells: string[]): number {
  let n = 0;
  for (const c of cells) {
    let i = c.indexOf('\n');
    while (i !== -1) {
      n++;
      i = c.indexOf('\n', i + 1);
    }
  }
  return n;
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/**
 * Opens a CSV file for streaming: detects the encoding, reads just the header line to choose the
 * delimiter, then yields data rows one by one as PapaParse produces them. Reading pauses while the
 * consumer is busy (stream backpressure), so memory does not grow with the file.
 */
export async function openCsv(path: string, onBytes?: (bytesRead: number) => void): Promise<OpenedCsv> {
  const encoding = await detectEncoding(path);
  const text = decodedText(path, encoding, onBytes);
  let head = '';
  let done = false;
  while (!head.includes('\n')) {
    const next = await text.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
  }
  if (head.trim() === '') {
    await text.return(undefined);
    return { kind: 'empty', encoding };
  }
  const newline = head.indexOf('\n');
  const { delimiter, layout } = chooseDelimiter(newline === -1 ? head : head.slice(0, newline));

  async function* source(): AsyncGenerator<string> {
    yield head;
    if (!done) yield* text;
  }

  // Papa's own incremental parser, fed chunk by chunk: each call parses the complete rows of the
  // text so far and leaves the last, possibly unfinished row for the next chunk. The file is read
  // only as fast as the consumer asks for rows (the generators pull; nothing is buffered ahead).
  async function* rows(): AsyncGenerator<CsvRow[]> {
    const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"', escapeChar: '"' });
    let nextLine = 1;
    let header = true;
    let carry = '';
    const take = (data: string[][]): CsvRow[] => {
      const out: CsvRow[] = [];
      for (const cells of data) {
        const line = nextLine;
        nextLine += 1 + lineBreaks(cells);
        if (header) {
          header = false;
          continue;
        }
        if (!isBlank(cells)) out.push({ line, cells });
      }
      return out;
    };
    try {
      for await (const chunk of source()) {
        const input = carry + chunk;
        const result = parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
        carry = input.slice(result.meta.cursor);
        if (carry.length > MAX_ROW_CHARS) throw new UnclosedQuoteError(nextLine);
        const batch = take(result.data);
        if (batch.length) yield batch;
      }
      if (carry) {
        const result = parser.parse(carry, 0, false) as Papa.ParseResult<string[]>;
        if (result.errors.some((e) => e.code === 'MissingQuotes')) throw new UnclosedQuoteError(nextLine);
        const batch = take(result.data);
        if (batch.length) yield batch;
      }
    } finally {
      await text.return(undefined);
    }
  }
  // For a caller that stops before reading any row (the generator's own `finally` never ran then).
  const close = async () => {
    await text.return(undefined);
  };
  return { kind: 'rows', encoding, delimiter, layout, rows: rows(), close };
}
