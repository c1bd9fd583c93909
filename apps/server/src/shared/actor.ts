import type { Grant, Role } from '@shuren/core';

export interface ActiveAssignment {
  id: string;
  role: Role;
  regionId: string;
  regionPath: string;
  regionName: string;
}

/** The signed-in account and what its person's role assignments allow today. */
export interface Actor {
  accountId: string;
  personId: string;
  name: string;
  login: string;
  sessionId: string;
  homePath: string;
  householdId: string | null;
  assignments: ActiveAssignment[];
  grants: Grant[];
}
