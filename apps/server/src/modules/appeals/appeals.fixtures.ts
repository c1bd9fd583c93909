import { eq } from 'drizzle-orm';
import { accounts, regions } from '../../db/schema/index.js';
import type { TestApp } from '../../../test/helpers.js';

/** Test helpers for the appeals suites: region ids by demo code, person ids by demo login, JSON calls. */
export async function regionId(t: TestApp, code: string): Promise<string> {
  const [r] = await t.database.db.select({ id: regions.id }).from(regions).where(eq(regions.code, code));
  return r.id;
}

export async function personOf(t: TestApp, login: string): Promise<string> {
  const [a] = await t.database.db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.login, login));
  return a.personId;
}

export function caller(t: TestApp, cookie: string) {
  return {
    post: (url: string, payload: unknown = {}) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie }, payload: payload as any }),
    get: (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } }),
  };
}
