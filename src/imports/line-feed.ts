import { Readable } from 'node:stream';

/** The socket the stream's reader writes to (mysql2 reads as fast as it can and queues on it). */
export interface Congestion {
  readonly writableLength: number;
  once(event: 'drain' | 'close', listener: () => void): unknown;
}

/**
 * A readable stream the import writes lines into, with back-pressure: `write` waits while the
 * reader has not taken what was written, and while the socket it writes to (set with `throttleBy`)
 * holds more than a few chunks unsent. mysql2 sends a LOAD DATA LOCAL stream without waiting for
 * its socket, so without the second check the parser would run ahead of the database and a whole
 * chunk of rows would sit in memory.
 */
export class LineFeed {
  readonly stream: Readable;
  private buffer = '';
  private wanted: (() => void) | undefined;
  private full = false;
  private socket: Congestion | undefined;

  constructor(private readonly chunkChars = 256 * 1024) {
    this.stream = new Readable({
      highWaterMark: 4 * chunkChars,
      read: () => {
        this.full = false;
        const wake = this.wanted;
        this.wanted = undefined;
        wake?.();
      },
    });
    // A destroyed stream (the load failed) is never read again: let a waiting writer go.
    this.stream.once('close', () => {
      const wake = this.wanted;
      this.wanted = undefined;
      wake?.();
    });
  }

  /** `line` holds one char per byte (latin1): the stream sends it as those bytes. */
  async write(line: string): Promise<void> {
    this.buffer += line;
    if (this.buffer.length < this.chunkChars) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.push(chunk, 'latin1')) this.full = true;
    while (this.full && !this.stream.destroyed) await new Promise<void>((resolve) => (this.wanted = resolve));
    const socket = this.socket;
    while (socket && socket.writableLength > 4 * this.chunkChars && !this.stream.destroyed) {
      await new Promise<void>((resolve) => {
        socket.once('drain', resolve);
        socket.once('close', resolve);
      });
    }
  }

  throttleBy(socket: Congestion | undefined): void {
    this.socket = socket;
  }

  end(): void {
    if (this.buffer) this.stream.push(this.buffer, 'latin1');
    this.buffer = '';
    this.stream.push(null);
  }
}
