import type { OrgKind, VenueKind } from '@shuren/core';

export const SCALES = ['small', 'guicheng'] as const;
export type Scale = (typeof SCALES)[number];

/**
 * What a scale contains. The generator produces exactly these numbers, and `expectedFigures` derives the
 * statistics a subdistrict must show from them, so tests and `seed --check` compare against the spec,
 * never against literals.
 */
export interface ScaleSpec {
  scale: Scale;
  seed: number;
  urbanCommunities: number;
  ruralCommunities: number;
  /** Level-2 grids: compounds sit in urban communities, cooperatives in rural ones, areas in both. */
  compounds: number;
  cooperatives: number;
  areas: number;
  /** Level-3 grids: buildings in compounds, lanes in cooperatives and areas; `streets` of the lanes are 街. */
  buildings: number;
  lanes: number;
  streets: number;
  households: number;
  /** People registered in households per level-3 grid (a head, a family member, a tenant); not every household. */
  residentsPerGrid3: number;
  threeHeads: { building_head: number; lane_head: number; street_head: number };
  /** 楼长 who are party members (they are also placed in their building's household-contact party group). */
  partyBuildingHeads: number;
  /** Resident party members placed in level-3 grids (includes the party 楼长 and the party mediators). */
  partyMembers: number;
  /** 在职报到党员 placed in level-3 grids; first secretaries are appointed from them, one per party branch. */
  registeredPartyMembers: number;
  mediators: number;
  partyMediators: number;
  /** Volunteers who are party members (resident or registered), and volunteers who are not. */
  partyVolunteers: number;
  otherVolunteers: number;
  subdistrictStaff: number;
  communityStaffPerCommunity: number;
  committeePerCommunity: number;
  propertyStaffPerCompany: number;
  ownersCommitteeMembersPerCommittee: number;
  ruralNotablesPerRuralCommunity: number;
  /** Three-head assignments that ended before today (must not be counted), given to residents. */
  endedThreeHeads: number;
  orgs: Record<OrgKind, number>;
  venues: Record<VenueKind, number>;
}

export const SPECS: Record<Scale, ScaleSpec> = {
  small: {
    scale: 'small',
    seed: 20240101,
    urbanCommunities: 2,
    ruralCommunities: 1,
    compounds: 6,
    cooperatives: 2,
    areas: 2,
    buildings: 28,
    lanes: 12,
    streets: 4,
    households: 400,
    residentsPerGrid3: 3,
    threeHeads: { building_head: 36, lane_head: 10, street_head: 4 },
    partyBuildingHeads: 12,
    partyMembers: 40,
    registeredPartyMembers: 30,
    mediators: 12,
    partyMediators: 5,
    partyVolunteers: 30,
    otherVolunteers: 20,
    subdistrictStaff: 2,
    communityStaffPerCommunity: 3,
    committeePerCommunity: 3,
    propertyStaffPerCompany: 2,
    ownersCommitteeMembersPerCommittee: 3,
    ruralNotablesPerRuralCommunity: 2,
    endedThreeHeads: 3,
    orgs: {
      mutual_aid_association: 3,
      self_governance_group: 2,
      club: 6,
      red_owners_committee: 1,
      owners_committee: 2,
      property_company: 4,
      party_branch: 4,
      mediation_team: 4,
      volunteer_team: 5,
      department: 3,
    },
    venues: { party_venue: 2, acquaintance_station: 3, service_centre: 1, service_station: 3, notable_tea_room: 1 },
  },
  // Figures from the seed reports: 45 communities, 305 level-2 grids (101 cooperatives), 1017 level-3 grids,
  // 2728 三长 (1612 楼长, 550 of them party members), 9200+ resident and 8000+ registered party members,
  // 46 mediation teams with 800 mediators (329 party members), 549 volunteer teams, 13163 party volunteers,
  // 81 街坊会, 72 自治小组, 284 社团, 4 红色业委会, 102 物业, 40 加油站, 28 党建阵地, 1+45 党群服务中心/站.
  guicheng: {
    scale: 'guicheng',
    seed: 20211201,
    urbanCommunities: 33,
    ruralCommunities: 12,
    compounds: 170,
    cooperatives: 101,
    areas: 34,
    buildings: 700,
    lanes: 317,
    streets: 100,
    households: 250_000,
    residentsPerGrid3: 3,
    threeHeads: { building_head: 1612, lane_head: 900, street_head: 216 },
    partyBuildingHeads: 550,
    partyMembers: 9236,
    registeredPartyMembers: 8052,
    mediators: 800,
    partyMediators: 329,
    partyVolunteers: 13163,
    otherVolunteers: 6000,
    subdistrictStaff: 20,
    communityStaffPerCommunity: 6,
    committeePerCommunity: 7,
    propertyStaffPerCompany: 3,
    ownersCommitteeMembersPerCommittee: 5,
    ruralNotablesPerRuralCommunity: 4,
    endedThreeHeads: 60,
    orgs: {
      mutual_aid_association: 81,
      self_governance_group: 72,
      club: 284,
      red_owners_committee: 4,
      owners_committee: 36,
      property_company: 102,
      party_branch: 120,
      mediation_team: 46,
      volunteer_team: 549,
      department: 12,
    },
    venues: { party_venue: 28, acquaintance_station: 40, service_centre: 1, service_station: 45, notable_tea_room: 12 },
  },
};

export const communityCount = (s: ScaleSpec) => s.urbanCommunities + s.ruralCommunities;
export const grid2Count = (s: ScaleSpec) => s.compounds + s.cooperatives + s.areas;
export const grid3Count = (s: ScaleSpec) => s.buildings + s.lanes;
export const threeHeadCount = (s: ScaleSpec) => s.threeHeads.building_head + s.threeHeads.lane_head + s.threeHeads.street_head;
/** One first secretary per party branch. */
export const firstSecretaryCount = (s: ScaleSpec) => s.orgs.party_branch;

/** Every person the generator creates, pool by pool (the demo sign-ins fill slots of these pools). */
export function peopleCount(s: ScaleSpec): number {
  return (
    2 + // admin and auditor
    s.subdistrictStaff +
    communityCount(s) * (s.communityStaffPerCommunity + s.committeePerCommunity) +
    grid2Count(s) + // one 网格员 per level-2 grid
    grid3Count(s) * s.residentsPerGrid3 +
    threeHeadCount(s) +
    (s.partyMembers - s.partyBuildingHeads - s.partyMediators) +
    s.registeredPartyMembers +
    s.mediators +
    s.otherVolunteers +
    s.orgs.property_company * s.propertyStaffPerCompany +
    (s.orgs.owners_committee + s.orgs.red_owners_committee) * s.ownersCommitteeMembersPerCommittee +
    s.ruralCommunities * s.ruralNotablesPerRuralCommunity
  );
}

export interface ExpectedFigure {
  value: number;
  breakdown?: Record<string, number>;
}

/** The registry figures the stats endpoint must show for the subdistrict of a freshly seeded scale. */
export function expectedFigures(s: ScaleSpec): Record<string, ExpectedFigure> {
  return {
    'regions.communities': { value: communityCount(s), breakdown: { urban_community: s.urbanCommunities, rural_community: s.ruralCommunities } },
    'regions.grid2': { value: grid2Count(s), breakdown: { compound: s.compounds, cooperative: s.cooperatives, area: s.areas } },
    'regions.grid3': { value: grid3Count(s), breakdown: { building: s.buildings, lane: s.lanes } },
    households: { value: s.households },
    people: { value: peopleCount(s) },
    three_heads: { value: threeHeadCount(s), breakdown: { ...s.threeHeads } },
    'three_heads.by_child': { value: threeHeadCount(s) },
    'building_heads.party': { value: s.partyBuildingHeads },
    'party_members.in_grids': {
      value: s.partyMembers + s.registeredPartyMembers + firstSecretaryCount(s),
      breakdown: { party_member: s.partyMembers, registered_party_member: s.registeredPartyMembers, first_secretary: firstSecretaryCount(s) },
    },
    mediators: { value: s.mediators },
    volunteers: { value: s.partyVolunteers + s.otherVolunteers },
    'volunteers.party': { value: s.partyVolunteers },
  };
}
