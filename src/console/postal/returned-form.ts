import type { PostalReference } from '../../postal/postal-letters.service';

/** More lines than a tray of returned mail holds is a paste gone wrong, not a day's returns. */
export const MAX_REFERENCES = 500;

export interface ParsedReferences {
  /** Distinct references in the order typed, with the line each came from. */
  refs: { line: number; text: string; ref: PostalReference }[];
  /** Lines that are neither a letter id nor a printed reference (by number only: people type names too). */
  invalid: number[];
  tooMany: boolean;
}

// What the letter shows as "Kenmerk: 12-000034" / "Reference: 12-000034"; people may type the label too.
const LABEL = /^(kenmerk|reference|ref|brief|letter)\s*[:.]?\s*/i;
const SEQUENCE = /^(\d{1,9})\s*[-/ ]\s*(\d{1,9})$/;
const LETTER_ID = /^\d{1,19}$/;

/**
 * The returned-letters textarea, one envelope per line: a letter id (`4711`), or batch and
 * sequence as printed on the letter and in the manifest (`12-000034`). Blank lines are skipped,
 * repeats counted once.
 */
export function parseReferences(input: string): ParsedReferences {
  const refs: ParsedReferences['refs'] = [];
  const invalid: ParsedReferences['invalid'] = [];
  const seen = new Set<string>();
  const lines = input.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') return;
    const bare = text.replace(LABEL, '');
    const seq = SEQUENCE.exec(bare);
    let ref: PostalReference | null = null;
    if (seq) ref = { kind: 'sequence', batchId: Number(seq[1]), sequence: Number(seq[2]) };
    else if (LETTER_ID.test(bare)) ref = { kind: 'letter', letterId: bare.replace(/^0+(?=\d)/, '') };
    if (!ref) return invalid.push(i + 1);
    const key = ref.kind === 'letter' ? `l${ref.letterId}` : `s${ref.batchId}-${ref.sequence}`;
    if (seen.has(key)) return;
    seen.add(key);
    refs.push({ line: i + 1, text, ref });
  });
  return { refs, invalid, tooMany: refs.length > MAX_REFERENCES };
}

export type ReturnProblem = { line: number; problem: 'unknown' | 'notPrinted' };

/** Lines whose letter does not exist, or was never printed (only printed letters come back by post). */
export function returnProblems(refs: ParsedReferences['refs'], found: ({ printedAt: Date | null } | null)[]): ReturnProblem[] {
  return refs.flatMap((r, i): ReturnProblem[] => {
    const letter = found[i];
    if (!letter) return [{ line: r.line, problem: 'unknown' }];
    return letter.printedAt ? [] : [{ line: r.line, problem: 'notPrinted' }];
  });
}
