/**
 * A minimal SMTP sink for the benchmarks, run as its own process so its CPU is not counted
 * against the sender. Accepts every message, counts them, their bytes and their X-Letter-Id
 * headers (without parsing the MIME body), remembers when the first and the last message ended,
 * and answers `{cmd: 'stats'}` / `{cmd: 'reset'}` over the IPC channel.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let messages = 0;
let bytes = 0;
let firstAt = 0;
let lastAt = 0;
const letters = new Map<string, number>();

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (head.length < 8192) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      messages++;
      lastAt = Date.now();
      if (!firstAt) firstAt = lastAt;
      const id = /^X-Letter-Id: *(\S+)/im.exec(head)?.[1];
      if (id) letters.set(id, (letters.get(id) ?? 0) + 1);
      callback();
    });
  },
});

server.listen(Number(process.env.SINK_PORT ?? 0), '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port });
});

process.on('message', (msg: { cmd?: string }) => {
  if (msg.cmd === 'stats') {
    let duplicates = 0;
    for (const n of letters.values()) if (n > 1) duplicates += n - 1;
    process.send?.({ messages, bytes, letters: letters.size, duplicates, firstAt, lastAt });
  } else if (msg.cmd === 'reset') {
    messages = 0;
    bytes = 0;
    firstAt = 0;
    lastAt = 0;
    letters.clear();
    process.send?.({ reset: true });
  }
});
process.on('disconnect', () => server.close(() => process.exit(0)));
