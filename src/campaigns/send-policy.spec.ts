import { AUTO_RESUMES, automaticPauseReason, coolOffSeconds, isAutomaticPause, letterJobId, retryDelayMs, stateAfterFailure } from './send-policy';

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

describe('coolOffSeconds', () => {
  it('waits out temporary refusals, twice as long each time, at most half an hour, then hands over to a person', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => coolOffSeconds('transient', n, 60))).toEqual([60, 120, 240, 480, 960, 1800]);
    expect(coolOffSeconds('transient', AUTO_RESUMES, 60)).toBeNull();
  });

  it('never resumes by itself after permanent refusals or lost connections, nor when turned off', () => {
    expect(coolOffSeconds('permanent', 0, 60)).toBeNull();
    expect(coolOffSeconds('unknown', 0, 60)).toBeNull();
    expect(coolOffSeconds('transient', 0, 0)).toBeNull();
  });
});

describe('automaticPauseReason', () => {
  it('says when the campaign sends again by itself, or what a person should check', () => {
    expect(automaticPauseReason(50, 'transient', '421 slow down', 60, 0)).toBe(
      'Paused automatically after 50 consecutive send failures (the last: 421 slow down). Waits 1 minute, then sends again by itself (automatic resume 1 of 6); resume sooner if the relay is back.',
    );
    expect(automaticPauseReason(3, 'transient', '421 slow down', 2, 1)).toMatch(/Waits 2 seconds, then sends again by itself \(automatic resume 2 of 6\)/);
    expect(automaticPauseReason(50, 'transient', '421 slow down', null, AUTO_RESUMES)).toMatch(/tried again by itself 6 times: check the SMTP relay, then resume\.$/);
    expect(automaticPauseReason(50, 'permanent', '554 relay access denied', null, 0)).toMatch(/refuses the letters outright/);
    expect(automaticPauseReason(50, 'unknown', 'connection closed after DATA', null, 0)).toMatch(/unknown: check the relay/);
  });

  it('is recognised as automatic, and a person\'s pause is not', () => {
    expect(isAutomaticPause(automaticPauseReason(50, 'permanent', '554 denied', null, 0))).toBe(true);
    expect(isAutomaticPause('Paused by staff member #3')).toBe(false);
    expect(isAutomaticPause(null)).toBe(false);
  });

  it('fits the column (300 characters) however long the last reply was, keeping what to do', () => {
    const reason = automaticPauseReason(50, 'transient', 'x'.repeat(1000), 1800, 0);
    expect(reason.length).toBeLessThanOrEqual(300);
    expect(reason).toMatch(/Waits 30 minutes, .*resume sooner if the relay is back\.$/);
  });
});
