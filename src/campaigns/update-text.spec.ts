import { parseUpdateText, UPDATE_LIMITS } from './update-text';

describe(parseUpdateText.name, () => {
  it('keeps Dutch and optional English text, trimmed, with normalised line ends', () => {
    expect(parseUpdateText({ nl: { subject: ' Nieuws ', body: 'Een.\r\n\r\nTwee.\r\n' } })).toEqual({ ok: true, value: { nl: { subject: 'Nieuws', body: 'Een.\n\nTwee.' } } });
    const both = parseUpdateText({ nl: { subject: 'a', body: 'b' }, en: { subject: 'c', body: 'd' } });
    expect(both.ok && both.value.en).toEqual({ subject: 'c', body: 'd' });
  });

  it('names each problem with its field and limit', () => {
    const res = parseUpdateText({
      nl: { subject: 'x'.repeat(UPDATE_LIMITS.subject + 1), body: Array.from({ length: UPDATE_LIMITS.paragraphs + 1 }, () => 'p').join('\n\n') },
      en: { subject: 'two\nlines', body: '' },
      de: {},
    });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.messages).toEqual([
      'update has languages that are not offered: de (only nl and, optionally, en)',
      `update.nl.subject is ${UPDATE_LIMITS.subject + 1} characters; at most ${UPDATE_LIMITS.subject} are allowed`,
      `update.nl.body has ${UPDATE_LIMITS.paragraphs + 1} paragraphs; at most ${UPDATE_LIMITS.paragraphs} are allowed`,
      'update.en.subject must be one line (no line breaks)',
      'update.en.body must be a non-empty text',
    ]);
    expect(parseUpdateText({ en: { subject: 'a', body: 'b' } })).toEqual({ ok: false, messages: [expect.stringMatching(/update.nl is required/)] });
    expect(parseUpdateText('text')).toEqual({ ok: false, messages: [expect.stringMatching(/update must be an object/)] });
  });
});
