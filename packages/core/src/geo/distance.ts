/** Distances between WGS-84 points, for "the same matter within ~100 m" (pure arithmetic, no I/O). */
export interface GeoPointValue {
  lat: number;
  lng: number;
}

const EARTH_METRES = 6_371_000;
const DEGREE_METRES = (Math.PI / 180) * EARTH_METRES;

/** Great-circle distance in metres (haversine; the SQL of the duplicate search uses the same formula). */
export function metresBetween(a: GeoPointValue, b: GeoPointValue): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The latitude/longitude box around a point that holds every point within `metres` (a pre-filter an index can use). */
export function boxAround(p: GeoPointValue, metres: number) {
  const dLat = metres / DEGREE_METRES;
  const dLng = metres / (DEGREE_METRES * Math.max(Math.cos((p.lat * Math.PI) / 180), 0.01));
  return { latMin: p.lat - dLat, latMax: p.lat + dLat, lngMin: p.lng - dLng, lngMax: p.lng + dLng };
}

/** A point `north` and `east` metres from `p` (small distances). */
export function offsetPoint(p: GeoPointValue, north: number, east: number): GeoPointValue {
  return { lat: p.lat + north / DEGREE_METRES, lng: p.lng + east / (DEGREE_METRES * Math.cos((p.lat * Math.PI) / 180)) };
}
