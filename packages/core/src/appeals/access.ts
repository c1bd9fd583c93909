import type { Role } from '../registry/roles.js';
import type { AppealActorRole } from './model.js';

/**
 * What a role assignment lets a person do with appeals, over the subtree of the assignment's region node.
 * Kept beside the workflow (not in the general permission table) because the machine speaks in these terms.
 */
export const APPEAL_CAPABILITIES = ['read', 'intake', 'dispatch', 'handle', 'supervise', 'inspect'] as const;
export type AppealCapability = (typeof APPEAL_CAPABILITIES)[number];

const STAFF: AppealCapability[] = ['read', 'intake', 'dispatch', 'handle', 'supervise', 'inspect'];

export const APPEAL_ROLE_CAPABILITIES: Partial<Record<Role, readonly AppealCapability[]>> = {
  subdistrict_admin: STAFF,
  subdistrict_staff: STAFF,
  community_staff: STAFF,
  committee_member: STAFF,
  auditor: ['read'],
  grid_worker: ['read', 'intake', 'handle', 'inspect'],
  // 楼长/巷长/街长: take reports on reception day, settle small matters in their building, check fixes on site.
  building_head: ['read', 'intake', 'handle', 'inspect'],
  lane_head: ['read', 'intake', 'handle', 'inspect'],
  street_head: ['read', 'intake', 'handle', 'inspect'],
};

export interface AppealAssignment {
  role: Role;
  regionPath: string;
}

/** Subtree roots where the assignments give `cap` (nested roots collapse into their ancestor). */
export function appealScopes(assignments: readonly AppealAssignment[], cap: AppealCapability): string[] {
  const paths = [...new Set(assignments.filter((a) => APPEAL_ROLE_CAPABILITIES[a.role]?.includes(cap)).map((a) => a.regionPath))].sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const p of paths) if (!roots.some((r) => p.startsWith(r))) roots.push(p);
  return roots;
}

export function hasAppealCapability(assignments: readonly AppealAssignment[], cap: AppealCapability, path: string): boolean {
  return assignments.some((a) => APPEAL_ROLE_CAPABILITIES[a.role]?.includes(cap) && path.startsWith(a.regionPath));
}

/**
 * The roles a person plays toward one appeal: staff roles by the unit's region path (where it sits now)
 * and the place path (for on-site inspection); reporter when they reported it or it was reported for them.
 */
export function appealActorRoles(
  assignments: readonly AppealAssignment[],
  appeal: { unitPath: string; placePath: string },
  isReporter: boolean,
): AppealActorRole[] {
  const roles: AppealActorRole[] = [];
  if (isReporter) roles.push('reporter');
  if (hasAppealCapability(assignments, 'dispatch', appeal.unitPath)) roles.push('dispatcher');
  if (hasAppealCapability(assignments, 'handle', appeal.unitPath)) roles.push('handler');
  if (hasAppealCapability(assignments, 'supervise', appeal.unitPath)) roles.push('supervisor');
  if (hasAppealCapability(assignments, 'inspect', appeal.placePath)) roles.push('inspector');
  return roles;
}

/** Crockford base32 (no I, L, O, U): readable over the phone, case-insensitive. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Encodes random bytes as a tracking code of `length` characters (5 bits each; 10 chars = 50 bits). */
export function trackingCodeFrom(bytes: Uint8Array, length = 10): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (out.length < length) throw new Error('not enough random bytes for the tracking code');
  return out;
}

/** 2025-01-01 00:00 in Asia/Shanghai: day 0 of the day count at the front of a tracking code. */
const TRACKING_CODE_EPOCH = Date.UTC(2024, 11, 31, 16);
const DAY_MS = 86_400_000;

/**
 * A new report's tracking code: two characters for the day it was made (days since 2025-01-01 in Asia/Shanghai,
 * mod 1024, so a pair comes back after 2.8 years) and eight from `random` (40 bits, 5 bytes). The day in front keeps
 * one day's codes side by side in the unique index, so a report writes to a leaf already in memory instead of a
 * random leaf of an index that grows with every report ever made. The random part is what keeps a code from being
 * guessed (the public lookup is also rate-limited); uniqueness is the index's, with a retry on a clash.
 */
export function trackingCodeAt(at: number, random: Uint8Array): string {
  const day = (((Math.floor((at - TRACKING_CODE_EPOCH) / DAY_MS)) % 1024) + 1024) % 1024;
  return CROCKFORD[day >> 5] + CROCKFORD[day & 31] + trackingCodeFrom(random, 8);
}

/** Normalises what a resident types (lower case, O→0, I/L→1, dashes/spaces dropped). */
export function normaliseTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
