import { csvCell, rejectsLine } from './rejects-csv';

describe('csvCell', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+31', "'+31"],
    ['-telefoon', "'-telefoon"],
    ['@email', "'@email"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
  ])('writes %p as %p', (input, expected) => expect(csvCell(input)).toBe(expected));
});

describe('rejectsLine', () => {
  it('writes line, column, severity and reason', () => {
    expect(rejectsLine({ line: 7, column: '=cmd', severity: 'warning', reason: 'not a date, dropped' })).toBe(`7,'=cmd,warning,"not a date, dropped"`);
  });
});
