import { describe, expect, it } from 'vitest';
import { formatFigure, shareOf } from './format';

describe('appeals figures on the dashboard', () => {
  it('shows rates as percentages and other figures as numbers', () => {
    expect(formatFigure({ key: 'appeals.satisfaction_rate', value: 100 })).toBe('100%');
    expect(formatFigure({ key: 'appeals.response_rate', value: 87.5 })).toBe('87.5%');
    expect(formatFigure({ key: 'appeals.avg_handling_hours', value: 3.25 })).toBe('3.3');
    expect(formatFigure({ key: 'appeals.total', value: 12 })).toBe('12');
  });

  it('turns closed-at-level counts into shares of all closed', () => {
    expect(shareOf(1, 4)).toBe(25);
    expect(shareOf(2, 3)).toBe(67);
    expect(shareOf(0, 0)).toBe(0);
  });
});
