/**
 * Bulk generator of N appeals over the seeded region tree (for benchmarks and big demos):
 *   generateAppeals(db, { count: 1_000_000, now })
 * Realistic mixes: categories weighted by the totals the subdistrict reports (DOMAIN.md §2.1), places mostly
 * buildings and lanes, submission times spread evenly over `spanDays` before `now`, and each appeal's life driven
 * through the real workflow machine (see appeals-lifecycle.ts), so state, columns and timeline agree.
 * Deterministic: the same tree, seed, count and `now` give the same rows (ids, codes, times).
 * Set-based: a few thousand appeals per statement, shipped as one JSON parameter and unpacked with
 * json_array_elements; one statement inserts the appeals, their timeline events and merge followers together.
 * The JS for the next chunk runs while the database writes the previous one. No audit rows (seed data is not a
 * change anyone made), no notifications. The dashboard rollups follow through their trigger.
 */
import { sql } from 'drizzle-orm';
import { trackingCodeAt, type AppealLevel, type AppealSource } from '@shuren/core';
import type { Db, DbOrTx } from '../db/client.js';
import { columnsOf, ensureDefaultCategories, machineEnv } from '../modules/appeals/appeals.setup.js';
import { rebuildAppealRollups } from '../modules/appeals/appeals.stats.js';
import { fillLife, lifeTemplate, type GenCategory, type GenRegion, type LifeTemplate } from './appeals-lifecycle.js';
import { IdFactory, Rng } from './prng.js';

export interface GenerateAppealsOptions {
  count: number;
  /** The generation instant: lives stop here. Pass a fixed date for reproducible data. */
  now: Date;
  seed?: number;
  /** Submissions spread over this many days before `now` (default two years). */
  spanDays?: number;
  /** Appeals per statement. */
  chunk?: number;
  /**
   * Bulk-load mode for a database nobody else is using (the benchmark's scratch database): the secondary indexes
   * of the appeal tables are dropped and rebuilt at the end (one sorted build instead of a million inserts), and
   * when the role may, triggers and FK checks are skipped while loading (session_replication_role = replica, as
   * pg_restore does). Rows are consistent by construction; the rollups are rebuilt from the rows afterwards.
   */
  bulk?: boolean;
  log?: (line: string) => void;
}

export interface GenerateAppealsSummary {
  appeals: number;
  events: number;
  followers: number;
  byStatus: Record<string, number>;
  ms: number;
}

/** Relative frequency of each category (reported totals; smaller categories get a plausible floor). */
const CATEGORY_WEIGHTS: Record<string, number> = {
  neighbour_dispute: 1574, hygiene: 1266, parking: 570, facility_maintenance: 1770, property_dispute: 120, elevator_retrofit: 260, living_environment: 600,
  safety_hazard: 150, objects_from_height: 120, ebike_indoor_charging: 300, blocked_fire_exit: 150, noise: 500, pets: 300, new_resident_affairs: 200, other: 400,
};
const DESCRIPTIONS: Record<string, string[]> = {
  neighbour_dispute: ['楼上邻居长期漏水，协商未果', '邻居在公共走廊堆放杂物引发争吵'],
  hygiene: ['垃圾桶满溢多日无人清理', '楼道有宠物粪便未清理'],
  parking: ['小区消防车道被私家车长期占用', '外来车辆占用业主车位'],
  facility_maintenance: ['楼道灯坏了一个多月', '单元门门禁损坏', '雨后排水井堵塞积水'],
  property_dispute: ['物业费上涨未公示', '物业维修基金使用不透明'],
  elevator_retrofit: ['本单元想加装电梯，需协调低层住户', '加装电梯施工噪音扰民'],
  living_environment: ['小区绿化带被开荒种菜', '空地积水滋生蚊虫'],
  safety_hazard: ['楼顶违规搭建存在隐患'],
  objects_from_height: ['有人从高层扔下玻璃瓶'],
  ebike_indoor_charging: ['有住户把电动车推进楼道充电'],
  blocked_fire_exit: ['消防通道被杂物堵塞'],
  noise: ['夜间广场舞音响过大', '楼上深夜装修噪音'],
  pets: ['大型犬未拴绳', '邻居狗夜里一直叫'],
  new_resident_affairs: ['咨询居住证办理', '咨询积分入学材料'],
  other: ['其他需要社区协调的事项'],
};
/** Planned lives per category and place shape: enough variety for a million appeals, few enough to plan quickly. */
const POOL = 2000;
const STAFF_ROLES = ['subdistrict_staff', 'subdistrict_admin', 'community_staff', 'grid_worker', 'building_head', 'lane_head', 'street_head'];

async function rows<T>(db: DbOrTx, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

/** Cumulative-weight picker. */
function weighted<T>(items: T[], weights: number[]): (rng: Rng) => T {
  const cum: number[] = [];
  let s = 0;
  for (const w of weights) cum.push((s += w));
  return (rng) => {
    const x = rng.next() * s;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

// The wire layout of one appeal: 0–13 its own fields, 14–32 the life's query columns, 33 state, 34 timeline.
const APPEAL_COLUMNS = `id, tracking_code, category_id, category_code, description, answers, source, place_region_id, region_path, reporter_person_id, on_behalf_of_person_id,
  submitted_at, unit_region_id, unit_path, status, level, department, responded_at, responded_on_time, response_due_at, resolution_due_at, due_at, due_clock,
  paused_at, handled_at, handled_on_time, closed_at, closed_level, satisfaction, rework_count, escalation_count, merged_into_id, updated_at, state, follower_count, created_at`;
const APPEAL_VALUES = `(a->>0)::uuid, a->>1, (a->>2)::uuid, a->>3, a->>4, a->5, a->>6, (a->>7)::uuid, a->>8, (a->>9)::uuid, (a->>10)::uuid,
  (a->>11)::timestamptz, (a->>12)::uuid, a->>13, a->>14, a->>15, a->>16, (a->>17)::timestamptz, (a->>18)::boolean, (a->>19)::timestamptz, (a->>20)::timestamptz,
  (a->>21)::timestamptz, a->>22, (a->>23)::timestamptz, (a->>24)::timestamptz, (a->>25)::boolean, (a->>26)::timestamptz, a->>27, a->>28, (a->>29)::int, (a->>30)::int,
  (a->>31)::uuid, (a->>32)::timestamptz, a->33, 0, (a->>11)::timestamptz`;

/** One statement: the appeals, then their events and merge followers (FK checks run at the end of the statement). */
async function writeChunk(db: Db, payload: string, replica: boolean): Promise<void> {
  if (!replica) {
    await db.execute(chunkSql(payload));
    return;
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(chunkSql(payload));
  });
}

function chunkSql(payload: string) {
  return (sql`with p as materialized (select ${payload}::jsonb as j),
    src as materialized (select a from p, jsonb_array_elements(p.j->'a') as a),
    ins_appeals as (insert into appeals (${sql.raw(APPEAL_COLUMNS)}) select ${sql.raw(APPEAL_VALUES)} from src),
    ins_followers as (insert into appeal_followers (appeal_id, person_id, via, region_path, created_at)
      select (f->>0)::uuid, (f->>1)::uuid, 'merge', f->>2, (f->>3)::timestamptz from p, jsonb_array_elements(p.j->'f') as f)
    insert into appeal_events (id, appeal_id, seq, type, at, actor_person_id, actor_role, level, unit_region_id, public_note, internal_note, data, region_path)
    select (ev->>0)::uuid, (a->>0)::uuid, (ev->>1)::int, ev->>2, (ev->>3)::timestamptz, (ev->>4)::uuid, ev->>5, ev->>6, (ev->>7)::uuid, ev->>8, ev->>9, ev->10, a->>8
    from src, jsonb_array_elements(a->34) as ev`);
}

/** Drops the non-constraint indexes of the tables and returns their definitions, to be run again after the load. */
async function dropSecondaryIndexes(db: Db, tables: string[]): Promise<string[]> {
  const list = await rows<{ name: string; def: string }>(db, sql`select i.relname as name, pg_get_indexdef(i.oid) as def
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    where t.relname in (${sql.join(tables.map((t) => sql`${t}`), sql`, `)}) and t.relnamespace = 'public'::regnamespace
      and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`);
  for (const ix of list) await db.execute(sql.raw(`drop index "${ix.name}"`));
  return list.map((ix) => ix.def);
}

interface Survivor {
  id: string;
  path: string;
  submittedAt: number;
  closedAt: number | null;
  /** Reporter, the resident reported for, and followers: nobody follows twice. */
  people: Set<string>;
}


export async function generateAppeals(db: Db, opts: GenerateAppealsOptions): Promise<GenerateAppealsSummary> {
  const started = Date.now();
  const seed = opts.seed ?? 20260101;
  const chunkSize = opts.chunk ?? 4000;
  const now = opts.now.getTime();
  const span = (opts.spanDays ?? 730) * 86_400_000;
  const rng = new Rng(seed);
  const appealIds = new IdFactory(seed);
  const eventIds = new IdFactory(seed ^ 0x0e7e);

  await ensureDefaultCategories(db);
  const categoryRows = await rows<{ id: string; code: string; default_level: string; department: string | null; sla: unknown }>(
    db, sql`select id, code, default_level, department, sla from appeal_categories where active order by code`);
  const categories: GenCategory[] = categoryRows.map((c) => ({ id: c.id, code: c.code, defaultLevel: c.default_level as AppealLevel, department: c.department, env: machineEnv({ sla: c.sla }) }));
  const pickCategory = weighted(categories, categories.map((c) => CATEGORY_WEIGHTS[c.code] ?? 100));
  const regionRows = await rows<{ id: string; parent_id: string | null; level: string; path: string }>(db, sql`select id, parent_id, level, path from regions order by path`);
  const byId = new Map<string, GenRegion>(regionRows.map((r) => [r.id, { id: r.id, parentId: r.parent_id, level: r.level, path: r.path }]));
  const chainOf = new Map<string, GenRegion[]>();
  const chain = (id: string): GenRegion[] => {
    let c = chainOf.get(id);
    if (!c) {
      c = byId.get(id)!.path.split('/').filter(Boolean).map((x) => byId.get(x)!).filter(Boolean);
      chainOf.set(id, c);
    }
    return c;
  };
  const grid3 = regionRows.filter((r) => r.level === 'grid3').map((r) => r.id);
  if (grid3.length === 0) throw new Error('no level-3 grids: seed the region tree first (npm run seed)');
  const residents = new Map<string, string[]>(
    (await rows<{ rid: string; ids: string[] }>(db, sql`select home_region_id as rid, (array_agg(id order by id))[1:4] as ids from people where household_id is not null group by home_region_id`)).map((r) => [r.rid, r.ids]),
  );
  const staff = new Map<string, string>(
    (await rows<{ rid: string; pid: string }>(db, sql`select distinct on (region_id) region_id as rid, person_id as pid from role_assignments
      where role in (${sql.join(STAFF_ROLES.map((r) => sql`${r}`), sql`, `)}) and end_date is null order by region_id, id`)).map((r) => [r.rid, r.pid]),
  );
  const staffAt = (regionId: string | null): string | null => {
    for (let id = regionId; id; id = byId.get(id)?.parentId ?? null) if (staff.has(id)) return staff.get(id)!;
    return null;
  };

  let replica = false;
  let dropped: string[] = [];
  if (opts.bulk) {
    replica = (await rows<{ su: boolean }>(db, sql`select rolsuper as su from pg_roles where rolname = current_user`))[0]?.su === true;
    dropped = await dropSecondaryIndexes(db, ['appeals', 'appeal_events', 'appeal_followers']);
  }

  const codes = new Set<string>();
  const codeBytes = new Uint8Array(5);
  const newCode = (at: number) => {
    for (;;) {
      for (let i = 0; i < 5; i++) codeBytes[i] = Math.floor(rng.next() * 256);
      const c = trackingCodeAt(at, codeBytes);
      if (!codes.has(c)) return codes.add(c), c;
    }
  };
  const pickSource = weighted<AppealSource>(['resident', 'reception_day', 'hotline', 'patrol'], [72, 10, 13, 5]);
  const summary: GenerateAppealsSummary = { appeals: 0, events: 0, followers: 0, byStatus: {}, ms: 0 };
  /** The latest appeal at each place and category: a merge target while it was still open when the next one came in. */
  const survivors = new Map<string, Survivor>();
  let pending: Promise<void> = Promise.resolve();
  let lastLog = Date.now();
  opts.log?.(`  tree, people and categories loaded  (${lastLog - started} ms)`);

  /** Planned lives per category and place shape, `POOL` of them spread over the span, made when first needed. */
  const pools = new Map<string, (LifeTemplate | undefined)[]>();
  const start = now - span;
  const lifeFor = (category: GenCategory, levels: string[], at: number): LifeTemplate => {
    const key = `${category.code}|${levels.join('/')}`;
    let pool = pools.get(key);
    if (!pool) pools.set(key, (pool = new Array(POOL)));
    const j = Math.min(POOL - 1, Math.floor(((at - start) / span) * POOL));
    // Each life has its own random stream, so which appeal asks first does not change it.
    const lifeRng = new Rng(seed).fork(`${key}:${j}`);
    return (pool[j] ??= lifeTemplate(lifeRng, levels, category, Math.floor(start + ((j + lifeRng.next()) * span) / POOL), now, null, (st) => columnsOf(st, '')));
  };

  for (let from = 0; from < opts.count; from += chunkSize) {
    const n = Math.min(chunkSize, opts.count - from);
    const out: string[] = [];
    const follows: unknown[][] = [];
    for (let k = 0; k < n; k++) {
      const i = from + k;
      const target = Math.floor(now - span + ((i + rng.next()) * span) / opts.count);
      const category = pickCategory(rng);
      const building = grid3[Math.floor(rng.next() * grid3.length)];
      const buildingChain = chain(building);
      const placeRoll = rng.next();
      // Most reports are about a building or lane; some about a whole compound or community.
      const place = placeRoll < 0.85 ? buildingChain[buildingChain.length - 1] : placeRoll < 0.95 ? buildingChain[buildingChain.length - 2] : buildingChain[1];
      const placeChain = chain(place.id);
      const levels = placeChain.map((r) => r.level);
      const locals = residents.get(building) ?? [];
      const resident = locals.length ? locals[Math.floor(rng.next() * locals.length)] : null;
      const source = pickSource(rng);
      const reporter = source === 'resident' || !resident ? resident : staffAt(building) ?? resident;
      const onBehalfOf = source === 'reception_day' && reporter !== resident ? resident : null;
      const key = `${place.id}:${category.code}`;
      const prior = survivors.get(key);
      // About one report in thirty repeats an open one nearby: it is merged into it (its own life, planned here).
      const duplicate = rng.chance(0.03) && prior && target - prior.submittedAt < 30 * 86_400_000 && (prior.closedAt === null || prior.closedAt > target) ? prior : null;
      const life = duplicate ? lifeTemplate(new Rng(seed).fork(`dup:${i}`), levels, category, target, now, duplicate.id, (st) => columnsOf(st, '')) : lifeFor(category, levels, target);
      const id = appealIds.next();
      const fill = (token: string): string | null => {
        if (token[0] === 'L') return placeChain[Number(token[1])].id;
        if (token === 'E') return eventIds.next();
        if (token === 'A:R') return reporter;
        if (token === 'SRC') return source;
        if (token === 'OBO') return onBehalfOf;
        return staffAt(placeChain[Number(token[3])].id);
      };
      const unit = placeChain[life.unitIndex];
      const head = JSON.stringify([
        id, newCode(life.submittedAt), category.id, category.code, DESCRIPTIONS[category.code]?.[Math.floor(rng.next() * DESCRIPTIONS[category.code].length)] ?? '需要协调的事项',
        category.code === 'objects_from_height' ? { injured: false } : {}, source, place.id, place.path, reporter, onBehalfOf, new Date(life.submittedAt).toISOString(), unit.id, unit.path,
      ]).slice(0, -1);
      out.push(`${head},${life.columns},${fillLife(life.state, fill)},${fillLife(life.events, fill)}]`);
      if (duplicate) {
        // The duplicate's reporter follows the survivor (as the merge command does).
        const who = onBehalfOf ?? reporter;
        if (who && !duplicate.people.has(who)) {
          duplicate.people.add(who);
          follows.push([duplicate.id, who, duplicate.path, new Date(life.lastAt).toISOString()]);
          summary.followers++;
        }
      } else {
        survivors.set(key, { id, path: place.path, submittedAt: life.submittedAt, closedAt: life.closedAt, people: new Set([reporter, onBehalfOf].filter((x): x is string => Boolean(x))) });
      }
      summary.byStatus[life.status] = (summary.byStatus[life.status] ?? 0) + 1;
      summary.events += life.eventCount;
    }
    const payload = `{"a":[${out.join(',')}],"f":${JSON.stringify(follows)}}`;
    await pending;
    pending = writeChunk(db, payload, replica);
    pending.catch(() => undefined); // awaited (and rethrown) before the next chunk or at the end
    summary.appeals += n;
    if (opts.log && (summary.appeals % (chunkSize * 25) === 0 || summary.appeals === opts.count)) {
      opts.log(`  appeals ${String(summary.appeals).padStart(9)}  (${Date.now() - lastLog} ms)`);
      lastLog = Date.now();
    }
  }
  await pending;
  opts.log?.(`  appeals written  (${Date.now() - lastLog} ms)`);
  lastLog = Date.now();
  // Follower counts of merge survivors, in one set-based pass (a survivor may sit in an earlier chunk).
  await db.execute(sql`update appeals a set follower_count = f.n from (select appeal_id, count(*)::int as n from appeal_followers group by appeal_id) f
    where a.id = f.appeal_id and a.follower_count <> f.n`);
  opts.log?.(`  follower counts  (${Date.now() - lastLog} ms)`);
  if (opts.bulk) {
    const t0 = Date.now();
    for (const def of dropped) await db.execute(sql.raw(def));
    opts.log?.(`  rebuilt ${dropped.length} indexes  (${Date.now() - t0} ms)`);
    // Triggers were off while loading: the dashboard rollups are recounted from the rows.
    if (replica) {
      const t1 = Date.now();
      await rebuildAppealRollups(db);
      opts.log?.(`  rollups recounted  (${Date.now() - t1} ms)`);
    }
  }
  summary.ms = Date.now() - started;
  return summary;
}
