import { boxAround } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import { appealEvents, appeals, auditLog, notifications } from '../../db/schema/index.js';
import type { auditRow } from '../../shared/audit.js';
import { insertRows, rawQuery, rowOf } from '../../shared/raw-sql.js';
import type { AppealRow } from './appeals.repository.js';

/**
 * Intake's SQL, written by hand: a report is written — with its first timeline event, its audit row and its inbox
 * notices — and the open reports that look like the same matter are read, in ONE statement (data-modifying CTEs,
 * atomic on its own; foreign keys are checked at its end). The text depends only on the number of notices, so
 * it runs as a prepared statement. See docs/benchmarks.md, "What limits submitting".
 */

/** Where duplicates are looked for: the building's subtree, and a point with its radius. */
export interface DuplicateArea {
  categoryCode: string;
  /** The building's (else compound's, else place's) path: `/…/id/`. */
  prefix: string;
  point: { lat: number; lng: number } | null;
  since: Date;
}

/** What a resident is shown of a possible duplicate. */
export interface DuplicateSummary {
  id: string;
  trackingCode: string;
  title: string | null;
  description: string;
  status: string;
  placeName: string;
  submittedAt: Date;
  followerCount: number;
}

export const NEARBY_METRES = 100;
const EARTH_METRES = 6_371_000;

// The partial indexes' own predicate, written identically so the planner can use them.
const OPEN = `status not in ('rejected','merged','closed')`;

/**
 * Open appeals of the category at the building (region subtree, `appeals_region_idx`) or within 100 m of the point
 * (`appeals_open_point_idx`), submitted since `since`; most followed first. Parameters from `$first`:
 * category, subtree low, subtree high, since, lat, lng, lat min, lat max, lng min, lng max (the point's may be null).
 * The subtree is a range, not `like`, so a generic plan of the prepared statement still uses the index.
 */
function duplicatesSql(first: number, limit: number): string {
  const p = (i: number) => `$${first + i}`;
  const fields = `a.id, a.tracking_code, a.title, a.description, a.status, a.submitted_at, a.follower_count, a.place_region_id`;
  return `select d.*, r.name as place_name from (
    (select ${fields} from appeals a
      where a.category_code = ${p(0)} and a.region_path ~>=~ ${p(1)} and a.region_path ~<~ ${p(2)} and a.submitted_at >= ${p(3)} and a.${OPEN}
      order by a.follower_count desc, a.submitted_at desc limit ${limit})
    union
    (select ${fields} from appeals a
      where ${p(4)}::float8 is not null and a.category_code = ${p(0)} and a.lat is not null and a.${OPEN}
        and a.lat between ${p(6)} and ${p(7)} and a.lng between ${p(8)} and ${p(9)} and a.submitted_at >= ${p(3)}
        -- haversine, as core's metresBetween
        and 2 * ${EARTH_METRES} * asin(least(1, sqrt(power(sin(radians(a.lat - ${p(4)}) / 2), 2)
              + cos(radians(${p(4)}::float8)) * cos(radians(a.lat)) * power(sin(radians(a.lng - ${p(5)}) / 2), 2)))) <= ${NEARBY_METRES}
      order by a.follower_count desc, a.submitted_at desc limit ${limit})
  ) d join regions r on r.id = d.place_region_id
  order by d.follower_count desc, d.submitted_at desc, d.id limit ${limit}`;
}

function duplicateParams(area: DuplicateArea): unknown[] {
  const box = area.point ? boxAround(area.point, NEARBY_METRES) : null;
  // The subtree of `/…/id/`: every path starting with it sorts between it and the same text ending in '0' ('/' + 1).
  const high = area.prefix.slice(0, -1) + '0';
  return [area.categoryCode, area.prefix, high, area.since.toISOString(), area.point?.lat ?? null, area.point?.lng ?? null, box?.latMin ?? null, box?.latMax ?? null, box?.lngMin ?? null, box?.lngMax ?? null];
}

function summaryOf(raw: Record<string, unknown>): DuplicateSummary {
  return {
    id: raw.id as string,
    trackingCode: raw.tracking_code as string,
    title: (raw.title as string | null) ?? null,
    description: raw.description as string,
    status: raw.status as string,
    placeName: (raw.place_name as string) ?? '',
    submittedAt: new Date(raw.submitted_at as string | Date),
    followerCount: Number(raw.follower_count),
  };
}

export async function findDuplicateSummaries(db: DbOrTx, area: DuplicateArea, limit = 5): Promise<DuplicateSummary[]> {
  const res = await rawQuery(db, duplicatesSql(1, limit), duplicateParams(area));
  return res.rows.map(summaryOf);
}

type SubmissionKeys<T> = readonly (keyof T & string)[];

export interface Submission {
  appeal: typeof appeals.$inferInsert;
  /** The first timeline event(s): submitted, and the resident's yes to mediation when given. */
  event: (typeof appealEvents.$inferInsert)[];
  audit: ReturnType<typeof auditRow>;
  notices: (typeof notifications.$inferInsert)[];
  duplicates: DuplicateArea;
}

/** Writes the report and returns it with the open reports that look like the same matter (not itself). */
export async function insertSubmission(db: DbOrTx, input: Submission): Promise<{ row: AppealRow; duplicates: DuplicateSummary[] }> {
  const parts: string[] = [];
  const values: unknown[] = [];
  const add = (name: string, built: { text: string; values: unknown[] }) => {
    parts.push(`${name} as (${built.text})`);
    values.push(...built.values);
  };
  add('event', insertRows(appealEvents, Object.keys(input.event[0]) as SubmissionKeys<typeof appealEvents.$inferInsert>, input.event, values.length + 1));
  add('audit', insertRows(auditLog, Object.keys(input.audit) as SubmissionKeys<typeof auditLog.$inferInsert>, [input.audit], values.length + 1));
  if (input.notices.length) add('notices', insertRows(notifications, Object.keys(input.notices[0]) as SubmissionKeys<typeof notifications.$inferInsert>, input.notices, values.length + 1));
  const appeal = insertRows(appeals, Object.keys(input.appeal) as SubmissionKeys<typeof appeals.$inferInsert>, [input.appeal], values.length + 1);
  parts.push(`ins as (${appeal.text} returning *)`);
  values.push(...appeal.values);
  // The duplicates sub-select reads the table as it was before this statement: the new report is never among them.
  const text = `with ${parts.join(', ')}
    select ins.*, (select coalesce(json_agg(x), '[]'::json) from (${duplicatesSql(values.length + 1, 5)}) x) as duplicates_found from ins`;
  values.push(...duplicateParams(input.duplicates));
  const res = await rawQuery(db, text, values);
  const raw = res.rows[0];
  const found = (typeof raw.duplicates_found === 'string' ? JSON.parse(raw.duplicates_found) : raw.duplicates_found) as Record<string, unknown>[];
  return { row: rowOf<AppealRow>(appeals, raw), duplicates: found.map(summaryOf) };
}
