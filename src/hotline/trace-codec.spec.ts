import type { TraceEntry } from './browsing-rules';
import { decodeTrace, encodeTraceEntry } from './trace-codec';

describe('trace codec', () => {
  const entries: TraceEntry[] = [
    { at: 1796283296182, result: 'hit', kind: 'customerNumber' },
    { at: 1796283296183, result: 'miss', kind: 'address', street: 'a1b2c3d4e5f6a7b8c9d0', houseNumber: 12 },
    { at: 1796283296184, result: 'ambiguous', kind: 'address+birthDate', street: '00ff', houseNumber: 7 },
    { at: 1796283296185, result: 'miss', kind: 'customerNumber' },
  ];

  it('gives back every entry, in order, as it was', () => {
    expect(decodeTrace(entries.map(encodeTraceEntry).join('\n'))).toEqual(entries);
  });

  it('is short: a customer-number lookup is its time and two letters', () => {
    expect(encodeTraceEntry(entries[0])).toBe('1796283296182|hn');
    expect(encodeTraceEntry(entries[1])).toBe('1796283296183|ma|a1b2c3d4e5f6a7b8c9d0|12');
  });

  it('still reads entries stored as JSON before this format', () => {
    const mixed = [JSON.stringify(entries[1]), encodeTraceEntry(entries[0])].join('\n');
    expect(decodeTrace(mixed)).toEqual([entries[1], entries[0]]);
  });

  it('reads an empty trace as no entries', () => {
    expect(decodeTrace('')).toEqual([]);
  });
});
