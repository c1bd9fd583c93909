import type { AppealTrendWeek } from '../contracts/appeal-trends.js';

/**
 * The 接诉即办 rates: a percentage with one decimal, or null when there is nothing to divide by. The panel's figures
 * (stats) and the weekly trend use the same rounding.
 */
export function ratePercent(num: number, den: number): number | null {
  return den === 0 ? null : Math.round((num / den) * 1000) / 10;
}

/** One week's counts as the weekly rollup keeps them (appeal_trends). */
export interface TrendSums {
  submitted: number;
  accepted: number;
  respondedOnTime: number;
  resolved: number;
  closed: number;
  closedOnTime: number;
  rated: number;
  satisfied: number;
  reworked: number;
  closedMs: number;
}

/**
 * A week of the trend chart. Counts are by the week an event happened (submitted week: submitted, accepted,
 * responded on time, resolved by now; closing week: closed, closed on time, rated, satisfied, reworked), so the
 * weekly 解决率 is "of the appeals accepted that week, the share closed by now" and 返工率 is reworked ÷ closed.
 */
export function trendWeek(week: string, s: TrendSums): AppealTrendWeek {
  return {
    week,
    submitted: s.submitted,
    accepted: s.accepted,
    respondedOnTime: s.respondedOnTime,
    resolved: s.resolved,
    closed: s.closed,
    closedOnTime: s.closedOnTime,
    rated: s.rated,
    satisfied: s.satisfied,
    reworked: s.reworked,
    avgHandlingHours: s.closed === 0 ? null : Math.round((s.closedMs / s.closed / 3_600_000) * 10) / 10,
    rates: {
      response: ratePercent(s.respondedOnTime, s.submitted),
      resolution: ratePercent(s.resolved, s.accepted),
      satisfaction: ratePercent(s.satisfied, s.rated),
      onTimeClose: ratePercent(s.closedOnTime, s.closed),
      rework: ratePercent(s.reworked, s.closed),
    },
  };
}
