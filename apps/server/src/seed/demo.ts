import { eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { childPath } from '@shuren/core';
import type { Db } from '../db/client.js';
import { accounts, households, people, regionHistory, regions, roleAssignments } from '../db/schema/index.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';

/**
 * Loads the demo data once (when the region tree is empty) and returns the demo sign-ins.
 * Minimal fixed data for now; the deterministic generator replaces it.
 */
export async function ensureDemoData(db: Db, _opts: { scale: 'small' }): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  const [root] = await db.select({ id: regions.id }).from(regions).where(isNull(regions.parentId)).limit(1);
  if (root) return { created: false, accounts: DEMO_ACCOUNTS };
  const now = new Date();
  const hash = await hashPassword(DEMO_ACCOUNTS[0].password);
  await db.transaction(async (tx) => {
    const byCode = new Map<string, { id: string; path: string }>();
    const add = async (parentCode: string | null, level: string, kind: string, code: string, name: string) => {
      const id = uuidv7();
      const parent = parentCode ? byCode.get(parentCode)! : null;
      const path = childPath(parent ? parent.path : '/', id);
      await tx.insert(regions).values({ id, parentId: parent?.id ?? null, level, kind, code, name, path, createdAt: now, updatedAt: now });
      await tx.insert(regionHistory).values({ id: uuidv7(), regionId: id, change: 'created', name, parentId: parent?.id ?? null, path, validFrom: now });
      byCode.set(code, { id, path });
    };
    await add(null, 'subdistrict', 'subdistrict', 'GC', '桂城街道');
    for (const [ci, cname] of ['同德社区', '映月社区'].entries()) {
      const c = `GC-C${String(ci + 1).padStart(2, '0')}`;
      await add('GC', 'community', 'urban_community', c, cname);
      for (let g = 1; g <= 2; g++) {
        const gc = `${c}-G${String(g).padStart(2, '0')}`;
        await add(c, 'grid2', 'compound', gc, `${cname.slice(0, 2)}花园${g}区`);
        for (let b = 1; b <= 2; b++) await add(gc, 'grid3', 'building', `${gc}-B${String(b).padStart(2, '0')}`, `${b}栋`);
      }
    }
    const b1 = byCode.get('GC-C01-G01-B01')!;
    const householdId = uuidv7();
    await tx.insert(households).values({ id: householdId, regionId: b1.id, regionPath: b1.path, address: '同德花园1区1栋', room: '1-101', floorArea: '88.50' });
    for (const a of DEMO_ACCOUNTS) {
      const region = byCode.get(a.regionCode)!;
      const personId = uuidv7();
      const isResident = a.role === 'resident';
      await tx.insert(people).values({
        id: personId,
        name: a.personName,
        phone: isResident ? a.login : null,
        homeRegionId: isResident ? b1.id : region.id,
        homePath: isResident ? b1.path : region.path,
        householdId: isResident ? householdId : null,
        householdRelation: isResident ? 'head' : null,
      });
      await tx.insert(roleAssignments).values({ id: uuidv7(), personId, role: a.role, regionId: region.id, regionPath: region.path, startDate: '2024-01-01' });
      await tx.insert(accounts).values({ id: uuidv7(), personId, login: a.login, passwordHash: hash });
    }
  });
  const [check] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, 'GC')).limit(1);
  return { created: Boolean(check), accounts: DEMO_ACCOUNTS };
}
