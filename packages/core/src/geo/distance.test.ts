import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxAround, metresBetween, offsetPoint } from './distance.js';

describe('the box around a point', () => {
  it('holds every point within the radius (the index pre-filter never drops a true neighbour)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 99.9, noNaN: true }),
        (lat, lng, bearing, metres) => {
          const p = { lat, lng };
          const q = offsetPoint(p, metres * Math.cos(bearing), metres * Math.sin(bearing));
          const box = boxAround(p, 100);
          // Only points truly within 100 m must be inside the box.
          if (metresBetween(p, q) > 100) return true;
          return q.lat >= box.latMin && q.lat <= box.latMax && q.lng >= box.lngMin && q.lng <= box.lngMax;
        },
      ),
    );
  });

  it('measures short distances as offsets give them', () => {
    const p = { lat: 23.03, lng: 113.135 };
    expect(metresBetween(p, offsetPoint(p, 30, 40))).toBeCloseTo(50, 0);
    expect(metresBetween(p, p)).toBe(0);
  });
});
