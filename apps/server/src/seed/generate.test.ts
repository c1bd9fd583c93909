import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isCnIdNumber, isCnMobile, ROLES } from '@shuren/core';
import { freshDatabase } from '../../test/helpers.js';
import type { Db } from '../db/client.js';
import { demoAccountsDocument } from './accounts-doc.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { ensureDemoData } from './demo.js';
import { buildPlan } from './generate.js';
import { ORG_KINDS, VENUE_KINDS } from '@shuren/core';
import { SPECS, communityCount, grid2Count, grid3Count, peopleCount, threeHeadCount } from './scales.js';

async function snapshot(db: Db) {
  const q = async (text: string) => ((await db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;
  const counts: Record<string, unknown> = {};
  for (const t of ['regions', 'households', 'people', 'role_assignments', 'organisations', 'organisation_members', 'venues', 'venue_rooms', 'accounts']) counts[t] = (await q(`select count(*)::int as n from ${t}`))[0].n;
  return {
    counts,
    regions: await q('select id::text, code, name, path from regions order by id'),
    people: await q('select id::text, name, phone, id_number, home_path from people order by id'),
    assignments: await q('select person_id::text, role, region_path, start_date::text, end_date::text from role_assignments order by id'),
    organisations: await q('select kind, name, region_path from organisations order by id'),
  };
}

describe('demo data generator', () => {
  it('gives the same data for the same scale, twice in a row, ids included', { timeout: 240_000 }, async () => {
    const a = await freshDatabase();
    const b = await freshDatabase();
    try {
      expect((await ensureDemoData(a.db, { scale: 'small' })).created).toBe(true);
      expect((await ensureDemoData(b.db, { scale: 'small' })).created).toBe(true);
      const [sa, sb] = [await snapshot(a.db), await snapshot(b.db)];
      expect(sa.counts.people).toBe(peopleCount(SPECS.small));
      expect(sb).toEqual(sa);
      // A second call on a loaded database changes nothing.
      expect((await ensureDemoData(a.db, { scale: 'small' })).created).toBe(false);
      expect((await snapshot(a.db)).counts).toEqual(sa.counts);
    } finally {
      await a.drop();
      await b.drop();
    }
  });

  it('plans exactly the small spec: tree, every role, every kind of organisation and venue', () => {
    const spec = SPECS.small;
    const plan = buildPlan('small');
    const levels = (l: string) => plan.regions.nodes.filter((n) => n.level === l).length;
    expect(levels('community')).toBe(communityCount(spec));
    expect(levels('grid2')).toBe(grid2Count(spec));
    expect(levels('grid3')).toBe(grid3Count(spec));
    expect(plan.regions.households).toHaveLength(spec.households);
    expect(plan.people.people).toHaveLength(peopleCount(spec));
    const roles = new Set(plan.people.assignments.map((a) => a.role));
    expect([...ROLES].filter((r) => !roles.has(r))).toEqual([]);
    expect(plan.people.assignments.filter((a) => ['building_head', 'lane_head', 'street_head'].includes(a.role) && a.endDate === null)).toHaveLength(threeHeadCount(spec));
    for (const k of ORG_KINDS) expect(plan.orgs.filter((o) => o.kind === k)).toHaveLength(spec.orgs[k]);
    for (const k of VENUE_KINDS) expect(plan.venues.filter((v) => v.kind === k)).toHaveLength(spec.venues[k]);
  });

  it('invents people with valid-looking but fake phone and ID numbers', () => {
    const { people } = buildPlan('small').people;
    const ids = people.map((p) => p.idNumber);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of people) {
      expect(isCnIdNumber(p.idNumber)).toBe(true);
      expect(isCnMobile(p.phone)).toBe(true);
      // The reserved demo range 138 0000 0000 – 138 0099 9999.
      expect(p.phone.startsWith('13800')).toBe(true);
      expect(p.name).toMatch(/^\p{Script=Han}{2,5}$/u);
    }
  });

  it('keeps the demo sign-ins where they were: the resident lives in a household of GC-C01-G01-B01', () => {
    const plan = buildPlan('small');
    const b01 = plan.regions.byCode.get('GC-C01-G01-B01')!;
    expect(b01.kind).toBe('building');
    const login = (l: string) => plan.people.people.find((p) => p.id === plan.people.accounts.find((a) => a.login === l)!.personId)!;
    const resident = login('13800000001');
    expect(resident.phone).toBe('13800000001');
    expect(b01.households.map((h) => h.id)).toContain(resident.householdId);
    for (const a of DEMO_ACCOUNTS) {
      const p = login(a.login);
      const node = plan.regions.byCode.get(a.regionCode)!;
      expect(plan.people.assignments.some((x) => x.personId === p.id && x.role === a.role && x.regionId === node.id)).toBe(true);
    }
    expect(plan.regions.byCode.get('GC-C01')!.name).toBe('同德社区');
    expect(plan.regions.byCode.get('GC-C02')!.name).toBe('映月社区');
  });

  it('publishes the demo sign-ins in docs/demo-accounts.json', () => {
    const file = readFileSync(new URL('../../../../docs/demo-accounts.json', import.meta.url), 'utf8');
    expect(file).toBe(demoAccountsDocument(DEMO_ACCOUNTS));
  });
});
