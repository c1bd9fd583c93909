import { idsOnPath, REGION_LEVELS, ROLE_LABELS, type HouseholdRelation, type Neighbourhood, type RegionKind, type RegionLevel, type Role } from '@shuren/core';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../shared/actor.js';
import { shanghaiDay } from '../../shared/time.js';
import { findPersonById } from '../people/people.repository.js';
import * as repo from './households.repository.js';

/** The roles that serve a resident directly: the 三长 and grid workers of their grids, and community staff. */
const SERVING_ROLES: readonly Role[] = ['building_head', 'lane_head', 'street_head', 'grid_worker', 'community_staff'];
const ROLE_ORDER = new Map(SERVING_ROLES.map((r, i) => [r, i]));

/**
 * "My neighbourhood" for any signed-in person: my household, the regions above it, and who serves me.
 *
 * Decision: the contacts' phone numbers are sent UNMASKED, and reading them is not audited. 楼长, 巷长, 街长,
 * 网格员 and community staff are public contact points for the residents they serve (their names and numbers
 * are posted on boards in the building, 公示牌); the resident needs a tap-to-call link. Only people holding
 * one of these roles, in force today, over a node on the resident's own chain are listed, so this cannot be
 * used to look up anyone else's number.
 */
export async function neighbourhoodOf(db: Db, actor: Actor, now: Date): Promise<Neighbourhood> {
  const person = await findPersonById(db, actor.personId);
  const household = person?.householdId ? await repo.findHousehold(db, person.householdId) : undefined;
  const basePath = household?.regionPath ?? person?.homePath ?? actor.homePath;
  const chainIds = idsOnPath(basePath);
  const nodes = await repo.regionsByIds(db, chainIds);
  const depth = (level: string) => REGION_LEVELS.indexOf(level as RegionLevel);
  nodes.sort((a, b) => depth(b.level) - depth(a.level));

  const serving = await repo.servingPeople(db, chainIds, SERVING_ROLES, shanghaiDay(now));
  const levelOf = new Map(nodes.map((n) => [n.id, n.level]));
  // Community staff serve from the community node; the 三长 and grid workers from the grids.
  const contacts = serving
    .filter((s) => (s.role === 'community_staff' ? levelOf.get(s.regionId) === 'community' : ['grid2', 'grid3'].includes(levelOf.get(s.regionId) ?? '')))
    .sort((a, b) => depth(levelOf.get(b.regionId)!) - depth(levelOf.get(a.regionId)!) || ROLE_ORDER.get(a.role as Role)! - ROLE_ORDER.get(b.role as Role)!)
    .map((s) => ({ personId: s.personId, name: s.name, role: s.role as Role, roleLabel: ROLE_LABELS[s.role as Role], regionId: s.regionId, regionName: s.regionName, phone: s.phone }));

  return {
    household: household ? { id: household.id, address: household.address, room: household.room, relation: (person?.householdRelation ?? null) as HouseholdRelation | null } : null,
    regions: nodes.map((n) => ({ id: n.id, level: n.level as RegionLevel, kind: n.kind as RegionKind, name: n.name, code: n.code })),
    contacts,
  };
}
