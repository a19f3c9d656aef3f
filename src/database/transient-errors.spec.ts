import { isTransientDbError, retryTransient } from './transient-errors';

describe(isTransientDbError.name, () => {
  it('takes lost, killed and refused connections and lock conflicts for transient, and nothing else', () => {
    expect(isTransientDbError(Object.assign(new Error("Can't add new command when connection is in closed state"), { fatal: true }))).toBe(true);
    expect(isTransientDbError({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isTransientDbError({ message: 'query failed', driverError: { code: 'PROTOCOL_CONNECTION_LOST', fatal: true } })).toBe(true);
    expect(isTransientDbError({ code: 'ER_LOCK_DEADLOCK' })).toBe(true);
    expect(isTransientDbError({ code: 'ER_PARSE_ERROR' })).toBe(false);
    expect(isTransientDbError({ code: 'ER_DUP_ENTRY', driverError: { code: 'ER_DUP_ENTRY' } })).toBe(false);
    expect(isTransientDbError(new Error('boom'))).toBe(false);
    expect(isTransientDbError(null)).toBe(false);
  });
});

describe(retryTransient.name, () => {
  const lost = () => Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true });

  it('repeats the statement after transient errors until it succeeds', async () => {
    let calls = 0;
    const result = await retryTransient(() => {
      calls++;
      return calls < 3 ? Promise.reject(lost()) : Promise.resolve('done');
    }, Date.now() + 10_000);
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up at once on an error that is not transient', async () => {
    let calls = 0;
    const syntax = Object.assign(new Error('syntax'), { code: 'ER_PARSE_ERROR' });
    await expect(
      retryTransient(() => {
        calls++;
        return Promise.reject(syntax);
      }, Date.now() + 10_000),
    ).rejects.toBe(syntax);
    expect(calls).toBe(1);
  });

  it('gives up with the last error when the next try would start after the deadline', async () => {
    let calls = 0;
    await expect(
      retryTransient(() => {
        calls++;
        return Promise.reject(lost());
      }, Date.now() + 250),
    ).rejects.toMatchObject({ code: 'PROTOCOL_CONNECTION_LOST' });
    // 100 ms, then 200 ms would pass the deadline: two tries.
    expect(calls).toBe(2);
  });
});
