import { classifySendFailure, describeSendFailure } from './send-failure';

describe(classifySendFailure.name, () => {
  it('treats a 4xx reply as transient, at any phase', () => {
    expect(classifySendFailure({ code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO', dataStarted: false })).toBe('transient');
    expect(classifySendFailure({ code: 'EMESSAGE', responseCode: 452, command: 'DATA', dataStarted: true })).toBe('transient');
  });

  it('treats a 5xx reply to the recipient or the message as permanent', () => {
    expect(classifySendFailure({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', dataStarted: false })).toBe('permanent');
    expect(classifySendFailure({ code: 'EMESSAGE', responseCode: 554, command: 'DATA', dataStarted: true })).toBe('permanent');
  });

  it('keeps authentication and session failures transient, so a wrong password never fails customers', () => {
    expect(classifySendFailure({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN', dataStarted: false })).toBe('transient');
    expect(classifySendFailure({ code: 'EPROTOCOL', responseCode: 554, command: 'CONN', dataStarted: false })).toBe('transient');
  });

  it('treats a lost connection before the data as transient and after it as unknown', () => {
    expect(classifySendFailure({ code: 'ECONNECTION', command: 'CONN', dataStarted: false })).toBe('transient');
    expect(classifySendFailure({ code: 'ETIMEDOUT', dataStarted: false })).toBe('transient');
    expect(classifySendFailure({ code: 'ECONNECTION', command: 'CONN', dataStarted: true })).toBe('unknown');
    expect(classifySendFailure({ code: 'ETIMEDOUT', dataStarted: true })).toBe('unknown');
  });
});

describe(describeSendFailure.name, () => {
  it('keeps the code and the reason but never the address', () => {
    const text = describeSendFailure({ responseCode: 550, command: 'RCPT TO', dataStarted: false }, "Can't send mail - all recipients were rejected: 550 5.1.1 <jan.jansen@example.nl>: user unknown jan.jansen@example.nl");
    expect(text).toMatch(/^550 \(RCPT TO\) /);
    expect(text).toContain('user unknown');
    expect(text).not.toContain('jan.jansen');
  });
});
