/**
 * A minimal SMTP sink for the send benchmark, run as its own process so its CPU is not counted
 * against the sender. Accepts every message, counts them and their X-Letter-Id headers (without
 * parsing the MIME body), and answers `{cmd: 'stats'}` over the IPC channel.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let messages = 0;
const letters = new Map<string, number>();

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 8192) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      messages++;
      const id = /^X-Letter-Id: *(\S+)/im.exec(head)?.[1];
      if (id) letters.set(id, (letters.get(id) ?? 0) + 1);
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port });
});

process.on('message', (msg: { cmd?: string }) => {
  if (msg.cmd === 'stats') {
    let duplicates = 0;
    for (const n of letters.values()) if (n > 1) duplicates += n - 1;
    process.send?.({ messages, letters: letters.size, duplicates });
  } else if (msg.cmd === 'reset') {
    messages = 0;
    letters.clear();
    process.send?.({ reset: true });
  }
});
process.on('disconnect', () => server.close(() => process.exit(0)));
