import { eq } from 'drizzle-orm';
import { uuidv7 } from '../shared/ids.js';
import type { Db } from '../db/client.js';
import { accounts, receptionSlots, regions } from '../db/schema/index.js';

/**
 * The demo 楼长's reception days (small scale only): every Saturday morning and Wednesday evening in the
 * building's ground-floor space, so the 楼长 page and the resident's "我的楼长" screen have sessions to show.
 * Figures of the larger scales are not touched.
 */
export async function seedDemoReceptionDays(db: Db): Promise<void> {
  const [holder] = await db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.login, 'louzhang')).limit(1);
  const [building] = await db.select().from(regions).where(eq(regions.code, 'GC-C01-G01-B01')).limit(1);
  if (!holder || !building) return;
  const base = { regionId: building.id, regionPath: building.path, holderPersonId: holder.personId, kind: 'weekly', date: null, place: `${building.name}架空层` };
  await db.insert(receptionSlots).values([
    { id: uuidv7(), ...base, weekday: 6, startTime: '09:00', endTime: '11:00' },
    { id: uuidv7(), ...base, weekday: 3, startTime: '19:00', endTime: '20:30' },
  ]);
}
