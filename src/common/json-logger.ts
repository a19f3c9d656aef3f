import { LoggerService } from '@nestjs/common';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * One JSON object per line. Callers log ids, counts and codes only; personal data never goes in a
 * message (see DESIGN.md). Error objects are reduced to name, code and stack frames because driver
 * messages can quote row values (e.g. MySQL's "Duplicate entry '…'").
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: Level = 'info',
    private readonly stream: NodeJS.WritableStream = process.stdout,
  ) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, traceOrContext?: string, context?: string): void {
    this.write('error', message, context ?? traceOrContext, context ? traceOrContext : undefined);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }

  private write(level: Level, message: unknown, context?: string, trace?: string): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const entry: Record<string, unknown> = { t: new Date().toISOString(), level, context };
    if (message instanceof Error) Object.assign(entry, describeError(message));
    else if (typeof message === 'object' && message !== null) Object.assign(entry, message);
    else entry.msg = String(message);
    if (trace) entry.stack = stackFrames(trace);
    this.stream.write(JSON.stringify(entry) + '\n');
  }
}

export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: typeof err };
  const code = (err as { code?: unknown }).code;
  return { error: err.name, code: typeof code === 'string' || typeof code === 'number' ? code : undefined, stack: stackFrames(err.stack ?? '') };
}

/** Only the "at …" frames: the first line of a stack repeats the message, which may hold data. */
function stackFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 8)
    .map((l) => l.trim())
    .join(' | ');
}
