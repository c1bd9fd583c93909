import { Type, type Static } from 'typebox';
import { CategoryCode } from './appeals.js';
import { DateOnly, Id } from './common.js';
import { RegionLevelSchema } from './regions.js';

export const APPEAL_TRENDS_DEFAULT_WEEKS = 26;

export const AppealTrendsQuery = Type.Object(
  {
    weeks: Type.Optional(Type.Integer({ minimum: 4, maximum: 104, default: APPEAL_TRENDS_DEFAULT_WEEKS, description: 'How many weeks, ending with the current one' })),
    categoryCode: Type.Optional(CategoryCode),
  },
  { additionalProperties: false },
);
export type AppealTrendsQuery = Static<typeof AppealTrendsQuery>;

const Count = Type.Integer({ minimum: 0 });
const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'Percentage with one decimal; null when nothing to divide by' });

/**
 * One week (Monday to Sunday, Asia/Shanghai). An appeal counts in the week each event happened: `submitted`,
 * `accepted`, `respondedOnTime` and `resolved` (closed by now) in the week it was submitted; `closed`,
 * `closedOnTime`, `rated`, `satisfied` and `reworked` (closed after at least one "not fixed") in the week it
 * was closed. Merged duplicates are not counted.
 */
export const AppealTrendWeek = Type.Object({
  week: DateOnly,
  submitted: Count,
  accepted: Count,
  respondedOnTime: Count,
  resolved: Count,
  closed: Count,
  closedOnTime: Count,
  rated: Count,
  satisfied: Count,
  reworked: Count,
  avgHandlingHours: Type.Union([Type.Number(), Type.Null()]),
  rates: Type.Object({
    /** 响应率: responded on time / submitted that week. */
    response: Rate,
    /** 解决率: of the appeals accepted that week, share closed by now. */
    resolution: Rate,
    /** 满意率: satisfied / rated, appeals closed that week. */
    satisfaction: Rate,
    /** 按期结案率: closed on time / closed that week. */
    onTimeClose: Rate,
    /** 返工率: closed that week after rework / closed that week. */
    rework: Rate,
  }),
});
export type AppealTrendWeek = Static<typeof AppealTrendWeek>;

export const AppealTrends = Type.Object({
  region: Type.Object({ id: Id, name: Type.String(), level: RegionLevelSchema }),
  /** Today in Asia/Shanghai: the last week is the one containing it. */
  asOf: DateOnly,
  categoryCode: Type.Union([CategoryCode, Type.Null()]),
  weeks: Type.Array(AppealTrendWeek),
});
export type AppealTrends = Static<typeof AppealTrends>;
