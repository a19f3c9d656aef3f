import { EngagementBuffer, engagementUpsert } from './engagement-buffer';

describe(EngagementBuffer.name, () => {
  const t1 = new Date('2026-11-24T10:00:00Z');
  const t2 = new Date('2026-11-24T10:00:05Z');

  it('adds up clicks per letter and keeps the earliest click and open', () => {
    const b = new EngagementBuffer();
    b.click('7', 3, t2);
    b.click('7', 3, t1);
    b.open('7', 3, t2);
    b.click('8', 3, t2);
    expect(b.size).toBe(2);
    expect(b.drain()).toEqual([
      ['7', { campaignId: 3, clicks: 2, firstClickAt: t1, openedAt: t2 }],
      ['8', { campaignId: 3, clicks: 1, firstClickAt: t2, openedAt: null }],
    ]);
    expect(b.size).toBe(0);
  });

  it('merges entries put back after a failed write with what arrived meanwhile', () => {
    const b = new EngagementBuffer();
    b.click('7', 3, t1);
    const failed = b.drain();
    b.click('7', 3, t2);
    b.restore(failed);
    expect(b.take('7')).toEqual({ campaignId: 3, clicks: 2, firstClickAt: t1, openedAt: null });
    expect(b.take('7')).toBeUndefined();
  });
});

describe('engagementUpsert', () => {
  it('writes many letters in one statement that adds clicks and keeps first times', () => {
    const { sql, params } = engagementUpsert([
      ['7', { campaignId: 3, clicks: 2, firstClickAt: null, openedAt: null }],
      ['8', { campaignId: 3, clicks: 1, firstClickAt: null, openedAt: null }],
    ]);
    expect(sql).toContain('VALUES (?,?,?,?,?),(?,?,?,?,?) ON DUPLICATE KEY UPDATE');
    expect(sql).toContain('clickCount = clickCount + VALUES(clickCount)');
    expect(sql).toContain('firstClickAt = COALESCE(firstClickAt, VALUES(firstClickAt))');
    expect(params).toEqual(['7', 3, null, 2, null, '8', 3, null, 1, null]);
  });
});
