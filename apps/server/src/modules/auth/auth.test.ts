import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('signs in with the right password and sets an HttpOnly cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'admin', password: 'shuren2026' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'shuren_session');
    expect(cookie?.httpOnly).toBe(true);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `shuren_session=${cookie!.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().assignments[0].role).toBe('subdistrict_admin');
  });

  it('refuses a wrong password with 401 in Chinese by default and English on request', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'worker', password: 'wrong-pass1' } });
    expect(zh.statusCode).toBe(401);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json().title).toBe('账号或密码错误');
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en-US,en;q=0.9' }, payload: { login: 'worker', password: 'wrong-pass1' } });
    expect(en.json().title).toBe('Wrong account or password');
  });

  it('rejects requests without a session with 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/regions' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'gridworker', password: 'nope12345' } });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'gridworker', password: 'shuren2026' } });
    expect(res.statusCode).toBe(423);
    t.clock.advance(16 * 60_000);
    const later = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'gridworker', password: 'shuren2026' } });
    expect(later.statusCode).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const cookie = await t.login('louzhang');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('session_expired');
  });

  it('expires sessions after their lifetime', async () => {
    const cookie = await t.login('auditor');
    t.clock.advance(13 * 3600_000);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('registers a resident with a code and enforces password rules', async () => {
    const phone = '13912345678';
    const sent = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register/code', payload: { phone } });
    expect(sent.statusCode).toBe(202);
    const code = t.app.verificationSender.lastCode!(phone)!;
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { phone, code, password: 'short', name: '新居民' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('/body/password');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { phone, code: code === '000000' ? '111111' : '000000', password: 'goodpass123', name: '新居民' } });
    expect(wrong.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { phone, code, password: 'goodpass123', name: '新居民' } });
    expect(ok.statusCode).toBe(201);
    await t.login(phone, 'goodpass123');
  });
});
