/**
 * What a failed SMTP send means for the letter:
 * - `transient`: the server did not take the message (a 4xx reply, or the connection failed before
 *   the message data went out); trying again later is safe.
 * - `permanent`: the server refused this recipient or message with a 5xx reply; trying again will
 *   not help.
 * - `unknown`: the message data went out but no reply came back; the server may have accepted it,
 *   so sending it again could deliver it twice.
 */
export type SendFailureKind = 'transient' | 'permanent' | 'unknown';

export interface SendFailureFacts {
  /** nodemailer's error code (ECONNECTION, EENVELOPE, EMESSAGE, EAUTH, ETIMEDOUT, ...) or a system code. */
  code?: string;
  /** The SMTP reply code, when the server answered. */
  responseCode?: number;
  /** The SMTP command in flight (CONN, EHLO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA, API). */
  command?: string;
  /** Whether the message body had started to go out (the server had accepted DATA). */
  dataStarted: boolean;
}

/** Commands that concern the session, not this letter: a 5xx there is a set-up problem, not a reason to give up on the customer. */
const SESSION_COMMANDS = /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH\b)/i;

export function classifySendFailure(f: SendFailureFacts): SendFailureKind {
  const reply = f.responseCode;
  if (reply !== undefined && reply >= 400 && reply < 600) {
    // The server answered: whatever the phase, it said explicitly that it did not take the message.
    if (reply < 500) return 'transient';
    if (f.code === 'EAUTH' || SESSION_COMMANDS.test(f.command ?? '')) return 'transient';
    return 'permanent';
  }
  return f.dataStarted ? 'unknown' : 'transient';
}

/** Short, address-free description for `letters.lastError`: the reply code or error code and a clipped reason. */
export function describeSendFailure(f: SendFailureFacts, message: string): string {
  const head = f.responseCode ? String(f.responseCode) : (f.code ?? 'ERROR');
  const reason = message
    // Addresses in server replies ("<a@b.nl>: Recipient address rejected") are personal data.
    .replace(/<[^>]*>/g, '<…>')
    .replace(/[^\s<>()[\]]+@[^\s<>()[\]]+/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
  return `${head} ${f.command ? `(${f.command}) ` : ''}${reason}`.slice(0, 300);
}
