import { randomInt } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.js';
import type { Db } from '../../db/client.js';
import { accounts, people, regions, sessions, verificationCodes } from '../../db/schema/index.js';
import { recordAudit } from '../../shared/audit.js';
import type { CommandContext } from '../../shared/context.js';
import { AppError, invalidField } from '../../shared/errors.js';
import type { Config } from '../../config.js';
import { DUMMY_HASH, hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import { createSession, hashToken } from './sessions.js';
import type { VerificationSender } from './verification-sender.js';

export async function login(db: Db, config: Config, ctx: CommandContext, input: { login: string; password: string }, userAgent: string | null) {
  const [account] = await db.select().from(accounts).where(eq(accounts.login, input.login.trim())).limit(1);
  if (!account) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw new AppError('invalid_credentials');
  }
  if (account.disabledAt) throw new AppError('invalid_credentials');
  if (account.lockedUntil && account.lockedUntil > ctx.now) throw new AppError('account_locked');
  const ok = await verifyPassword(input.password, account.passwordHash);
  if (!ok) {
    // Counted in one statement so parallel failures cannot lose increments.
    const lockUntil = new Date(ctx.now.getTime() + config.loginLockMinutes * 60_000);
    const [after] = await db
      .update(accounts)
      .set({
        failedAttempts: sql`${accounts.failedAttempts} + 1`,
        lockedUntil: sql`case when ${accounts.failedAttempts} + 1 >= ${config.loginMaxFailures} then ${lockUntil.toISOString()}::timestamptz else ${accounts.lockedUntil} end`,
      })
      .where(eq(accounts.id, account.id))
      .returning({ failedAttempts: accounts.failedAttempts, lockedUntil: accounts.lockedUntil });
    await recordAudit(db, { ...ctx, actor: null }, { action: 'auth.login_failed', entityType: 'account', entityId: account.id, after: { failedAttempts: after.failedAttempts } });
    if (after.lockedUntil && after.lockedUntil > ctx.now) throw new AppError('account_locked');
    throw new AppError('invalid_credentials');
  }
  return db.transaction(async (tx) => {
    await tx.update(accounts).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: ctx.now }).where(eq(accounts.id, account.id));
    const session = await createSession(tx, account.id, ctx.now, config.sessionTtlMinutes, { ip: ctx.ip, userAgent });
    await recordAudit(tx, { ...ctx, actor: null }, { action: 'auth.login', entityType: 'account', entityId: account.id });
    return session;
  });
}

export async function logout(db: Db, ctx: CommandContext, token: string) {
  await db.transaction(async (tx) => {
    await tx.update(sessions).set({ revokedAt: ctx.now }).where(and(eq(sessions.id, hashToken(token)), isNull(sessions.revokedAt)));
    if (ctx.actor) await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'account', entityId: ctx.actor.accountId });
  });
}

const CODE_TTL_MS = 10 * 60_000;
const CODE_MAX_ATTEMPTS = 5;

export async function requestRegistrationCode(db: Db, sender: VerificationSender, ctx: CommandContext, phone: string) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.insert(verificationCodes).values({ id: uuidv7(), phone, purpose: 'register', codeHash: hashToken(code), expiresAt: new Date(ctx.now.getTime() + CODE_TTL_MS), createdAt: ctx.now });
  await sender.send(phone, code, 'register');
}

/** Resident self-registration: phone + one-time code + password. The person starts at the root region until a worker links a household. */
export async function register(db: Db, ctx: CommandContext, input: { phone: string; code: string; password: string; name: string }) {
  const problem = passwordProblems(input.password, input.phone);
  if (problem) throw invalidField('/body/password', 'password_rules', problem);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [code] = await tx
      .select()
      .from(verificationCodes)
      .where(and(eq(verificationCodes.phone, input.phone), eq(verificationCodes.purpose, 'register'), isNull(verificationCodes.consumedAt), gt(verificationCodes.expiresAt, ctx.now)))
      .orderBy(desc(verificationCodes.createdAt))
      .limit(1)
      .for('update');
    if (!code || code.attempts >= CODE_MAX_ATTEMPTS) throw invalidField('/body/code', 'code_expired', { zh: '验证码已过期，请重新获取', en: 'The code has expired; request a new one' });
    if (code.codeHash !== hashToken(input.code)) {
      await tx.update(verificationCodes).set({ attempts: code.attempts + 1 }).where(eq(verificationCodes.id, code.id));
      return { wrongCode: true as const };
    }
    const [existing] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.login, input.phone)).limit(1);
    if (existing) throw invalidField('/body/phone', 'duplicate', { zh: '该手机号已注册，请直接登录', en: 'This phone number is already registered; sign in instead' });
    const [root] = await tx.select().from(regions).where(isNull(regions.parentId)).limit(1);
    if (!root) throw new AppError('unavailable');
    const personId = uuidv7();
    const accountId = uuidv7();
    await tx.update(verificationCodes).set({ consumedAt: ctx.now }).where(eq(verificationCodes.id, code.id));
    const [person] = await tx.insert(people).values({ id: personId, name: input.name, phone: input.phone, homeRegionId: root.id, homePath: root.path, createdAt: ctx.now, updatedAt: ctx.now }).returning();
    await tx.insert(accounts).values({ id: accountId, personId, login: input.phone, passwordHash, createdAt: ctx.now });
    const actorCtx = { ...ctx, actor: null };
    await recordAudit(tx, actorCtx, { action: 'person.register', entityType: 'person', entityId: personId, regionPath: root.path, after: person });
    await recordAudit(tx, actorCtx, { action: 'account.create', entityType: 'account', entityId: accountId, after: { login: input.phone, personId } });
    return { accountId, personId };
  });
}

export async function changePassword(db: Db, ctx: CommandContext, accountId: string, input: { currentPassword: string; newPassword: string }) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!account || !(await verifyPassword(input.currentPassword, account.passwordHash))) throw invalidField('/body/currentPassword', 'wrong_password', { zh: '当前密码不正确', en: 'The current password is wrong' });
  const problem = passwordProblems(input.newPassword, account.login);
  if (problem) throw invalidField('/body/newPassword', 'password_rules', problem);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId));
    // Other sessions of this account end: a changed password should lock out whoever knew the old one.
    await tx.update(sessions).set({ revokedAt: ctx.now }).where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt), sql`${sessions.id} <> ${ctx.actor?.sessionId ?? ''}`));
    await recordAudit(tx, ctx, { action: 'account.change_password', entityType: 'account', entityId: accountId });
  });
}
