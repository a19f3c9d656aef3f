import { parseReminderOption, ReminderCandidate, selectReminders } from './reminders';

const now = new Date('2026-12-10T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const candidate = (customerId: string, fields: Partial<ReminderCandidate> = {}): ReminderCandidate => ({
  customerId,
  sentAt: daysAgo(8),
  clickedAt: null,
  acknowledgedAt: null,
  birthDate: '1980-01-01',
  email: `${customerId}@example.nl`,
  ...fields,
});

describe(selectReminders.name, () => {
  it('reminds only those who neither opened the link nor confirmed reading, once the days have passed', () => {
    const chosen = selectReminders(
      [
        candidate('quiet'),
        candidate('clicked', { clickedAt: daysAgo(7) }),
        candidate('confirmed', { acknowledgedAt: daysAgo(6) }),
        candidate('too-recent', { sentAt: daysAgo(6.9) }),
        candidate('exactly', { sentAt: daysAgo(7) }),
        candidate('never-sent', { sentAt: null }),
      ],
      { afterDays: 7, now },
    );
    expect(chosen.map((c) => c.customerId)).toEqual(['quiet', 'exactly']);
  });

  it('sends the reminder by post from age 75 (birth date known), else by e-mail when there is an address', () => {
    const chosen = selectReminders(
      [
        candidate('seventy-five-today', { birthDate: '1951-12-10' }),
        candidate('seventy-four', { birthDate: '1951-12-11' }),
        candidate('old-no-email', { birthDate: '1930-05-05', email: null }),
        candidate('unknown-age', { birthDate: null }),
        candidate('young-no-email', { email: null }),
        candidate('bad-email', { email: 'not an address' }),
      ],
      { afterDays: 7, now },
    );
    expect(Object.fromEntries(chosen.map((c) => [c.customerId, c.channel]))).toEqual({
      'seventy-five-today': 'post',
      'seventy-four': 'email',
      'old-no-email': 'post',
      'unknown-age': 'email',
      'young-no-email': 'post',
      'bad-email': 'post',
    });
  });
});

describe(parseReminderOption.name, () => {
  it('accepts a campaign id and whole days, and names what is wrong otherwise', () => {
    expect(parseReminderOption({ campaignId: 3, afterDays: 7 })).toEqual({ ok: true, value: { campaignId: 3, afterDays: 7 } });
    const bad = parseReminderOption({ campaignId: 'x', afterDays: 0.5 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.messages).toEqual([expect.stringMatching(/campaignId/), expect.stringMatching(/whole number of days from 1 to 365/)]);
    expect(parseReminderOption(undefined).ok).toBe(false);
  });
});
