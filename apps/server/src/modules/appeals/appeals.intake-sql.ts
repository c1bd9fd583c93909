import { boxAround } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import { appealEvents, appeals, auditLog, notifications } from '../../db/schema/index.js';
import type { auditRow } from '../../shared/audit.js';
import { arrayLiteral, columnArrays, rawQuery, rowAsInserted, unnestInsert, unnestInsertShared, type ColumnArrays } from '../../shared/raw-sql.js';
import type { AppealRow } from './appeals.repository.js';

/**
 * Intake's SQL, written by hand: reports are written — with their first timeline events, audit rows and inbox
 * notices — in ONE statement per group of reports (data-modifying CTEs, atomic on its own; foreign keys are checked
 * at its end). Rows travel as one array parameter per column, so the text never changes and it runs as a prepared
 * statement.
 * Groups come from appeals.intake-writer.ts. See docs/benchmarks.md, "What limits submitting".
 *
 * The open reports that look like the same matter are offered BEFORE a report is made (`POST /appeals/duplicates`,
 * the phone's describe screen), when the resident can still follow one instead; the submission itself does not
 * search again.
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
 * At most this many open reports are weighed from each of the two places (the building, the 100 m around the point).
 * Anywhere a report is usually made there are fewer, and the answer is exact: the most followed of them all. When
 * a matter floods in (a burst of 停水 reports from one compound), the cost of each new report stays bounded: the
 * building's earliest candidates and the first ones found around the point are weighed, still most followed first.
 */
export const DUPLICATE_CANDIDATES = 30;

/**
 * Open appeals of the category at the building (region subtree, `appeals_open_place_idx`, earliest first) or within
 * 100 m of the point (`appeals_open_point_idx`), submitted since `since`; most followed first. The parameters, in
 * `duplicateParams`' order: category, subtree low, subtree high, since, lat, lng, lat min, lat max, lng min, lng max
 * (the point's may be null). The subtree is a range, not `like`, so a generic plan still uses the index.
 */
function duplicatesSql(limit: number): string {
  const p = (i: number) => `$${i + 1}`;
  const fields = `a.id, a.tracking_code, a.title, a.description, a.status, a.submitted_at, a.follower_count, a.place_region_id`;
  const mostFollowed = (candidates: string) => `(select c.* from (${candidates} limit ${DUPLICATE_CANDIDATES}) c order by c.follower_count desc, c.submitted_at desc limit ${limit})`;
  return `select d.*, r.name as place_name from (
    ${mostFollowed(`select ${fields} from appeals a
      where a.category_code = ${p(0)} and a.region_path ~>=~ ${p(1)} and a.region_path ~<~ ${p(2)} and a.submitted_at >= ${p(3)} and a.${OPEN}
      order by a.category_code, a.region_path using ~<~, a.submitted_at`)}
    union
    ${mostFollowed(`select ${fields} from appeals a
      where ${p(4)}::float8 is not null and a.category_code = ${p(0)} and a.lat is not null and a.${OPEN}
        and a.lat between ${p(6)} and ${p(7)} and a.lng between ${p(8)} and ${p(9)} and a.submitted_at >= ${p(3)}
        -- haversine, as core's metresBetween
        and 2 * ${EARTH_METRES} * asin(least(1, sqrt(power(sin(radians(a.lat - ${p(4)}) / 2), 2)
              + cos(radians(${p(4)}::float8)) * cos(radians(a.lat)) * power(sin(radians(a.lng - ${p(5)}) / 2), 2)))) <= ${NEARBY_METRES}`)}
  ) d join regions r on r.id = d.place_region_id
  order by d.follower_count desc, d.submitted_at desc, d.id limit ${limit}`;
}

/** The search's inputs, in the order `duplicatesSql` numbers them. */
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
  const res = await rawQuery(db, duplicatesSql(limit), duplicateParams(area));
  return res.rows.map(summaryOf);
}

export interface Submission {
  appeal: typeof appeals.$inferInsert;
  /** The first timeline event(s): submitted, and the resident's yes to mediation when given. */
  event: (typeof appealEvents.$inferInsert)[];
  audit: ReturnType<typeof auditRow>;
  /** The inbox notices about the report: what they say, once, and one row per person on duty (its id and recipient). */
  notices: { text: NoticeText; to: NoticeRecipient[] };
}

type NoticeRecipient = Pick<typeof notifications.$inferInsert, 'id' | 'recipientPersonId'>;
type NoticeText = Omit<typeof notifications.$inferInsert, keyof NoticeRecipient>;

type Columns = ColumnArrays['columns'];

/**
 * The statement for a group of reports: each column's values arrive as ONE array parameter, so the text is the same
 * whatever the group's size and runs as one prepared statement. Cached by the column lists (fixed by the code;
 * the notices' are empty when no one is on duty, and then the statement has no notices part). Nothing is returned:
 * the statement writes every row or none, and the caller has the rows it sent.
 */
const statements = new Map<string, string>();
function groupStatement(columns: { appeal: Columns; event: Columns; audit: Columns; noticeTo: Columns; noticeText: Columns }): string {
  const key = JSON.stringify(columns);
  let text = statements.get(key);
  if (!text) {
    let n = 1;
    const part = (table: Parameters<typeof unnestInsert>[0], cols: Columns) => {
      const sql = unnestInsert(table, cols, n);
      n += cols.length;
      return sql;
    };
    const parts = [part(appeals, columns.appeal), part(appealEvents, columns.event), part(auditLog, columns.audit)];
    if (columns.noticeTo.length) parts.push(unnestInsertShared(notifications, columns.noticeTo, columns.noticeText, n));
    // Data-modifying CTEs all run, referenced or not; the last insert is the statement itself.
    const last = parts.pop()!;
    text = `with ${parts.map((p, i) => `w${i} as (${p})`).join(',\n    ')}\n    ${last}`;
    statements.set(key, text);
  }
  return text;
}

/**
 * Writes a group of reports — each with its first timeline event(s), its audit row and its inbox notices — in ONE
 * statement (data-modifying CTEs, atomic on its own; foreign keys are checked at its end). Returns the written rows
 * in the order of `inputs`.
 */
export async function insertSubmissions(db: DbOrTx, inputs: readonly Submission[]): Promise<AppealRow[]> {
  const appealRows = columnArrays(appeals, inputs.map((i) => i.appeal));
  const eventRows = columnArrays(appealEvents, inputs.flatMap((i) => i.event));
  const auditRows = columnArrays(auditLog, inputs.map((i) => i.audit));
  // A report's notices say the same to everyone on duty: the text goes once, each notice points at it.
  const noticed = inputs.filter((i) => i.notices.to.length > 0);
  const noticeTo = columnArrays(notifications, noticed.flatMap((i) => i.notices.to));
  const noticeAt = arrayLiteral(noticed.flatMap((i, k) => i.notices.to.map(() => String(k + 1))));
  const noticeText = columnArrays(notifications, noticed.map((i) => i.notices.text));
  const text = groupStatement({ appeal: appealRows.columns, event: eventRows.columns, audit: auditRows.columns, noticeTo: noticeTo.columns, noticeText: noticeText.columns });
  const notices = noticed.length ? [...noticeTo.arrays, noticeAt, ...noticeText.arrays] : [];
  await rawQuery(db, text, [...appealRows.arrays, ...eventRows.arrays, ...auditRows.arrays, ...notices]);
  return inputs.map((i) => rowAsInserted(appeals, i.appeal));
}
