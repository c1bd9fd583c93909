import { ORG_KINDS, VENUE_KINDS, type StatFigure } from '@shuren/core';
import { isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { regions } from '../db/schema/index.js';
import { MODULES } from '../modules/index.js';
import { regionStats } from '../modules/stats/stats.service.js';
import { expectedFigures, type ScaleSpec } from './scales.js';

export interface CheckLine {
  key: string;
  expected: number;
  actual: number | null;
  ok: boolean;
}

/** Where the modules report organisation and venue counts by kind (breakdown key = kind). */
const BY_KIND_FIGURES: { figure: string; kinds: readonly string[]; expected: (s: ScaleSpec) => Record<string, number> }[] = [
  { figure: 'organisations.by_kind', kinds: ORG_KINDS, expected: (s) => s.orgs },
  { figure: 'venues.by_kind', kinds: VENUE_KINDS, expected: (s) => s.venues },
];

/** Compares the live figures of a list of stats with what the spec says a subdistrict must show. */
export function compareFigures(spec: ScaleSpec, figures: StatFigure[]): CheckLine[] {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const lines: CheckLine[] = [];
  const line = (key: string, expected: number, actual: number | null | undefined) => lines.push({ key, expected, actual: actual ?? null, ok: actual === expected });
  for (const [key, e] of Object.entries(expectedFigures(spec))) {
    const f = byKey.get(key);
    line(key, e.value, f?.value);
    for (const [part, v] of Object.entries(e.breakdown ?? {})) line(`${key}/${part}`, v, f?.breakdown?.find((b) => b.key === part)?.value);
  }
  for (const g of BY_KIND_FIGURES) {
    const f = byKey.get(g.figure);
    const expected = g.expected(spec);
    for (const kind of g.kinds) line(`${g.figure}/${kind}`, expected[kind as keyof typeof expected], f?.breakdown?.find((b) => b.key === kind)?.value);
  }
  return lines;
}

/** Re-counts the subdistrict through the stats service (the same code the endpoint runs). */
export async function checkSubdistrict(db: Db, spec: ScaleSpec, day: string): Promise<CheckLine[]> {
  const [root] = await db.select().from(regions).where(isNull(regions.parentId)).limit(1);
  if (!root) return [{ key: 'subdistrict', expected: 1, actual: 0, ok: false }];
  const figures = await regionStats(db, MODULES, root, day);
  return compareFigures(spec, figures);
}
