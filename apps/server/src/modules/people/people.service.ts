import { uuidv7 } from '../../shared/ids.js';
import { isCnIdNumber, maskEmail, maskIdNumber, maskPhone } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { insertWithAudit, recordAudit } from '../../shared/audit.js';
import { people } from '../../db/schema/index.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError, invalidField, notFound } from '../../shared/errors.js';
import { requireAllowed } from '../../shared/scope.js';
import { findRegionById } from '../regions/regions.repository.js';
import { isUniqueViolation } from './db-errors.js';
import { canReveal, type RevealField } from './people.policy.js';
import * as repo from './people.repository.js';

export interface CreatePersonInput {
  name: string;
  gender?: 'female' | 'male' | 'unspecified';
  birthYear?: number;
  phone?: string;
  email?: string;
  idNumber?: string;
  partyMember?: boolean;
  homeRegionId: string;
}

export type UpdatePersonInput = Partial<Omit<CreatePersonInput, 'birthYear' | 'phone' | 'email' | 'idNumber'>> & {
  birthYear?: number | null;
  phone?: string | null;
  email?: string | null;
  idNumber?: string | null;
};

/**
 * The audit trail is readable by auditors and community staff, so it must not become a way around the reveal
 * rule: phone and ID number are recorded masked (a change still shows, and `piiChanged` names it).
 */
export function auditablePerson(p: repo.PersonRow) {
  const { phone, idNumber, email, ...rest } = p;
  return { ...rest, phone: maskPhone(phone), idNumber: maskIdNumber(idNumber), email: maskEmail(email ?? null) };
}

function checkIdNumber(idNumber: string | null | undefined): void {
  if (idNumber && !isCnIdNumber(idNumber)) {
    throw invalidField('/body/idNumber', 'checksum', { zh: '身份证号码校验位或出生日期不正确', en: 'The ID number has a wrong check character or birth date' });
  }
}

const duplicateId = () =>
  new AppError('duplicate', { fields: [{ field: '/body/idNumber', code: 'duplicate', zh: '该身份证号码已登记', en: 'This ID number is already registered' }] });

/**
 * Registers a person. Kept lean on purpose (it is the benchmarked write path): one read of the home region,
 * then one transaction with the insert and its audit row; a duplicate ID number is caught by the unique index.
 */
export async function createPerson(db: Db, ctx: CommandContext, input: CreatePersonInput): Promise<repo.PersonWithRegion> {
  const actor = requireActor(ctx);
  checkIdNumber(input.idNumber);
  const region = await findRegionById(db, input.homeRegionId);
  if (!region) throw invalidField('/body/homeRegionId', 'not_found', { zh: '居住区域不存在', en: 'Home region does not exist' });
  requireAllowed(actor, 'person.manage', region.path);
  const row: repo.PersonRow = {
    id: uuidv7(),
    name: input.name,
    gender: input.gender ?? 'unspecified',
    birthYear: input.birthYear ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    idNumber: input.idNumber ?? null,
    partyMember: input.partyMember ?? false,
    homeRegionId: region.id,
    homePath: region.path,
    householdId: null,
    householdRelation: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  try {
    // One statement for the person and its audit row: atomic without a transaction's extra round trips (hot path).
    await insertWithAudit(db, ctx, people, row, { action: 'person.create', entityType: 'person', entityId: row.id, regionPath: row.homePath, after: auditablePerson(row) });
  } catch (err) {
    if (isUniqueViolation(err, 'people_id_number_uq')) throw duplicateId();
    throw err;
  }
  return { ...row, homeRegionName: region.name };
}

export async function updatePerson(db: Db, ctx: CommandContext, id: string, input: UpdatePersonInput): Promise<repo.PersonRow> {
  const actor = requireActor(ctx);
  checkIdNumber(input.idNumber);
  try {
    return await db.transaction(async (tx) => {
      const before = await repo.findPersonForUpdate(tx, id);
      if (!before) throw notFound();
      requireAllowed(actor, 'person.manage', before.homePath);
      const patch: Partial<repo.PersonInsert> = {};
      for (const key of ['name', 'gender', 'birthYear', 'phone', 'email', 'idNumber', 'partyMember'] as const) {
        if (input[key] !== undefined && input[key] !== before[key]) (patch as any)[key] = input[key];
      }
      if (input.homeRegionId !== undefined && input.homeRegionId !== before.homeRegionId) {
        const region = await findRegionById(tx, input.homeRegionId);
        if (!region) throw invalidField('/body/homeRegionId', 'not_found', { zh: '居住区域不存在', en: 'Home region does not exist' });
        requireAllowed(actor, 'person.manage', region.path);
        // A household member lives where the household is; moving them is done by leaving the household first.
        if (before.householdId) {
          throw new AppError('conflict', {
            fields: [{ field: '/body/homeRegionId', code: 'in_household', zh: '该人员已登记在住户中，请先移出住户再更改居住区域', en: 'The person belongs to a household; remove them from it before changing the home region' }],
          });
        }
        patch.homeRegionId = region.id;
        patch.homePath = region.path;
      }
      if (Object.keys(patch).length === 0) return before;
      patch.updatedAt = ctx.now;
      const after = await repo.updatePerson(tx, id, patch);
      const piiChanged = (['phone', 'email', 'idNumber'] as const).filter((k) => k in patch);
      await recordAudit(tx, ctx, {
        action: 'person.update',
        entityType: 'person',
        entityId: id,
        regionPath: after.homePath,
        before: auditablePerson(before),
        after: { ...auditablePerson(after), ...(piiChanged.length ? { piiChanged } : {}) },
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'people_id_number_uq')) throw duplicateId();
    throw err;
  }
}

/**
 * Shows the unmasked phone, email and/or ID number to a caller entitled to them. Every reveal, whoever asks and
 * whatever the reason, leaves an audit row (`person.reveal`) naming the fields and the reason, never the values.
 */
export async function revealPerson(db: Db, ctx: CommandContext, id: string, input: { fields: RevealField[]; reason: string }) {
  const actor = requireActor(ctx);
  const person = await repo.findPersonById(db, id);
  if (!person) throw notFound();
  for (const f of input.fields) if (!canReveal(actor, person, f)) throw new AppError('forbidden');
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      action: 'person.reveal',
      entityType: 'person',
      entityId: id,
      regionPath: person.homePath,
      after: { fields: input.fields, reason: input.reason, self: actor.personId === id },
    });
  });
  const out: { phone?: string | null; idNumber?: string | null; email?: string | null } = {};
  if (input.fields.includes('phone')) out.phone = person.phone;
  if (input.fields.includes('idNumber')) out.idNumber = person.idNumber;
  if (input.fields.includes('email')) out.email = person.email;
  return out;
}
