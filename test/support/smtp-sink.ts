import type { AddressInfo } from 'node:net';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  letterId: string | undefined;
  to: string[];
  parsed: ParsedMail;
  raw: Buffer;
}

/** What the sink answers for a recipient: accept, or an SMTP error code with text. */
export type RecipientRule = (address: string) => { code: number; message: string } | undefined;

/**
 * A real SMTP server on a free loopback port that keeps every message it accepted. Tests can make
 * it refuse some recipients (451/550), drop the connection after the data was received, or hold
 * its answer to each message until released (a slow server: nothing completes meanwhile).
 */
export async function startSmtpSink(options: { rule?: RecipientRule; dropAfterData?: (raw: Buffer) => boolean; countOnly?: boolean } = {}) {
  const messages: ReceivedMessage[] = [];
  // countOnly: tens of thousands of messages; parsing each would cost the test more than sending it.
  const counted = new Map<string, number>();
  let rule = options.rule;
  let dropAfterData = options.dropAfterData;
  let held: (() => void)[] | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const verdict = rule?.(address.address);
      if (verdict) {
        const err = Object.assign(new Error(verdict.message), { responseCode: verdict.code });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      const answer = () => {
        const raw = Buffer.concat(chunks);
        if (options.countOnly) {
          const letterId = /^X-Letter-Id: *(\S+)/im.exec(raw.subarray(0, 8192).toString('latin1'))?.[1];
          if (letterId) counted.set(letterId, (counted.get(letterId) ?? 0) + 1);
          return callback();
        }
        void simpleParser(raw).then((parsed) => {
          const header = parsed.headers.get('x-letter-id');
          messages.push({ letterId: typeof header === 'string' ? header : undefined, to: session.envelope.rcptTo.map((r) => r.address), parsed, raw });
          if (dropAfterData?.(raw)) {
            // The message is here, but the client never hears "250": the case that must become `unknown`.
            // smtp-server does not hand the socket to onData; find this session's connection.
            const connections = (server as unknown as { connections: Set<{ session?: { id?: string }; _socket?: { destroy(): void } }> }).connections;
            for (const c of connections) if (c.session?.id === session.id) c._socket?.destroy();
            return;
          }
          callback();
        });
      };
      stream.on('end', () => {
        if (held) held.push(answer);
        else answer();
      });
    },
  });
  // A client that dies mid-session (a SIGKILLed worker) resets its sockets; that is the test, not a sink failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    setRule(next: RecipientRule | undefined) {
      rule = next;
    },
    setDropAfterData(next: ((raw: Buffer) => boolean) | undefined) {
      dropAfterData = next;
    },
    /** From now on each message waits for its answer until release(). */
    hold() {
      held ??= [];
    },
    /** Answers every held message and stops holding. */
    release() {
      const waiting = held ?? [];
      held = undefined;
      for (const answer of waiting) answer();
    },
    /** How many messages carried each X-Letter-Id. */
    countsByLetter(): Map<string, number> {
      const m = new Map<string, number>(counted);
      for (const msg of messages) if (msg.letterId) m.set(msg.letterId, (m.get(msg.letterId) ?? 0) + 1);
      return m;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
