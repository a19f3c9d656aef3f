import { loadConfig } from '../config/config';
import { addressWalk, burst, findBrowsing, longestWalk, missesInARow, outsideHours, TraceEntry, withinWorkingHours } from './browsing-rules';

const defaults = loadConfig({}).hotlineAlerts;
/** Wednesday 2 December 2026, 10:00 in Amsterdam (09:00 UTC): within the default hours. */
const WED_10 = Date.parse('2026-12-02T09:00:00Z');
const minute = 60_000;

const miss = (at: number): TraceEntry => ({ at, result: 'miss', kind: 'customerNumber' });
const hit = (at: number): TraceEntry => ({ at, result: 'hit', kind: 'customerNumber' });
const address = (at: number, houseNumber: number, street = 'street-a', result: TraceEntry['result'] = 'miss'): TraceEntry => ({ at, result, kind: 'address', street, houseNumber });

describe(missesInARow.name, () => {
  const t = { ...defaults, missesInARow: 3 };

  it('flags the third miss in a row', () => {
    const trace = [hit(WED_10), miss(WED_10 + 1), miss(WED_10 + 2), miss(WED_10 + 3)];
    expect(missesInARow(trace, t)).toMatchObject({ rule: 'misses-in-a-row', facts: { misses: 3, threshold: 3 } });
  });

  it('does not count misses that a hit interrupted', () => {
    expect(missesInARow([miss(1), miss(2), hit(3), miss(4), miss(5)], t)).toBeNull();
  });

  it('treats a shared address (ambiguous) as found, not as a miss', () => {
    expect(missesInARow([miss(1), miss(2), { ...address(3, 5), result: 'ambiguous' }], t)).toBeNull();
  });

  it('is off at 0', () => {
    expect(missesInARow([miss(1), miss(2), miss(3)], { ...t, missesInARow: 0 })).toBeNull();
  });
});

describe(burst.name, () => {
  const t = { ...defaults, burstLookups: 4, burstWindowSeconds: 120 };

  it('flags the fourth lookup within two minutes', () => {
    const trace = [0, 30, 60, 110].map((s) => hit(WED_10 + s * 1000));
    expect(burst(trace, t)).toMatchObject({ rule: 'burst', facts: { lookups: 4, windowSeconds: 120 } });
  });

  it('ignores lookups older than the window', () => {
    const trace = [0, 60, 130, 140].map((s) => hit(WED_10 + s * 1000));
    expect(burst(trace, t)).toBeNull();
  });
});

describe(withinWorkingHours.name, () => {
  const hours = defaults.workingHours;

  it('reads the hours in Amsterdam time, summer and winter', () => {
    expect(withinWorkingHours(Date.parse('2026-12-02T06:30:00Z'), hours)).toBe(true); // 07:30 CET
    expect(withinWorkingHours(Date.parse('2026-12-02T05:30:00Z'), hours)).toBe(false); // 06:30 CET
    expect(withinWorkingHours(Date.parse('2026-07-01T05:30:00Z'), hours)).toBe(true); // 07:30 CEST
    expect(withinWorkingHours(Date.parse('2026-12-02T20:59:00Z'), hours)).toBe(true); // 21:59 CET
    expect(withinWorkingHours(Date.parse('2026-12-02T21:00:00Z'), hours)).toBe(false); // 22:00 CET
  });

  it('honours the working days', () => {
    const weekdaysOnly = { ...hours, days: [1, 2, 3, 4, 5] };
    expect(withinWorkingHours(Date.parse('2026-12-05T10:00:00Z'), weekdaysOnly)).toBe(false); // Saturday
    expect(withinWorkingHours(Date.parse('2026-12-04T10:00:00Z'), weekdaysOnly)).toBe(true); // Friday
  });

  it('lets a shift run past midnight, on the day it started', () => {
    const night = { ...hours, from: 22 * 60, to: 6 * 60, days: [5] }; // Friday night
    expect(withinWorkingHours(Date.parse('2026-12-04T22:30:00Z'), night)).toBe(true); // Fri 23:30
    expect(withinWorkingHours(Date.parse('2026-12-05T03:00:00Z'), night)).toBe(true); // Sat 04:00, Friday's shift
    expect(withinWorkingHours(Date.parse('2026-12-06T03:00:00Z'), night)).toBe(false); // Sun 04:00
  });
});

describe(outsideHours.name, () => {
  it('flags a lookup at 03:00 in Amsterdam, saying when', () => {
    const finding = outsideHours([hit(Date.parse('2026-12-02T02:00:00Z'))], defaults);
    expect(finding).toMatchObject({ rule: 'outside-hours', facts: { lookups: 1, localMinutes: 180 } });
    expect(finding?.summary).toContain('03:00 (Europe/Amsterdam)');
  });

  it('waits for the threshold, and only a lookup outside hours raises it', () => {
    const t = { ...defaults, outsideHoursLookups: 2 };
    const night = Date.parse('2026-12-02T02:00:00Z');
    expect(outsideHours([hit(night)], t)).toBeNull();
    expect(outsideHours([hit(night), hit(night + minute)], t)).not.toBeNull();
    expect(outsideHours([hit(night), hit(night + minute), hit(WED_10)], t)).toBeNull();
  });

  it('is off with hours 00:00-24:00', () => {
    const allDay = loadConfig({ HOTLINE_WORKING_HOURS: '00:00-24:00' }).hotlineAlerts;
    expect(outsideHours([hit(Date.parse('2026-12-02T02:00:00Z'))], allDay)).toBeNull();
  });
});

describe(longestWalk.name, () => {
  it('follows one side of the street and restarts after a gap', () => {
    expect(longestWalk([2, 4, 6, 8], 2)).toBe(4);
    expect(longestWalk([8, 2, 6, 4, 4], 2)).toBe(4);
    expect(longestWalk([1, 2, 3, 10, 11], 1)).toBe(3);
    expect(longestWalk([1, 5, 9, 13], 2)).toBe(1);
    expect(longestWalk([], 2)).toBe(0);
  });
});

describe(addressWalk.name, () => {
  const t = { ...defaults, walkNumbers: 4, walkMaxStep: 2, walkWindowSeconds: 3600 };

  it('flags 4 neighbouring numbers in one postcode, hits and misses alike', () => {
    const trace = [address(WED_10, 10), address(WED_10 + minute, 12, 'street-a', 'hit'), address(WED_10 + 2 * minute, 14), address(WED_10 + 3 * minute, 16)];
    expect(addressWalk(trace, t)).toMatchObject({ rule: 'address-walk', facts: { houseNumbers: 4 } });
  });

  it('does not mix postcodes, and forgets lookups older than the window', () => {
    const other = [address(WED_10, 10), address(WED_10 + 1, 12, 'street-b'), address(WED_10 + 2, 14), address(WED_10 + 3, 16)];
    expect(addressWalk(other, t)).toBeNull();
    const slow = [address(WED_10, 10), address(WED_10 + 61 * minute, 12), address(WED_10 + 62 * minute, 14), address(WED_10 + 63 * minute, 16)];
    expect(addressWalk(slow, t)).toBeNull();
  });

  it('does not count the same number twice (a caller asked again)', () => {
    const trace = [address(WED_10, 10), address(WED_10 + 1, 10), address(WED_10 + 2, 12), address(WED_10 + 3, 12)];
    expect(addressWalk(trace, t)).toBeNull();
  });
});

describe(findBrowsing.name, () => {
  it('finds nothing in an ordinary morning of calls', () => {
    const calls = [hit(WED_10), miss(WED_10 + 3 * minute), hit(WED_10 + 4 * minute), address(WED_10 + 9 * minute, 12, 'street-a', 'ambiguous'), { ...address(WED_10 + 10 * minute, 12), result: 'hit' as const }];
    expect(findBrowsing(calls, defaults)).toEqual([]);
  });

  it('reports every rule the newest lookup completes', () => {
    const t = { ...defaults, missesInARow: 3, burstLookups: 4 };
    const trace = [10, 12, 14, 16].map((n, i) => address(WED_10 + i * 1000, n));
    expect(findBrowsing(trace, t).map((f) => f.rule)).toEqual(['address-walk', 'misses-in-a-row', 'burst']);
  });
});
