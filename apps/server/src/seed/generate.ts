import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { bulkInsert } from './bulk.js';
import { IdFactory, Rng } from './prng.js';
import { planRegions, type RegionPlan } from './plan-regions.js';
import { planOrganisations, planVenues, type PlanOrg, type PlanVenue } from './plan-orgs.js';
import { planPeople, type PeoplePlan } from './plan-people.js';
import { SPECS, type Scale, type ScaleSpec } from './scales.js';

export interface SeedPlan {
  spec: ScaleSpec;
  regions: RegionPlan;
  orgs: PlanOrg[];
  venues: PlanVenue[];
  people: PeoplePlan;
}

/** The whole data set in memory, from the scale's seed alone (no clock, no Math.random): same scale, same data. */
export function buildPlan(scale: Scale): SeedPlan {
  const spec = SPECS[scale];
  const rng = new Rng(spec.seed);
  const ids = new IdFactory(spec.seed);
  const regions = planRegions(spec, ids, rng);
  const orgs = planOrganisations(spec, regions, ids, rng);
  const venues = planVenues(spec, regions, ids, rng);
  const people = planPeople(spec, regions, orgs, ids, rng);
  return { spec, regions, orgs, venues, people };
}

export interface SeedSummary {
  scale: Scale;
  regions: number;
  households: number;
  people: number;
  assignments: number;
  organisations: number;
  organisationMembers: number;
  venues: number;
  venueRooms: number;
  accounts: number;
}

/** Seed data's creation instant (region history, organisation dates are in the plan). */
const SEEDED_AT = '2024-01-01T00:00:00Z';

/**
 * Writes a plan in one transaction with set-based inserts. No audit rows are written: seed data is not a
 * change made by anyone, and the audit trail starts with the first real command.
 */
export async function writePlan(db: Db, plan: SeedPlan, log?: (line: string) => void): Promise<SeedSummary> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const { regions: t, orgs, venues, people: pp } = plan;
  await db.transaction(async (tx) => {
    let last = Date.now();
    const bulk: typeof bulkInsert = async (dbx, table, columns, rows, chunk) => {
      const n = await bulkInsert(dbx, table, columns, rows, chunk);
      log?.(`  ${table.padEnd(20)} ${String(n).padStart(8)} rows  ${Date.now() - last} ms`);
      last = Date.now();
      return n;
    };
    await bulk(tx, 'regions', [['id', 'uuid'], ['parent_id', 'uuid'], ['level', 'text'], ['kind', 'text'], ['code', 'text'], ['name', 'text'], ['path', 'text'], ['lat', 'float8'], ['lng', 'float8']], t.nodes.map((n) => [n.id, n.parentId, n.level, n.kind, n.code, n.name, n.path, n.lat ?? null, n.lng ?? null]));
    await bulk(
      tx,
      'region_history',
      [['id', 'uuid'], ['region_id', 'uuid'], ['change', 'text'], ['name', 'text'], ['parent_id', 'uuid'], ['path', 'text'], ['valid_from', 'timestamptz']],
      // History ids are derived from the region id (same length, last character flipped) to keep the id stream stable.
      t.nodes.map((n) => [historyId(n.id), n.id, 'created', n.name, n.parentId, n.path, SEEDED_AT]),
    );
    await bulk(tx, 'households', [['id', 'uuid'], ['region_id', 'uuid'], ['region_path', 'text'], ['address', 'text'], ['room', 'text'], ['floor_area', 'numeric']], t.households.map((h) => [h.id, h.regionId, h.regionPath, h.address, h.room, h.floorArea]));
    await bulk(
      tx,
      'people',
      [['id', 'uuid'], ['name', 'text'], ['gender', 'text'], ['birth_year', 'int'], ['phone', 'text'], ['id_number', 'text'], ['party_member', 'bool'], ['home_region_id', 'uuid'], ['home_path', 'text'], ['household_id', 'uuid'], ['household_relation', 'text']],
      pp.people.map((p) => [p.id, p.name, p.gender, p.birthYear, p.phone, p.idNumber, p.partyMember, p.homeRegionId, p.homePath, p.householdId, p.householdRelation]),
    );
    await bulk(
      tx,
      'role_assignments',
      [['id', 'uuid'], ['person_id', 'uuid'], ['role', 'text'], ['region_id', 'uuid'], ['region_path', 'text'], ['start_date', 'date'], ['end_date', 'date'], ['end_reason', 'text']],
      pp.assignments.map((a) => [a.id, a.personId, a.role, a.regionId, a.regionPath, a.startDate, a.endDate, a.endReason]),
    );
    await bulk(tx, 'accounts', [['id', 'uuid'], ['person_id', 'uuid'], ['login', 'text'], ['password_hash', 'text']], pp.accounts.map((a) => [a.id, a.personId, a.login, hash]));
    await bulk(tx, 'organisations', [['id', 'uuid'], ['kind', 'text'], ['name', 'text'], ['region_id', 'uuid'], ['region_path', 'text'], ['founded_on', 'date']], orgs.map((o) => [o.id, o.kind, o.name, o.region.id, o.region.path, o.foundedOn]));
    await bulk(tx, 'organisation_members', [['id', 'uuid'], ['organisation_id', 'uuid'], ['person_id', 'uuid'], ['role', 'text'], ['joined_on', 'date']], pp.members.map((m) => [m.id, m.organisationId, m.personId, m.role, m.joinedOn]));
    await bulk(tx, 'venues', [['id', 'uuid'], ['kind', 'text'], ['name', 'text'], ['region_id', 'uuid'], ['region_path', 'text'], ['address', 'text'], ['opening_hours', 'jsonb']], venues.map((v) => [v.id, v.kind, v.name, v.region.id, v.region.path, v.address, v.openingHours]));
    await bulk(tx, 'venue_rooms', [['id', 'uuid'], ['venue_id', 'uuid'], ['name', 'text'], ['capacity', 'int']], venues.flatMap((v) => v.rooms.map((r) => [r.id, v.id, r.name, r.capacity])));
  });
  return {
    scale: plan.spec.scale,
    regions: t.nodes.length,
    households: t.households.length,
    people: pp.people.length,
    assignments: pp.assignments.length,
    organisations: orgs.length,
    organisationMembers: pp.members.length,
    venues: venues.length,
    venueRooms: venues.reduce((n, v) => n + v.rooms.length, 0),
    accounts: pp.accounts.length,
  };
}

function historyId(regionId: string): string {
  const last = regionId[regionId.length - 1];
  return regionId.slice(0, -1) + ((parseInt(last, 16) + 8) % 16).toString(16);
}

export async function seedScale(db: Db, scale: Scale, log?: (line: string) => void): Promise<SeedSummary> {
  const started = Date.now();
  const plan = buildPlan(scale);
  log?.(`  plan built in memory      ${Date.now() - started} ms`);
  const summary = await writePlan(db, plan, log);
  // Fresh statistics after a bulk load: without them the planner picks nested loops over 250k households
  // (the subdistrict stats took 52 s on an unanalysed PGlite database, 0.3 s after ANALYZE).
  const analyzed = Date.now();
  await db.execute(sql`analyze`);
  log?.(`  analyze                    ${Date.now() - analyzed} ms`);
  return summary;
}
