import { describe, expect, it } from 'vitest';
import { addDays, dateToIso, daysAgo, followUpRangeQuery, shanghaiDate, shanghaiDateTime } from './dates';

describe('Shanghai dates', () => {
  const now = new Date('2026-11-27T17:30:00Z'); // 2026-11-28 01:30 in Shanghai
  it('uses the Shanghai calendar day', () => {
    expect(shanghaiDate(now)).toBe('2026-11-28');
    expect(shanghaiDateTime('2026-11-27T17:30:00Z')).toBe('2026-11-28 01:30');
    expect(dateToIso('2026-12-01')).toBe('2026-12-01T09:00:00+08:00');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
  it('turns follow-up range presets into list filters', () => {
    expect(followUpRangeQuery('any', now)).toEqual({});
    expect(followUpRangeQuery('within7', now)).toEqual({ lastFollowUpFrom: '2026-11-21T00:00:00+08:00' });
    expect(followUpRangeQuery('over30', now)).toEqual({ lastFollowUpTo: '2026-10-29T00:00:00+08:00' });
  });
  it('counts calendar days ago', () => {
    expect(daysAgo('2026-11-27T16:00:00Z', now)).toBe(0);
    expect(daysAgo('2026-11-27T15:59:00Z', now)).toBe(1);
  });
});
