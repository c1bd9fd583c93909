import { isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { regions } from '../db/schema/index.js';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';
import { seedScale } from './generate.js';
import { seedDemoReceptionDays } from './reception.js';
import type { Scale } from './scales.js';

/**
 * Loads the demo data once (when the region tree is empty) and returns the demo sign-ins.
 * Used on first start and by every test file, so the `small` scale stays a few hundred rows.
 */
export async function ensureDemoData(db: Db, opts: { scale: Scale }): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  const [root] = await db.select({ id: regions.id }).from(regions).where(isNull(regions.parentId)).limit(1);
  if (root) return { created: false, accounts: DEMO_ACCOUNTS };
  await seedScale(db, opts.scale);
  if (opts.scale === 'small') await seedDemoReceptionDays(db);
  return { created: true, accounts: DEMO_ACCOUNTS };
}
