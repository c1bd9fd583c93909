import { ORG_KINDS, VENUE_KINDS, type OrgKind, type VenueKind } from '@shuren/core';
import { IdFactory, Rng } from './prng.js';
import { CLUB_KINDS, DEPARTMENTS, PROPERTY_TAILS, ROOM_NAMES, VOLUNTEER_TEAM_KINDS, compoundName } from './names.js';
import type { PlanNode, RegionPlan } from './plan-regions.js';
import type { ScaleSpec } from './scales.js';

export interface PlanOrg {
  id: string;
  kind: OrgKind;
  name: string;
  region: PlanNode;
  foundedOn: string;
}

export interface PlanVenue {
  id: string;
  kind: VenueKind;
  name: string;
  region: PlanNode;
  address: string;
  openingHours: { weekday: number; opens: string; closes: string }[];
  rooms: { id: string; name: string; capacity: number }[];
}

const cycle = <T>(items: readonly T[], n: number): T[] => Array.from({ length: n }, (_, i) => items[i % items.length]);

/** Where each kind of organisation has its home region. */
function homesFor(kind: OrgKind, n: number, t: RegionPlan, r: Rng): PlanNode[] {
  const compounds = t.grid2.filter((g) => g.kind === 'compound');
  switch (kind) {
    case 'department':
      return cycle([t.root], n);
    case 'mediation_team':
      // One subdistrict-level team (property disputes), the others in communities.
      return [t.root, ...cycle(t.communities, n - 1)].slice(0, n);
    case 'mutual_aid_association':
    case 'club':
    case 'volunteer_team':
      return cycle(r.shuffle(t.communities), n);
    case 'red_owners_committee':
    case 'owners_committee':
    case 'property_company':
    case 'self_governance_group':
      return cycle(r.shuffle(compounds), n);
    case 'party_branch':
      return r.sample(t.grid2, n);
  }
}

export function planOrganisations(spec: ScaleSpec, t: RegionPlan, ids: IdFactory, rng: Rng): PlanOrg[] {
  const r = rng.fork('organisations');
  const orgs: PlanOrg[] = [];
  // Owners' committees and property companies do not share compounds with each other's kind by accident:
  // a compound has at most one owners' committee (red or not).
  const compounds = r.shuffle(t.grid2.filter((g) => g.kind === 'compound'));
  const committeeHomes = compounds.slice(0, spec.orgs.red_owners_committee + spec.orgs.owners_committee);
  if (committeeHomes.length < spec.orgs.red_owners_committee + spec.orgs.owners_committee) throw new Error('more owners’ committees than compounds');
  for (const kind of ORG_KINDS) {
    const n = spec.orgs[kind];
    let homes: PlanNode[];
    if (kind === 'red_owners_committee') homes = committeeHomes.slice(0, n);
    else if (kind === 'owners_committee') homes = committeeHomes.slice(spec.orgs.red_owners_committee);
    else homes = homesFor(kind, n, t, r);
    homes.forEach((home, i) => {
      const place = home.level === 'community' ? home.name.replace(/社区$/, '') : home.name;
      const name =
        kind === 'department' ? `桂城街道${DEPARTMENTS[i % DEPARTMENTS.length]}${i >= DEPARTMENTS.length ? Math.floor(i / DEPARTMENTS.length) + 1 : ''}`
        : kind === 'mediation_team' ? (home.level === 'subdistrict' ? '桂城街道物业纠纷调解委员会' : `${place}人民调解委员会`)
        : kind === 'mutual_aid_association' ? `${place}街坊志愿互助会${i >= t.communities.length ? Math.floor(i / t.communities.length) + 1 : ''}`
        : kind === 'club' ? `${place}${r.pick(CLUB_KINDS)}`
        : kind === 'volunteer_team' ? `${place}${r.pick(VOLUNTEER_TEAM_KINDS)}`
        : kind === 'red_owners_committee' ? `${place}红色业委会`
        : kind === 'owners_committee' ? `${place}业主委员会`
        : kind === 'property_company' ? `佛山市${compoundName(r).slice(0, 2)}${r.pick(PROPERTY_TAILS)}`
        : kind === 'self_governance_group' ? `${place}自治小组`
        : `${place}党支部`;
      const year = r.int(2012, 2024);
      orgs.push({ id: ids.next(), kind, name, region: home, foundedOn: `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` });
    });
  }
  return orgs;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function planVenues(spec: ScaleSpec, t: RegionPlan, ids: IdFactory, rng: Rng): PlanVenue[] {
  const r = rng.fork('venues');
  const venues: PlanVenue[] = [];
  const compounds = t.grid2.filter((g) => g.kind === 'compound');
  const rural = t.communities.filter((c) => c.rural);
  for (const kind of VENUE_KINDS) {
    const n = spec.venues[kind];
    const homes =
      kind === 'service_centre' ? cycle([t.root], n)
      : kind === 'service_station' ? cycle(t.communities, n)
      : kind === 'party_venue' ? cycle(r.shuffle(compounds), n)
      : kind === 'notable_tea_room' ? cycle(rural.length ? rural : t.communities, n)
      : cycle(r.shuffle([...t.communities, ...compounds]), n);
    homes.forEach((home) => {
      const place = home.level === 'subdistrict' ? '桂城街道' : home.level === 'community' ? home.name : `${home.community!.name}${home.name}`;
      const label = { party_venue: '党建阵地', acquaintance_station: '创熟加油站', service_centre: '党群服务中心', service_station: '党群服务站', notable_tea_room: '新乡贤茶话厅' }[kind];
      const opens = kind === 'service_centre' || kind === 'service_station' ? '08:30' : '09:00';
      const days = kind === 'notable_tea_room' ? [2, 4, 6] : kind === 'service_centre' || kind === 'service_station' ? [1, 2, 3, 4, 5, 6] : WEEKDAYS;
      const rooms = r.sample(ROOM_NAMES, r.int(1, kind === 'service_centre' ? ROOM_NAMES.length : 3)).map(([name, capacity]) => ({ id: ids.next(), name, capacity }));
      venues.push({
        id: ids.next(),
        kind,
        name: `${place}${label}`,
        region: home,
        address: `佛山市南海区桂城街道${place}`,
        openingHours: days.map((weekday) => ({ weekday, opens, closes: weekday >= 6 ? '17:00' : '21:00' })),
        rooms,
      });
    });
  }
  return venues;
}
