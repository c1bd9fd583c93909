import { idCheckChar, type Role } from '@shuren/core';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';
import { IdFactory, Rng, distribute } from './prng.js';
import { personName } from './names.js';
import type { PlanOrg } from './plan-orgs.js';
import type { PlanHousehold, PlanNode, RegionPlan } from './plan-regions.js';
import type { ScaleSpec } from './scales.js';

export interface PlanPerson {
  id: string;
  name: string;
  gender: 'female' | 'male';
  birthYear: number;
  phone: string;
  idNumber: string;
  partyMember: boolean;
  homeRegionId: string;
  homePath: string;
  householdId: string | null;
  householdRelation: string | null;
}
export interface PlanAssignment {
  id: string;
  personId: string;
  role: Role;
  regionId: string;
  regionPath: string;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
}
export interface PlanMember {
  id: string;
  organisationId: string;
  personId: string;
  role: 'leader' | 'member';
  joinedOn: string;
}
export interface PlanAccount {
  id: string;
  personId: string;
  login: string;
}
export interface PeoplePlan {
  people: PlanPerson[];
  assignments: PlanAssignment[];
  members: PlanMember[];
  accounts: PlanAccount[];
}

/**
 * Demo mobile numbers come from 138-0010-0000 upwards (138 0000 xxxx and its neighbours are the numbers
 * Chinese documentation uses as placeholders; the demo resident signs in as 13800000001 below this range).
 */
const PHONE_BASE = 13800100000;
/** 440605 = 南海区; birth date and sequence are random, the check character is computed. */
const AREA_CODE = '440605';
const DAY = 86_400_000;

export function planPeople(spec: ScaleSpec, t: RegionPlan, orgs: PlanOrg[], ids: IdFactory, rng: Rng): PeoplePlan {
  const r = rng.fork('people');
  const people: PlanPerson[] = [];
  const assignments: PlanAssignment[] = [];
  const members: PlanMember[] = [];
  const accounts: PlanAccount[] = [];
  const demoLeft = new Map<string, DemoAccount>(DEMO_ACCOUNTS.map((a) => [`${a.role}@${a.regionCode}`, a]));
  const usedIdNumbers = new Set<string>();
  let phoneSeq = 0;

  const day = (from: number, to: number) => new Date(from + r.int(0, Math.floor((to - from) / DAY)) * DAY).toISOString().slice(0, 10);
  const startDate = () => day(Date.UTC(2021, 0, 1), Date.UTC(2024, 11, 31));

  const idNumber = (birthYear: number, gender: 'female' | 'male') => {
    const birth = day(Date.UTC(birthYear, 0, 1), Date.UTC(birthYear, 11, 31)).replaceAll('-', '');
    let seq = r.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
    for (;;) {
      const first17 = `${AREA_CODE}${birth}${String(seq).padStart(3, '0')}`;
      const id = first17 + idCheckChar(first17);
      if (!usedIdNumbers.has(id)) return usedIdNumbers.add(id), id;
      seq = (seq + 2) % 1000;
    }
  };

  interface PersonOpts {
    party?: boolean;
    household?: PlanHousehold;
    relation?: string;
    demoKey?: string;
  }
  const person = (home: PlanNode, o: PersonOpts = {}): PlanPerson => {
    const demo = o.demoKey ? demoLeft.get(o.demoKey) : undefined;
    if (demo) demoLeft.delete(o.demoKey!);
    const gender = r.chance(0.52) ? 'female' : 'male';
    const birthYear = r.int(1948, 2002);
    const generated = personName(r);
    const p: PlanPerson = {
      id: ids.next(),
      name: demo ? demo.personName : generated,
      gender,
      birthYear,
      phone: demo?.role === 'resident' ? demo.login : String(PHONE_BASE + phoneSeq++),
      idNumber: idNumber(birthYear, gender),
      partyMember: Boolean(o.party),
      homeRegionId: home.id,
      homePath: home.path,
      householdId: o.household?.id ?? null,
      householdRelation: o.household ? (o.relation ?? 'member') : null,
    };
    people.push(p);
    if (demo) accounts.push({ id: ids.next(), personId: p.id, login: demo.login });
    return p;
  };
  const assign = (p: PlanPerson, role: Role, over: PlanNode, startOn = startDate(), endOn: string | null = null, endReason: string | null = null) => {
    assignments.push({ id: ids.next(), personId: p.id, role, regionId: over.id, regionPath: over.path, startDate: startOn, endDate: endOn, endReason });
  };
  /** A new person holding `role` over `over`; the first holder of a demo sign-in's role and region is that demo person. */
  const holder = (role: Role, over: PlanNode, home: PlanNode, o: PersonOpts = {}) => {
    const p = person(home, { ...o, demoKey: `${role}@${over.code}` });
    assign(p, role, over);
    return p;
  };
  const member = (orgId: string, p: PlanPerson, role: 'leader' | 'member' = 'member') => {
    members.push({ id: ids.next(), organisationId: orgId, personId: p.id, role, joinedOn: startDate() });
  };
  /** A grid-3 home with a household, for people who live in the area they serve. */
  const livesIn = (g: PlanNode): PersonOpts & { home: PlanNode } => ({ home: g, household: r.pick(g.households), relation: 'member' });
  const grid3Of = (n: PlanNode): PlanNode[] => (n.level === 'grid3' ? [n] : n.children.flatMap(grid3Of));
  const grid3ByCommunity = new Map(t.communities.map((c) => [c.id, grid3Of(c)]));
  const grid3ById = new Map(t.grid3.map((g) => [g.id, g]));
  const randomGrid3In = (n: PlanNode) => r.pick(n.level === 'subdistrict' ? t.grid3 : n.level === 'community' ? grid3ByCommunity.get(n.id)! : grid3Of(n));

  // Staff: the subdistrict, each community's staff and 两委, one 网格员 per level-2 grid.
  holder('subdistrict_admin', t.root, t.root);
  holder('auditor', t.root, t.root);
  const subdistrictStaff = Array.from({ length: spec.subdistrictStaff }, () => holder('subdistrict_staff', t.root, t.root));
  for (const c of t.communities) {
    for (let i = 0; i < spec.communityStaffPerCommunity; i++) holder('community_staff', c, c);
    for (let i = 0; i < spec.committeePerCommunity; i++) holder('committee_member', c, c, { party: true });
  }
  for (const g of t.grid2) holder('grid_worker', g, g);

  // Residents: a few per level-3 grid (a head, a family member, a tenant who is a 新市民), not every household.
  const heads: PlanPerson[] = [];
  for (const g of t.grid3) {
    for (let k = 0; k < spec.residentsPerGrid3; k++) {
      if (k === 0) heads.push(holder('resident', g, g, { household: g.households[0], relation: 'head' }));
      else if (k === 2) holder('new_resident', g, g, { household: g.households[1], relation: 'tenant' });
      else person(g, { household: g.households[Math.min(k - 1, g.households.length - 1)], relation: 'member' });
    }
  }

  // 三长: 楼长 over buildings, 巷长 over 巷, 街长 over 街; each lives in the grid they look after.
  const buildings = t.grid3.filter((g) => g.kind === 'building');
  const alleys = t.grid3.filter((g) => g.kind === 'lane' && !g.street);
  const streets = t.grid3.filter((g) => g.kind === 'lane' && g.street);
  const buildingHeads: { p: PlanPerson; g: PlanNode }[] = [];
  const spread = (role: Role, grids: PlanNode[], total: number) => {
    const per = distribute(total, grids.map((g) => g.households.length), 1);
    grids.forEach((g, i) => {
      for (let k = 0; k < per[i]; k++) {
        const p = holder(role, g, g, livesIn(g));
        if (role === 'building_head') buildingHeads.push({ p, g });
      }
    });
  };
  spread('building_head', buildings, spec.threeHeads.building_head);
  spread('lane_head', alleys, spec.threeHeads.lane_head);
  spread('street_head', streets, spec.threeHeads.street_head);
  // Past terms: heads whose assignment ended (kept as history, never counted as active).
  for (const p of r.sample(heads, Math.min(spec.endedThreeHeads, heads.length))) {
    const g = grid3ById.get(p.homeRegionId)!;
    assign(p, g.kind === 'building' ? 'building_head' : g.street ? 'street_head' : 'lane_head', g, '2021-01-01', '2023-12-31', '任期届满');
  }

  // Party members placed in household-contact party groups (level-3 grids).
  const partyPeople: PlanPerson[] = [];
  const placeParty = (p: PlanPerson, role: 'party_member' | 'registered_party_member', g: PlanNode) => {
    p.partyMember = true;
    assign(p, role, g);
    partyPeople.push(p);
  };
  for (const { p, g } of r.sample(buildingHeads, spec.partyBuildingHeads)) placeParty(p, 'party_member', g);

  // Mediators in mediation teams; some are party members placed where they live.
  const teams = orgs.filter((o) => o.kind === 'mediation_team');
  const perTeam = distribute(spec.mediators, teams.map(() => 1), teams.length ? 1 : 0);
  const partyMediatorSlots = new Set(r.sample([...Array(spec.mediators).keys()], spec.partyMediators));
  let mediatorIndex = 0;
  teams.forEach((team, ti) => {
    for (let k = 0; k < perTeam[ti]; k++) {
      const g = randomGrid3In(team.region);
      const p = holder('mediator', team.region, g, livesIn(g));
      member(team.id, p, k === 0 ? 'leader' : 'member');
      if (partyMediatorSlots.has(mediatorIndex++)) placeParty(p, 'party_member', g);
    }
  });

  for (let i = 0; i < spec.partyMembers - spec.partyBuildingHeads - spec.partyMediators; i++) {
    const g = r.pick(t.grid3);
    placeParty(person(g, { ...livesIn(g), party: true }), 'party_member', g);
  }
  const registered: PlanPerson[] = [];
  for (let i = 0; i < spec.registeredPartyMembers; i++) {
    const g = r.pick(t.grid3);
    const p = person(g, { ...livesIn(g), party: true });
    placeParty(p, 'registered_party_member', g);
    registered.push(p);
  }

  // Party branches: a first secretary appointed from in-service members, and the party members living there.
  const branches = orgs.filter((o) => o.kind === 'party_branch');
  const secretaries = r.sample(registered, branches.length);
  const partyByGrid2 = new Map<string, PlanPerson[]>();
  for (const p of partyPeople) {
    const g2 = p.homePath.split('/')[3];
    if (g2) partyByGrid2.set(g2, [...(partyByGrid2.get(g2) ?? []).slice(0, 9), p]);
  }
  branches.forEach((b, i) => {
    assign(secretaries[i], 'first_secretary', b.region);
    member(b.id, secretaries[i], 'leader');
    for (const p of (partyByGrid2.get(b.region.id) ?? []).filter((x) => x !== secretaries[i]).slice(0, 8)) member(b.id, p);
  });

  // Volunteers: party volunteers are drawn from the party members, the others are new people; one team each.
  const volunteerTeams = orgs.filter((o) => o.kind === 'volunteer_team');
  const teamsByCommunity = new Map<string, PlanOrg[]>();
  for (const vt of volunteerTeams) teamsByCommunity.set(vt.region.community?.id ?? '', [...(teamsByCommunity.get(vt.region.community?.id ?? '') ?? []), vt]);
  const volunteer = (p: PlanPerson) => {
    const g = grid3ById.get(p.homeRegionId) ?? r.pick(t.grid3);
    assign(p, 'volunteer', g);
    const choices = teamsByCommunity.get(g.community!.id) ?? volunteerTeams;
    if (choices.length) member(r.pick(choices).id, p);
  };
  for (const p of r.sample(partyPeople, spec.partyVolunteers)) volunteer(p);
  for (let i = 0; i < spec.otherVolunteers; i++) {
    const g = r.pick(t.grid3);
    volunteer(person(g, livesIn(g)));
  }

  // Property staff, owners' committee members, 新乡贤.
  for (const company of orgs.filter((o) => o.kind === 'property_company')) {
    for (let k = 0; k < spec.propertyStaffPerCompany; k++) member(company.id, holder('property_staff', company.region, company.region), k === 0 ? 'leader' : 'member');
  }
  for (const committee of orgs.filter((o) => o.kind === 'owners_committee' || o.kind === 'red_owners_committee')) {
    for (let k = 0; k < spec.ownersCommitteeMembersPerCommittee; k++) {
      const g = randomGrid3In(committee.region);
      const p = holder('owners_committee_member', committee.region, g, { ...livesIn(g), party: committee.kind === 'red_owners_committee' && k === 0 });
      member(committee.id, p, k === 0 ? 'leader' : 'member');
    }
  }
  for (const c of t.communities.filter((x) => x.rural)) {
    for (let k = 0; k < spec.ruralNotablesPerRuralCommunity; k++) {
      const g = randomGrid3In(c);
      holder('rural_notable', c, g, livesIn(g));
    }
  }

  // Leaders and members for the remaining organisations, from the people living in their area.
  const byCommunity = new Map<string, PlanPerson[]>();
  for (const p of people) {
    const cid = p.homePath.split('/')[2];
    if (!cid) continue;
    const list = byCommunity.get(cid);
    if (list) list.push(p);
    else byCommunity.set(cid, [p]);
  }
  for (const o of orgs) {
    if (!['mutual_aid_association', 'self_governance_group', 'club', 'department'].includes(o.kind)) continue;
    const pool = o.kind === 'department' ? subdistrictStaff : (byCommunity.get(o.region.community!.id) ?? []).filter((p) => p.homePath.startsWith(o.region.path));
    if (!pool.length) continue;
    const chosen = r.sample(pool, Math.min(pool.length, o.kind === 'department' ? 1 : r.int(3, 8)));
    chosen.forEach((p, k) => member(o.id, p, k === 0 ? 'leader' : 'member'));
  }

  if (demoLeft.size) throw new Error(`demo sign-ins without a slot: ${[...demoLeft.keys()].join(', ')}`);
  return { people, assignments, members, accounts };
}
