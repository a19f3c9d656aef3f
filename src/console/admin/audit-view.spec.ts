import { amsterdamDayStart, auditCsv, checkAuditFilter, describeDetail, filterQuery, lookupsPerDay, readAuditFilter } from './audit-view';

describe(auditCsv.name, () => {
  it('writes one line per event, defuses formulas and leaves the free-text reason out', () => {
    const csv = auditCsv([
      { at: '2026-12-02T09:00:00.000Z', actor: '=Evil (hotline, #3)', actorId: 3, action: 'hotline.lookup', subject: 'customer:12', detail: { identifier: 'address', result: 'hit', reason: 'Mrs Jansen calls' } },
    ]);
    expect(csv).toBe(`at,actor,action,subject,detail\r\n2026-12-02T09:00:00.000Z,"'=Evil (hotline, #3)",hotline.lookup,customer:12,identifier: address; result: hit\r\n`);
  });
});

describe(describeDetail.name, () => {
  it('shows lists and skips empty values', () => {
    expect(describeDetail({ rules: ['burst', 'address-walk'], incidentId: null, reason: 'x' }, true)).toBe('rules: burst, address-walk; reason: x');
  });
});

describe(checkAuditFilter.name, () => {
  it('reads action, staff member and Amsterdam days', () => {
    const { problems, filter } = checkAuditFilter(readAuditFilter({ action: 'hotline.lookup', staff: '4', from: '2026-12-01', to: '2026-12-01' }));
    expect(problems).toEqual({});
    expect(filter).toEqual({ action: 'hotline.lookup', actorId: 4, from: new Date('2026-11-30T23:00:00Z'), to: new Date('2026-12-01T23:00:00Z') });
  });

  it('says which filter is wrong', () => {
    expect(checkAuditFilter(readAuditFilter({ action: 'DROP TABLE', staff: 'x', from: '1-12-2026', to: '' })).problems).toEqual({ action: 'action', staff: 'staff', from: 'date' });
    expect(checkAuditFilter(readAuditFilter({ from: '2026-12-03', to: '2026-12-01' })).problems).toEqual({ to: 'order' });
  });

  it('knows summer time', () => {
    expect(amsterdamDayStart('2026-07-01')).toEqual(new Date('2026-06-30T22:00:00Z'));
    expect(amsterdamDayStart('2026-02-30')).toBeNull();
  });
});

describe(filterQuery.name, () => {
  it('keeps only the filters that are set', () => {
    expect(filterQuery({ action: 'hotline.lookup', staff: '', from: '', to: '' }, { page: '2' })).toBe('?action=hotline.lookup&page=2');
    expect(filterQuery({ action: '', staff: '', from: '', to: '' })).toBe('');
  });
});

describe(lookupsPerDay.name, () => {
  it('puts hours into Amsterdam days, one row per member, busiest first', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const table = lookupsPerDay(
      [
        { actorId: 1, actor: 'Ann', hour: '2026-12-01T22:00:00Z', count: 2 }, // 23:00 on 1 Dec in Amsterdam
        { actorId: 1, actor: 'Ann', hour: '2026-12-01T23:00:00Z', count: 3 }, // 00:00 on 2 Dec
        { actorId: 2, actor: 'Bob', hour: '2026-12-02T09:00:00Z', count: 9 },
        { actorId: 2, actor: 'Bob', hour: '2026-11-20T09:00:00Z', count: 50 }, // before the period
      ],
      3,
      now,
    );
    expect(table.days).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(table.rows).toEqual([
      { actorId: 2, actor: 'Bob', perDay: [0, 0, 9], total: 9 },
      { actorId: 1, actor: 'Ann', perDay: [0, 2, 3], total: 5 },
    ]);
  });
});
