import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const MAIL_EVENT_TYPES = ['delivered', 'bounced', 'complained'] as const;
export type MailEventType = (typeof MAIL_EVENT_TYPES)[number];

export interface ParsedMailEvent {
  type: MailEventType;
  /** Without angle brackets. */
  messageId: string;
  at: Date;
  reason: string | null;
  dedupeKey: string;
}

/** True when `signature` is the hex HMAC-SHA256 of `rawBody` with `secret` (constant-time compare). */
export function validSignature(rawBody: Buffer, signature: string | undefined, secret: string | undefined): boolean {
  if (!secret || !signature) return false;
  const given = signature.trim().replace(/^sha256=/i, '');
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

export function normaliseMessageId(id: string): string {
  return id.trim().replace(/^<+|>+$/g, '').trim();
}

export class MailEventError extends Error {}

/** Validates the webhook body `[{type, messageId, at, reason?}]`; throws a MailEventError naming the first bad item. */
export function parseMailEvents(body: unknown): ParsedMailEvent[] {
  if (!Array.isArray(body)) throw new MailEventError('The body must be a JSON array of events [{type, messageId, at, reason?}].');
  if (body.length > 10000) throw new MailEventError('At most 10000 events per call.');
  return body.map((raw: unknown, i) => {
    const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    if (typeof e.type !== 'string' || !(MAIL_EVENT_TYPES as readonly string[]).includes(e.type)) {
      throw new MailEventError(`Event ${i}: type must be one of ${MAIL_EVENT_TYPES.join(', ')}.`);
    }
    const messageId = typeof e.messageId === 'string' ? normaliseMessageId(e.messageId) : '';
    if (!messageId || messageId.length > 255) throw new MailEventError(`Event ${i}: messageId is missing or too long.`);
    const at = typeof e.at === 'string' || typeof e.at === 'number' ? new Date(e.at) : new Date(NaN);
    if (Number.isNaN(at.getTime())) throw new MailEventError(`Event ${i}: at must be an ISO-8601 date and time.`);
    if (e.reason !== undefined && e.reason !== null && typeof e.reason !== 'string') throw new MailEventError(`Event ${i}: reason must be a string.`);
    // Bounce texts often quote the address; it is personal data and not needed.
    const reason = typeof e.reason === 'string' ? e.reason.replace(/[^\s<>()[\]]+@[^\s<>()[\]]+/g, '…').slice(0, 300) : null;
    const type = e.type as MailEventType;
    const dedupeKey = createHash('sha256').update([type, messageId, at.toISOString(), reason ?? ''].join('\n')).digest('hex');
    return { type, messageId, at, reason, dedupeKey };
  });
}
