import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@shuren/core';
import { api, isApiError } from './api';

/** GET /api/v1/auth/me (the server's `Me` schema in apps/server/src/modules/auth/auth.contracts.ts). */
export interface MeAssignment {
  id: string;
  role: Role;
  regionId: string;
  regionName: string;
  regionPath: string;
}
export interface Me {
  accountId: string;
  personId: string;
  name: string;
  login: string;
  householdId: string | null;
  homeRegionPath: string;
  expiresAt?: string;
  assignments: MeAssignment[];
  permissions: { permission: string; path: string }[];
}

/** Roles that work at a desk: they land in the staff console after signing in. */
export const STAFF_ROLES: readonly Role[] = ['subdistrict_admin', 'subdistrict_staff', 'auditor', 'community_staff', 'committee_member', 'grid_worker'];

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in account, or null when nobody is signed in (a 401 here is an answer, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('/auth/me', { allow401: true });
  } catch (e) {
    if (isApiError(e, 401)) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

export function isStaff(me: Me | null | undefined): boolean {
  return !!me?.assignments.some((a) => STAFF_ROLES.includes(a.role));
}

/** Where someone goes after signing in (when they did not come from a particular page). */
export function homeFor(me: Me | null | undefined): string {
  return isStaff(me) ? '/console' : '/r';
}

/** Only same-site paths are accepted as a "come back to" target (no open redirect). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}

export function hasPermission(me: Me | null | undefined, permission: string, path?: string): boolean {
  return !!me?.permissions.some((g) => g.permission === permission && (path === undefined || path.startsWith(g.path)));
}

export async function login(loginName: string, password: string): Promise<Me> {
  await api('/auth/login', { body: { login: loginName, password }, allow401: true });
  const me = await fetchMe();
  if (!me) throw new Error('signed in but no session');
  return me;
}

export function useSignOut() {
  const qc = useQueryClient();
  return async () => {
    try {
      await api('/auth/logout', { method: 'POST', allow401: true });
    } finally {
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    }
  };
}
