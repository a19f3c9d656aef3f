/**
 * Database errors that say "not now" rather than "not like this": the connection was lost, killed
 * or refused (a restart, a failover, a dropped socket), the server is shutting down or full, or a
 * lock gave way. mysql2 marks every connection-level error `fatal`; TypeORM's QueryFailedError
 * copies the driver's fields and keeps the original as `driverError`.
 */
const NOT_NOW = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'PROTOCOL_CONNECTION_LOST', 'ER_SERVER_SHUTDOWN', 'ER_CON_COUNT_ERROR', 'ER_CONNECTION_KILLED', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

interface DriverErrorFields {
  code?: unknown;
  fatal?: unknown;
  driverError?: { code?: unknown; fatal?: unknown };
}

export function isTransientDbError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as DriverErrorFields;
  for (const fields of [e, e.driverError]) {
    if (!fields) continue;
    if (fields.fatal === true) return true;
    if (typeof fields.code === 'string' && NOT_NOW.has(fields.code)) return true;
  }
  return false;
}

/**
 * Runs `statement` again after transient database errors, with growing pauses (100 ms doubling up
 * to 2 s), until it succeeds, fails otherwise, or the next try would start after `deadline`
 * (epoch ms). Only for statements that are safe to repeat: reads, and writes guarded so that a
 * second run changes nothing the first one did.
 */
export async function retryTransient<T>(statement: () => Promise<T>, deadline: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await statement();
    } catch (err) {
      const pause = Math.min(2000, 100 * 2 ** attempt);
      if (!isTransientDbError(err) || Date.now() + pause > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
