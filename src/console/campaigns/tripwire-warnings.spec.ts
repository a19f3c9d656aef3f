import { tripwireWarnings } from './campaigns.pages';

describe(tripwireWarnings.name, () => {
  const report = {
    completedWithOpenLetters: [4],
    startedWithPendingLetters: [4, 6],
    stalled: [{ campaignId: 7, dueLetters: 1250, lastMovedAt: '2026-12-02T03:00:00.000Z' }],
  };

  it('says nothing about a campaign the tripwire did not name, or when it did not run', () => {
    expect(tripwireWarnings(report, 5, 'en')).toEqual([]);
    expect(tripwireWarnings(undefined, 4, 'en')).toEqual([]);
  });

  it('names each broken rule for the campaign, in the page language', () => {
    expect(tripwireWarnings(report, 4, 'en')).toEqual([expect.stringContaining('says it is completed'), expect.stringContaining('never released')]);
    expect(tripwireWarnings(report, 4, 'nl')[0]).toContain('afgerond');
  });

  it('gives a stalled campaign the number of letters waiting and since when nothing moved', () => {
    const [warning] = tripwireWarnings(report, 7, 'en');
    expect(warning).toMatch(/^1,250 e-mails are waiting/);
    expect(warning).toMatch(/2026|Dec|3/);
  });
});
