import { parseReferences, returnProblems } from './returned-form';

describe(parseReferences.name, () => {
  it('reads letter ids and printed references, one per line, skipping blank lines and repeats', () => {
    const parsed = parseReferences('4711\r\n\n  12-000034 \nKenmerk: 12-000035\nReference 7/3\n12-34\n4711\n');
    expect(parsed.invalid).toEqual([]);
    expect(parsed.refs.map((r) => [r.line, r.ref])).toEqual([
      [1, { kind: 'letter', letterId: '4711' }],
      [3, { kind: 'sequence', batchId: 12, sequence: 34 }],
      [4, { kind: 'sequence', batchId: 12, sequence: 35 }],
      [5, { kind: 'sequence', batchId: 7, sequence: 3 }],
    ]);
  });

  it('names the lines that are neither, by line number', () => {
    const parsed = parseReferences('4711\nJan Jansen\n12-\n\n-3');
    expect(parsed.refs).toHaveLength(1);
    expect(parsed.invalid).toEqual([2, 3, 5]);
  });

  it('says when more lines were pasted than one check can hold', () => {
    const many = Array.from({ length: 501 }, (_, i) => String(i + 1)).join('\n');
    expect(parseReferences(many).tooMany).toBe(true);
    expect(parseReferences('1\n2').tooMany).toBe(false);
  });
});

describe(returnProblems.name, () => {
  it('names unknown and unprinted letters by the line they were typed on', () => {
    const { refs } = parseReferences('1\n\n2\n3');
    expect(returnProblems(refs, [{ printedAt: new Date() }, null, { printedAt: null }])).toEqual([
      { line: 3, problem: 'unknown' },
      { line: 4, problem: 'notPrinted' },
    ]);
  });
});
