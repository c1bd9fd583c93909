import { describe, expect, it } from 'vitest';
import { consoleHref, dashboardOfListPath, defaultRegionId, splitListPath } from './dashboard-api';
import { describeItem } from './describe-item';
import type { Me } from '../../shared/auth';

const zh = (x: { zh: string; en: string } | string, _en?: string) => (typeof x === 'string' ? x : x.zh);

describe('dashboard drill-down plumbing', () => {
  it('turns a figure listPath into a client call with its filters', () => {
    expect(splitListPath('/api/v1/people?role=building_head&regionId=abc')).toEqual({ path: '/people', query: { role: 'building_head', regionId: 'abc' } });
    expect(splitListPath('/api/v1/venues')).toEqual({ path: '/venues', query: {} });
  });

  it('opens the console list filtered the same way, with the region scope renamed', () => {
    expect(consoleHref('/api/v1/organisations?regionId=r1&kind=club')).toBe('/console/organisations?region=r1&kind=club');
    expect(consoleHref('/api/v1/households')).toBe('/console/households');
  });

  it('drills into a child node’s dashboard when a line points at its statistics', () => {
    expect(dashboardOfListPath('/api/v1/regions/0190-abc/stats')).toBe('/dashboard/0190-abc');
    expect(dashboardOfListPath('/api/v1/regions?level=grid2&regionId=x')).toBeNull();
    expect(dashboardOfListPath('/api/v1/people?role=building_head')).toBeNull();
  });

  it('starts at the widest node where the account may read statistics, and nowhere without the permission', () => {
    const me = {
      permissions: [
        { permission: 'stats.read', path: '/root/c1/' },
        { permission: 'stats.read', path: '/root/' },
        { permission: 'audit.read', path: '/' },
      ],
    } as Me;
    expect(defaultRegionId(me)).toBe('root');
    expect(defaultRegionId({ permissions: [{ permission: 'person.read', path: '/root/' }] } as Me)).toBeUndefined();
    expect(defaultRegionId(null)).toBeUndefined();
  });

  it('describes records of any module as title, tags and place', () => {
    expect(describeItem({ id: '1', personName: '王楼长', roleLabel: { zh: '楼长', en: 'Building head' }, regionName: '1栋' }, zh)).toEqual({ title: '王楼长', tags: ['楼长'], place: '1栋', extra: [] });
    expect(describeItem({ id: '2', address: '同德花园1区1栋', room: '1-101', regionName: '1栋', memberCount: 3 }, zh).title).toBe('同德花园1区1栋 1-101');
    expect(describeItem({ id: '3', address: '同德花园1栋1-101', room: '1-101' }, zh).title).toBe('同德花园1栋1-101');
    expect(describeItem({ id: 'x9' }, zh).title).toBe('x9');
  });
});
