import { Type, type Static } from 'typebox';
import { DateOnly, Id } from './common.js';
import { RegionLevelSchema } from './regions.js';

/** One line of a figure's breakdown (e.g. 楼长 within 三长), with its own drill-down. */
export const StatBreakdownEntry = Type.Object({
  key: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  value: Type.Number(),
  listPath: Type.Optional(Type.String({ description: 'API path listing the records behind this line' })),
});

/** A figure counted live from records for a region subtree (modules add their own, DESIGN.md habit 8). */
export const StatFigure = Type.Object({
  key: Type.String({ description: 'Stable key, e.g. three_heads, households, organisations' }),
  zh: Type.String(),
  en: Type.String(),
  value: Type.Number(),
  breakdown: Type.Optional(Type.Array(StatBreakdownEntry)),
  listPath: Type.Optional(Type.String({ description: 'API path listing the records behind the figure' })),
});
export type StatFigure = Static<typeof StatFigure>;

export const RegionStats = Type.Object({
  region: Type.Object({ id: Id, name: Type.String(), level: RegionLevelSchema }),
  /** Role assignments count when in force on this day (Asia/Shanghai). */
  asOf: DateOnly,
  figures: Type.Array(StatFigure),
});
export type RegionStats = Static<typeof RegionStats>;
