import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { grantsFor, type Role } from '@shuren/core';
import type { Db, DbOrTx } from '../../db/client.js';
import { accounts, people, regions, roleAssignments, sessions } from '../../db/schema/index.js';
import type { Actor } from '../../shared/actor.js';
import { shanghaiDay } from '../../shared/time.js';

export const SESSION_COOKIE = 'shuren_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(tx: DbOrTx, accountId: string, now: Date, ttlMinutes: number, meta: { ip: string | null; userAgent: string | null }) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
  await tx.insert(sessions).values({ id: hashToken(token), accountId, createdAt: now, lastSeenAt: now, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null });
  return { token, expiresAt };
}

export type SessionLookup = { actor: Actor; expiresAt: Date } | { expired: true } | null;

/** Loads the actor behind a session token: the account, its person and the role assignments in force today. */
export async function loadSession(db: Db, token: string, now: Date): Promise<SessionLookup> {
  const id = hashToken(token);
  const [row] = await db
    .select({ session: sessions, account: accounts, person: people })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return null;
  if (row.session.revokedAt || row.session.expiresAt <= now || row.account.disabledAt) return { expired: true };
  const actor = await actorFor(db, row.account, row.person, id, now);
  return { actor, expiresAt: row.session.expiresAt };
}

export async function actorFor(
  db: DbOrTx,
  account: { id: string; login: string },
  person: { id: string; name: string; homePath: string; householdId: string | null },
  sessionId: string,
  now: Date,
): Promise<Actor> {
  const today = shanghaiDay(now);
  const rows = await db
    .select({ id: roleAssignments.id, role: roleAssignments.role, regionId: roleAssignments.regionId, regionPath: regions.path, regionName: regions.name })
    .from(roleAssignments)
    .innerJoin(regions, eq(regions.id, roleAssignments.regionId))
    .where(and(eq(roleAssignments.personId, person.id), lte(roleAssignments.startDate, today), or(isNull(roleAssignments.endDate), gte(roleAssignments.endDate, today))));
  // The live region path is used (not the copy on the assignment) so a moved node moves its people's scope too.
  const assignments = rows.map((r) => ({ ...r, role: r.role as Role }));
  return {
    accountId: account.id,
    personId: person.id,
    name: person.name,
    login: account.login,
    sessionId,
    homePath: person.homePath,
    householdId: person.householdId,
    assignments,
    grants: grantsFor(assignments),
  };
}

/**
 * A small in-process cache of session lookups. Sign-out clears this process's entry at once; other instances
 * keep theirs for at most `ttlMs` (SESSION_CACHE_SECONDS), which bounds how long a revoked session lives there.
 */
export class SessionCache {
  private map = new Map<string, { value: SessionLookup; until: number }>();
  constructor(private ttlMs: number, private max = 10_000) {}
  get(token: string, nowMs: number): SessionLookup | undefined {
    const hit = this.map.get(token);
    if (!hit) return undefined;
    if (hit.until <= nowMs) {
      this.map.delete(token);
      return undefined;
    }
    return hit.value;
  }
  set(token: string, value: SessionLookup, nowMs: number): void {
    if (this.ttlMs <= 0) return;
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(token, { value, until: nowMs + this.ttlMs });
  }
  delete(token: string): void {
    this.map.delete(token);
  }
  clear(): void {
    this.map.clear();
  }
}
