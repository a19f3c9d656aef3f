import { letterJobId, retryDelayMs, stateAfterFailure } from './send-policy';

describe(letterJobId.name, () => {
  it('is the letter id for the first send and unique per later attempt', () => {
    expect(letterJobId('42', 0)).toBe('42');
    expect(letterJobId('42', 1)).toBe('42:1');
    expect(letterJobId('42', 2)).not.toBe(letterJobId('42', 1));
  });
});

describe(retryDelayMs.name, () => {
  it('doubles per attempt within ±20% and stops growing at one hour', () => {
    expect(retryDelayMs(1, 1000, () => 0.5)).toBe(1000);
    expect(retryDelayMs(3, 1000, () => 0.5)).toBe(4000);
    expect(retryDelayMs(3, 1000, () => 0)).toBe(3200);
    expect(retryDelayMs(3, 1000, () => 1)).toBe(4800);
    expect(retryDelayMs(30, 30000, () => 0.5)).toBe(3600_000);
  });
});

describe(stateAfterFailure.name, () => {
  it('retries transient failures until the attempts run out', () => {
    expect(stateAfterFailure('transient', 1, 5)).toBe('retrying');
    expect(stateAfterFailure('transient', 5, 5)).toBe('failed');
  });
  it('fails permanent failures at once and never retries an unknown outcome', () => {
    expect(stateAfterFailure('permanent', 1, 5)).toBe('failed');
    expect(stateAfterFailure('unknown', 1, 5)).toBe('unknown');
  });
});
