import { createHmac } from 'node:crypto';
import { MailEventError, normaliseMessageId, parseMailEvents, validSignature } from './mail-events';

describe(validSignature.name, () => {
  const body = Buffer.from('[{"type":"delivered"}]');
  const good = createHmac('sha256', 's3cret').update(body).digest('hex');

  it('accepts the hex HMAC-SHA256 of the raw body, with or without a sha256= prefix', () => {
    expect(validSignature(body, good, 's3cret')).toBe(true);
    expect(validSignature(body, `sha256=${good.toUpperCase()}`, 's3cret')).toBe(true);
  });

  it('refuses a wrong, malformed or missing signature, a changed body and a missing secret', () => {
    expect(validSignature(body, good, 'other')).toBe(false);
    expect(validSignature(Buffer.from('[]'), good, 's3cret')).toBe(false);
    expect(validSignature(body, 'abc', 's3cret')).toBe(false);
    expect(validSignature(body, undefined, 's3cret')).toBe(false);
    expect(validSignature(body, good, undefined)).toBe(false);
  });
});

describe(parseMailEvents.name, () => {
  it('normalises message ids and gives a replay the same dedupe key', () => {
    const [a] = parseMailEvents([{ type: 'bounced', messageId: '<x.1@fw.test>', at: '2026-11-21T10:00:00Z', reason: '550 no such user jan@example.nl' }]);
    const [b] = parseMailEvents([{ type: 'bounced', messageId: 'x.1@fw.test', at: '2026-11-21T10:00:00.000Z', reason: '550 no such user jan@example.nl' }]);
    expect(a.messageId).toBe('x.1@fw.test');
    expect(a.dedupeKey).toBe(b.dedupeKey);
    expect(a.reason).not.toContain('jan@example.nl');
  });

  it('names the first bad event', () => {
    expect(() => parseMailEvents([{ type: 'delivered', messageId: 'a', at: 'now' }])).toThrow(/Event 0: at/);
    expect(() => parseMailEvents([{ type: 'delivered', messageId: 'a', at: '2026-11-21T10:00:00Z' }, { type: 'opened' }])).toThrow(MailEventError);
    expect(() => parseMailEvents({})).toThrow(/JSON array/);
  });
});

describe(normaliseMessageId.name, () => {
  it('strips angle brackets and spaces', () => {
    expect(normaliseMessageId(' <abc@d> ')).toBe('abc@d');
  });
});
