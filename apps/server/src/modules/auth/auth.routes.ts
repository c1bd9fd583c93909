import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, invalidField } from '../../shared/errors.js';
import { responses } from '../../shared/route-schema.js';
import { ChangePasswordBody, LoginBody, Me, Ok, RegisterBody, RequestCodeBody } from './auth.contracts.js';
import * as service from './auth.service.js';
import { SESSION_COOKIE } from './sessions.js';

const tags = ['auth'];

export async function authRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: app.config.cookieSecure };

  api.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in with account and password; sets an HttpOnly session cookie', body: LoginBody, response: responses({ 200: Ok }), security: [] },
    },
    async (request, reply) => {
      const session = await service.login(app.db, app.config, contextOf(request), request.body, request.headers['user-agent'] ?? null);
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
      return { ok: true };
    },
  );

  api.post('/auth/logout', { config: { public: true }, schema: { tags, summary: 'Sign out (ends the session)', response: responses({ 200: Ok }) } }, async (request, reply) => {
    if (request.sessionToken) {
      await service.logout(app.db, contextOf(request), request.sessionToken);
      app.sessionCache.delete(request.sessionToken);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  api.get('/auth/me', { schema: { tags, summary: 'The signed-in account, its roles and permissions', response: responses({ 200: Me }) } }, async (request) => {
    const a = actorOf(request);
    return {
      accountId: a.accountId,
      personId: a.personId,
      name: a.name,
      login: a.login,
      householdId: a.householdId,
      homeRegionPath: a.homePath,
      assignments: a.assignments,
      permissions: a.grants,
    };
  });

  api.post(
    '/auth/register/code',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '10 minutes', keyGenerator: (req) => `${req.ip}|${(req.body as any)?.phone ?? ''}` } },
      schema: { tags, summary: 'Send a registration code to a mobile number (SMS/WeChat adapter)', body: RequestCodeBody, response: responses({ 202: Ok }), security: [] },
    },
    async (request, reply) => {
      await service.requestRegistrationCode(app.db, app.verificationSender, contextOf(request), request.body.phone);
      return reply.status(202).send({ ok: true });
    },
  );

  api.post(
    '/auth/register',
    { config: { public: true, rateLimit: { max: 20, timeWindow: '10 minutes' } }, schema: { tags, summary: 'Resident self-registration with phone, code and password', body: RegisterBody, response: responses({ 201: Ok }), security: [] } },
    async (request, reply) => {
      const result = await service.register(app.db, contextOf(request), request.body);
      if ('wrongCode' in result) throw invalidField('/body/code', 'wrong_code', { zh: '验证码不正确', en: 'The code is wrong' });
      return reply.status(201).send({ ok: true });
    },
  );

  api.post('/auth/password', { schema: { tags, summary: 'Change my password (ends my other sessions)', body: ChangePasswordBody, response: responses({ 200: Ok }) } }, async (request) => {
    const actor = actorOf(request);
    if (!actor) throw new AppError('unauthenticated');
    await service.changePassword(app.db, contextOf(request), actor.accountId, request.body);
    app.sessionCache.clear();
    return { ok: true };
  });
}
