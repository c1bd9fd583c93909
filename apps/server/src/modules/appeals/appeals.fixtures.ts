import { eq } from 'drizzle-orm';
import { accounts, regions } from '../../db/schema/index.js';
import type { TestApp } from '../../../test/helpers.js';
import { workingCalendar } from './appeals.setup.js';

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

/**
 * Moves the test clock forward to 10:00 Asia/Shanghai on the next working day, so SLA arithmetic in a test
 * does not depend on the day the suite runs. (Forward only: the seed's records keep coming first.)
 */
export function startOnWorkingMorning(t: TestApp): Date {
  let day = new Date(t.clock.now().getTime() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  while (!workingCalendar.isWorkday(day)) day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  t.clock.current = new Date(`${day}T10:00:00+08:00`);
  return t.clock.current;
}

/** A multipart/form-data body with several files, for app.inject. */
export function photoUpload(files: { data: Buffer; filename?: string; type?: string }[]) {
  const boundary = `----shuren${Math.random().toString(16).slice(2)}`;
  const parts = files.map((f, i) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.filename ?? `photo-${i}.jpg`}"\r\nContent-Type: ${f.type ?? 'image/jpeg'}\r\n\r\n`),
      f.data,
      Buffer.from('\r\n'),
    ]),
  );
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads photos as the cookie's person and returns the response. */
export function uploadPhotos(t: TestApp, cookie: string, files: { data: Buffer; filename?: string; type?: string }[], query = '') {
  const m = photoUpload(files);
  return t.app.inject({ method: 'POST', url: `/api/v1/appeals/photos${query}`, headers: { cookie, ...m.headers }, payload: m.payload });
}
