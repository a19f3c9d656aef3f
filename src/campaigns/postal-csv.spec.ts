import { csvCell, csvRow, postalReason } from './postal-csv';

describe(csvCell.name, () => {
  it.each(['=1+1', '+31 6', '-2', '@SUM(A1)', '\tx', '\rx'])('defuses %p so a spreadsheet shows it as text', (value) => {
    expect(csvCell(value).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Dorpsstraat')).toBe('Dorpsstraat');
  });

  it('ends rows with CRLF', () => {
    expect(csvRow(['1', 'x'])).toBe('1,x\r\n');
  });
});

describe(postalReason.name, () => {
  it('names why a letter goes by post', () => {
    expect(postalReason({ channel: 'post', state: 'pending', bouncedAt: null })).toBe('post');
    expect(postalReason({ channel: 'email', state: 'failed', bouncedAt: null })).toBe('email-failed');
    expect(postalReason({ channel: 'email', state: 'unknown', bouncedAt: null })).toBe('email-unknown');
    expect(postalReason({ channel: 'email', state: 'sent', bouncedAt: new Date() })).toBe('email-bounced');
  });
});
