import { childPath, type RegionKind, type RegionLevel } from '@shuren/core';
import { IdFactory, Rng, distribute } from './prng.js';
import {
  INVENTED_RURAL_COMMUNITIES,
  INVENTED_URBAN_COMMUNITIES,
  SEED_RURAL_COMMUNITIES,
  SEED_URBAN_COMMUNITIES,
  areaName,
  compoundName,
  cooperativeName,
  laneName,
} from './names.js';
import type { ScaleSpec } from './scales.js';

export interface PlanNode {
  id: string;
  parentId: string | null;
  level: RegionLevel;
  kind: RegionKind;
  code: string;
  name: string;
  path: string;
  children: PlanNode[];
  /** The community the node lies in (itself for a community; null for the subdistrict). */
  community: PlanNode | null;
  rural: boolean;
  /** Lanes only: a 街 (street, held by 街长) rather than a 巷 (held by 巷长). */
  street: boolean;
  households: PlanHousehold[];
  /** A representative point (WGS-84), for compounds, areas, buildings and lanes; see placePoints. */
  lat?: number;
  lng?: number;
}

export interface PlanHousehold {
  id: string;
  regionId: string;
  regionPath: string;
  address: string;
  room: string;
  floorArea: string;
}

export interface RegionPlan {
  root: PlanNode;
  nodes: PlanNode[];
  communities: PlanNode[];
  grid2: PlanNode[];
  grid3: PlanNode[];
  byCode: Map<string, PlanNode>;
  households: PlanHousehold[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The region tree and its households. Codes follow GC, GC-C01, GC-C01-G01, GC-C01-G01-B01 / -L01. */
export function planRegions(spec: ScaleSpec, ids: IdFactory, rng: Rng): RegionPlan {
  const nodes: PlanNode[] = [];
  const byCode = new Map<string, PlanNode>();
  const add = (parent: PlanNode | null, level: RegionLevel, kind: RegionKind, code: string, name: string, extra: Partial<PlanNode> = {}): PlanNode => {
    const id = ids.next();
    const node: PlanNode = {
      id,
      parentId: parent?.id ?? null,
      level,
      kind,
      code,
      name,
      path: childPath(parent ? parent.path : '/', id),
      children: [],
      community: level === 'community' ? null : (parent?.community ?? null),
      rural: parent?.rural ?? false,
      street: false,
      households: [],
      ...extra,
    };
    if (level === 'community') node.community = node;
    parent?.children.push(node);
    nodes.push(node);
    byCode.set(code, node);
    return node;
  };

  const root = add(null, 'subdistrict', 'subdistrict', 'GC', '桂城街道');
  const urbanNames = [...SEED_URBAN_COMMUNITIES, ...INVENTED_URBAN_COMMUNITIES].slice(0, spec.urbanCommunities);
  const ruralNames = [...SEED_RURAL_COMMUNITIES, ...INVENTED_RURAL_COMMUNITIES].slice(0, spec.ruralCommunities);
  if (urbanNames.length < spec.urbanCommunities || ruralNames.length < spec.ruralCommunities) throw new Error('not enough community names');
  // Urban first so GC-C01 (同德社区) and GC-C02 (映月社区) are the demo accounts' communities.
  const communities = [
    ...urbanNames.map((n) => ({ name: n, rural: false })),
    ...ruralNames.map((n) => ({ name: n, rural: true })),
  ].map((c, i) => add(root, 'community', c.rural ? 'rural_community' : 'urban_community', `GC-C${pad2(i + 1)}`, `${c.name}社区`, { rural: c.rural }));

  const r = rng.fork('regions');
  const weight = () => 0.5 + r.next();
  const urban = communities.filter((c) => !c.rural);
  const rural = communities.filter((c) => c.rural);
  const compoundsPer = distribute(spec.compounds, urban.map(weight), 1);
  const coopsPer = distribute(spec.cooperatives, rural.map(weight), rural.length ? 1 : 0);
  const areasPer = distribute(spec.areas, communities.map(weight), 0);

  const usedNames = new Set<string>();
  const uniqueCompoundName = () => {
    for (let i = 0; i < 8; i++) {
      const n = compoundName(r);
      if (!usedNames.has(n)) return usedNames.add(n), n;
    }
    const n = `${compoundName(r)}${usedNames.size}`;
    usedNames.add(n);
    return n;
  };

  const grid2: PlanNode[] = [];
  for (const c of communities) {
    const ci = communities.indexOf(c);
    const kinds: RegionKind[] = [];
    if (c.rural) for (let i = 0; i < coopsPer[rural.indexOf(c)]; i++) kinds.push('cooperative');
    else for (let i = 0; i < compoundsPer[urban.indexOf(c)]; i++) kinds.push('compound');
    for (let i = 0; i < areasPer[ci]; i++) kinds.push('area');
    const short = c.name.replace(/社区$/, '');
    let coop = 0;
    let area = 0;
    kinds.forEach((kind, i) => {
      const name = kind === 'compound' ? uniqueCompoundName() : kind === 'cooperative' ? cooperativeName(short, ++coop) : areaName(short, ++area);
      grid2.push(add(c, 'grid2', kind, `${c.code}-G${pad2(i + 1)}`, name));
    });
  }

  const compounds = grid2.filter((g) => g.kind === 'compound');
  const laneParents = grid2.filter((g) => g.kind !== 'compound');
  const buildingsPer = distribute(spec.buildings, compounds.map(weight), 1);
  const lanesPer = distribute(spec.lanes, laneParents.map(weight), 1);
  const totalLanes = lanesPer.reduce((a, b) => a + b, 0);
  const streetSet = new Set(r.sample([...Array(totalLanes).keys()], spec.streets));
  let laneIndex = 0;
  const grid3: PlanNode[] = [];
  for (const g of grid2) {
    if (g.kind === 'compound') {
      const n = buildingsPer[compounds.indexOf(g)];
      for (let b = 1; b <= n; b++) grid3.push(add(g, 'grid3', 'building', `${g.code}-B${pad2(b)}`, `${b}栋`));
    } else {
      const n = lanesPer[laneParents.indexOf(g)];
      const names = new Set<string>();
      for (let l = 1; l <= n; l++) {
        const street = streetSet.has(laneIndex++);
        let name = laneName(r, street);
        while (names.has(name)) name = laneName(r, street);
        names.add(name);
        grid3.push(add(g, 'grid3', 'lane', `${g.code}-L${pad2(l)}`, name, { street }));
      }
    }
  }

  // Buildings hold more households than lanes; every grid has a few so residents and heads can live there.
  const hr = rng.fork('households');
  const perGrid3 = distribute(spec.households, grid3.map((g) => (g.kind === 'building' ? 1.6 : 0.8) * (0.5 + hr.next())), 4);
  const households: PlanHousehold[] = [];
  grid3.forEach((g, gi) => {
    const grid2Node = nodes.find((n) => n.id === g.parentId)!;
    const prefix = `${g.community!.name}${grid2Node.name}${g.name}`;
    const floors = hr.int(6, 33);
    for (let i = 0; i < perGrid3[gi]; i++) {
      let room: string;
      let area: number;
      if (g.kind === 'building') {
        const perUnit = floors * 4;
        const unit = Math.floor(i / perUnit) + 1;
        const within = i % perUnit;
        room = `${unit}-${Math.floor(within / 4) + 1}${pad2((within % 4) + 1)}`;
        area = hr.int(5500, 14500) / 100;
      } else {
        room = `${i + 1}号`;
        area = hr.int(6000, 22000) / 100;
      }
      const h: PlanHousehold = { id: ids.next(), regionId: g.id, regionPath: g.path, address: `${prefix}${room}`, room, floorArea: area.toFixed(2) };
      g.households.push(h);
      households.push(h);
    }
  });

  placePoints(communities, grid2);
  return { root, nodes, communities, grid2, grid3, byCode, households };
}

// Around 桂城 (Nanhai, Foshan). Invented but plausible: communities on a grid about 800 m apart, compounds about
// 150 m apart inside their community, buildings and lanes about 25 m apart inside their compound. Computed from
// positions only (no random draws), so adding points changes nothing else the seed produces.
const ORIGIN = { lat: 23.03, lng: 113.135 };
const METRE_LAT = 1 / 111_320;
const METRE_LNG = 1 / (111_320 * Math.cos((ORIGIN.lat * Math.PI) / 180));

function placePoints(communities: PlanNode[], grid2: PlanNode[]) {
  const side = Math.ceil(Math.sqrt(communities.length));
  communities.forEach((c, ci) => {
    const cNorth = Math.floor(ci / side) * 800;
    const cEast = (ci % side) * 800;
    const compounds = grid2.filter((g) => g.parentId === c.id);
    const gSide = Math.max(1, Math.ceil(Math.sqrt(compounds.length)));
    compounds.forEach((g, gi) => {
      const gNorth = cNorth + Math.floor(gi / gSide) * 150;
      const gEast = cEast + (gi % gSide) * 150;
      g.lat = ORIGIN.lat + gNorth * METRE_LAT;
      g.lng = ORIGIN.lng + gEast * METRE_LNG;
      const bSide = Math.max(1, Math.ceil(Math.sqrt(g.children.length)));
      g.children.forEach((b, bi) => {
        b.lat = ORIGIN.lat + (gNorth + Math.floor(bi / bSide) * 25) * METRE_LAT;
        b.lng = ORIGIN.lng + (gEast + (bi % bSide) * 25) * METRE_LNG;
      });
    });
  });
}
