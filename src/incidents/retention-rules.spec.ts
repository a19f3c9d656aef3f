import { closeBlocker, closedMessage, personalDataGone, purgeAtFor } from './retention-rules';

const closedAt = new Date('2026-12-02T10:15:30.250Z');
const none = { campaigns: [], imports: [], printBatches: [] };

describe(purgeAtFor.name, () => {
  it('is RETENTION_DAYS whole days after closing, to the millisecond', () => {
    expect(purgeAtFor(closedAt, 180).toISOString()).toBe('2027-05-31T10:15:30.250Z');
    expect(purgeAtFor(closedAt, 1).toISOString()).toBe('2026-12-03T10:15:30.250Z');
  });

  it('is the moment of closing for 0 days (the next sweep purges)', () => {
    expect(purgeAtFor(closedAt, 0).getTime()).toBe(closedAt.getTime());
  });

  it('refuses negative or fractional days', () => {
    expect(() => purgeAtFor(closedAt, -1)).toThrow(RangeError);
    expect(() => purgeAtFor(closedAt, 1.5)).toThrow(RangeError);
  });
});

describe(personalDataGone.name, () => {
  const purgeAt = new Date('2026-12-10T00:00:00Z');
  it('keeps the data of an open incident and of a closed one until purgeAt', () => {
    expect(personalDataGone({ status: 'open', purgeAt: null }, new Date('2030-01-01'))).toBe(false);
    expect(personalDataGone({ status: 'closed', purgeAt }, new Date('2026-12-09T23:59:59.999Z'))).toBe(false);
  });

  it('treats the data as gone from purgeAt on, before the purge has finished, and once purged', () => {
    expect(personalDataGone({ status: 'closed', purgeAt }, purgeAt)).toBe(true);
    expect(personalDataGone({ status: 'purged', purgeAt }, new Date('2020-01-01'))).toBe(true);
  });
});

describe(closeBlocker.name, () => {
  it('lets an incident close when nothing moves (paused and draft campaigns stay frozen)', () => {
    expect(closeBlocker(4, none)).toBeNull();
  });

  it('names a sending campaign and says to pause it or let it complete', () => {
    expect(closeBlocker(4, { ...none, campaigns: [{ id: 7, status: 'sending' }] })).toBe(
      'Incident 4 cannot be closed yet: campaign 7 is still sending: pause it (no further letters go out) or wait until it has completed. Then close it again.',
    );
  });

  it('names approved campaigns, running imports and print batches being built, all at once', () => {
    const message = closeBlocker(4, { campaigns: [{ id: 2, status: 'approved' }, { id: 3, status: 'approved' }], imports: [{ id: 9 }], printBatches: [{ id: 5 }] });
    expect(message).toContain('campaigns 2, 3 are approved but not started: start them and let them complete, or pause them once started');
    expect(message).toContain('import 9 is still running');
    expect(message).toContain('print batch 5 is still being built');
  });
});

describe(closedMessage.name, () => {
  it('says what can no longer be done, and whether the data is already gone', () => {
    expect(closedMessage(4, 'closed', 'import')).toMatch(/^Incident 4 is closed; you can no longer import customers into it\./);
    expect(closedMessage(4, 'purged', 'campaign')).toMatch(/personal data has been removed; you can no longer create, approve, start or resume its campaigns/);
  });
});
