import { Type } from 'typebox';
import { Id, Name, Phone, RoleSchema, Timestamp } from '@shuren/core';

export const LoginBody = Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const Me = Type.Object({
  accountId: Id,
  personId: Id,
  name: Type.String(),
  login: Type.String(),
  householdId: Type.Union([Id, Type.Null()]),
  homeRegionPath: Type.String(),
  expiresAt: Type.Optional(Timestamp),
  assignments: Type.Array(Type.Object({ id: Id, role: RoleSchema, regionId: Id, regionName: Type.String(), regionPath: Type.String() })),
  permissions: Type.Array(Type.Object({ permission: Type.String(), path: Type.String() })),
});

export const RequestCodeBody = Type.Object({ phone: Phone }, { additionalProperties: false });
export const RegisterBody = Type.Object(
  { phone: Phone, code: Type.String({ pattern: '^\\d{6}$' }), password: Type.String({ minLength: 1, maxLength: 200 }), name: Name },
  { additionalProperties: false },
);
export const ChangePasswordBody = Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export const Ok = Type.Object({ ok: Type.Boolean() });
