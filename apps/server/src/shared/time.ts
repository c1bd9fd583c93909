import { shanghaiDate } from '@shuren/core';

/** Calendar day (YYYY-MM-DD) in Asia/Shanghai for an instant. Time is stored in UTC, days are counted in Shanghai. */
export function shanghaiDay(at: Date): string {
  return shanghaiDate(at.getTime());
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that can be moved: tests (TestClock) and a server started with CLOCK_CONTROL=true (OffsetClock). */
export interface MovableClock extends Clock {
  advance(ms: number): void;
  /** Back to the real time, where the clock has one. */
  reset?(): void;
  /** How far ahead of the real time it is, where the clock knows. */
  offsetMs?(): number;
}

export function isMovable(clock: Clock): clock is MovableClock {
  return typeof (clock as Partial<MovableClock>).advance === 'function';
}

/**
 * The real time plus an offset an admin moves forward (`POST /api/v1/dev/clock`), for test and training
 * servers: it keeps ticking, so records keep their order. Never used in production (the config refuses it).
 */
export class OffsetClock implements MovableClock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  advance(ms: number): void {
    if (!(ms > 0)) throw new RangeError('the clock only moves forward');
    this.offset += ms;
  }
  reset(): void {
    this.offset = 0;
  }
  offsetMs(): number {
    return this.offset;
  }
}
