import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from '../../shared/ids.js';
import { boxAround, metresBetween, type CreateAppealBody, type CreateOpen311ClientBody, type Lang } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError, invalidField, notFound } from '../../shared/errors.js';
import { submitAppeal } from '../appeals/appeals.service.js';
import { sendOutbound } from '../appeals/appeals.notify.js';
import { Open311Error } from './open311.format.js';
import type { SubmitInput } from './open311.input.js';
import { canManageClients, clientActor, clientScopes } from './open311.policy.js';
import { text } from './open311.presenter.js';
import * as repo from './open311.repository.js';
import type { CategoryRow, ClientRow } from './open311.repository.js';

/**
 * Home path of the person records Open311 clients report through. It lies outside the region tree on purpose:
 * a client is not a resident, so no region counts it, lists it or scopes anything to it.
 */
export const CLIENT_HOME_PATH = '/open311/';
const KEY_PREFIX = 'o311_';

export function hashKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

/** Issues a client and its api_key; the key is returned this once and only its hash is kept. */
export async function issueClient(db: Db, ctx: CommandContext, body: CreateOpen311ClientBody) {
  const actor = requireActor(ctx);
  const own = actor.assignments.find((a) => a.role === 'subdistrict_admin');
  if (!own || clientScopes(actor).length === 0) throw new AppError('forbidden');
  const regionId = body.regionId ?? own.regionId;
  return db.transaction(async (tx) => {
    const region = await repo.findRegion(tx, regionId);
    if (!region) throw invalidField('/body/regionId', 'not_found', { zh: '区域不存在', en: 'Region not found' });
    if (!canManageClients(actor, region.path)) throw invalidField('/body/regionId', 'outside_scope', { zh: '该区域不在您的管理范围内', en: 'That region is outside your area' });
    const personId = uuidv7();
    await repo.insertPerson(tx, { id: personId, name: `Open311 · ${body.name}`, homePath: CLIENT_HOME_PATH, createdAt: ctx.now, updatedAt: ctx.now });
    const apiKey = KEY_PREFIX + randomBytes(24).toString('base64url');
    const client = await repo.insertClient(tx, {
      id: uuidv7(),
      name: body.name,
      personId,
      regionId: region.id,
      regionPath: region.path,
      keyHash: hashKey(apiKey),
      keyPrefix: apiKey.slice(0, KEY_PREFIX.length + 6),
      readScope: body.readScope ?? 'own',
      tokenReplies: body.tokenReplies ?? false,
      createdByPersonId: actor.personId,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'open311.client.issue',
      entityType: 'open311_client',
      entityId: client.id,
      regionPath: region.path,
      after: { name: client.name, regionId: region.id, readScope: client.readScope, tokenReplies: client.tokenReplies, keyPrefix: client.keyPrefix, personId },
    });
    return { client, apiKey, regionName: region.name };
  });
}

export async function revokeClient(db: Db, ctx: CommandContext, id: string) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const client = await repo.lockClient(tx, id);
    if (!client || !canManageClients(actor, client.regionPath)) throw notFound();
    if (client.revokedAt) throw new AppError('not_allowed_in_state', { allowedActions: [] });
    const updated = await repo.updateClient(tx, id, { revokedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'open311.client.revoke', entityType: 'open311_client', entityId: id, regionPath: client.regionPath, before: { revokedAt: null }, after: { revokedAt: ctx.now } });
    return updated;
  });
}

/** The client holding an api_key; the spec's 403 when it is missing, unknown or revoked. */
export async function authenticate(db: Db, apiKey: string | undefined, lang: Lang, action: string): Promise<ClientRow> {
  if (!apiKey) throw new Open311Error(403, text(lang, `缺少 api_key，无法${action === 'create_request' ? '提交诉求' : '查询'}`, `api_key was not provided -- can't proceed with ${action}.`));
  const client = apiKey.length <= 200 ? await repo.findActiveClientByKeyHash(db, hashKey(apiKey)) : undefined;
  if (!client) throw new Open311Error(403, text(lang, 'api_key 无效或已吊销', `Invalid api_key received -- can't proceed with ${action}.`));
  return client;
}

/**
 * Where the report is placed. address_id names a household (its id) or a region node (its code); address_string
 * is matched to a node's exact name or code, else kept as text; a bare point is placed at the client's own node.
 * A bare lat/long lands on the nearest building (or other node) with a point within 150 m inside the client's
 * area; failing that, on the client's own node — for a subdistrict-wide client the operations centre, which
 * dispatches it. The point itself goes with the report (duplicates within ~100 m are found by it).
 */
async function placeOf(db: Db, client: ClientRow, input: SubmitInput, lang: Lang): Promise<{ regionId?: string; householdId?: string; note: string | null }> {
  const inside = (path: string) => path.startsWith(client.regionPath);
  const point = input.lat !== null && input.long !== null ? `WGS84 ${input.lat},${input.long}` : null;
  if (input.location.kind === 'address_id') {
    const id = input.location.addressId;
    const household = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findHousehold(db, id) : undefined;
    if (household) {
      if (!inside(household.regionPath)) throw new Open311Error(400, text(lang, 'address_id 不在该客户端的服务范围内', 'address_id is outside the area of this api_key'));
      return { householdId: household.id, note: input.addressString ?? point };
    }
    const region = await repo.findRegionByCode(db, id);
    if (!region) throw new Open311Error(400, text(lang, `找不到 address_id ${id}`, `address_id ${id} was not found`));
    if (!inside(region.path)) throw new Open311Error(400, text(lang, 'address_id 不在该客户端的服务范围内', 'address_id is outside the area of this api_key'));
    return { regionId: region.id, note: input.addressString ?? point };
  }
  if (input.location.kind === 'address_string') {
    const t = input.location.text;
    const byCode = await repo.findRegionByCode(db, t);
    const byName = byCode && inside(byCode.path) ? [byCode] : await repo.findRegionsByName(db, t, client.regionPath);
    if (byName.length === 1) return { regionId: byName[0].id, note: point };
    return { regionId: client.regionId, note: [t, point].filter(Boolean).join(' · ') };
  }
  if (input.lat !== null && input.long !== null) {
    const at = { lat: input.lat, lng: input.long };
    const near = await repo.nearestPlaceWithPoint(db, client.regionPath, at, boxAround(at, NEAREST_PLACE_METRES));
    if (near && metresBetween(at, { lat: near.lat!, lng: near.lng! }) <= NEAREST_PLACE_METRES) return { regionId: near.id, note: point };
  }
  return { regionId: client.regionId, note: point };
}

const NEAREST_PLACE_METRES = 150;

/**
 * POST requests: the submission becomes an appeal (source open311) through the appeals service, reported by the
 * client's person record, with the submitter as the caller (name, phone) like a hotline call. The appeal, its
 * Open311 record and both audit rows commit together (the appeals command runs in a savepoint of this
 * transaction); outbound notices go out after the commit.
 */
export async function submitRequest(
  db: Db,
  base: Omit<CommandContext, 'actor'>,
  client: ClientRow,
  category: CategoryRow,
  input: SubmitInput,
  lang: Lang,
  log?: { warn: (...a: any[]) => void },
) {
  const region = await repo.findRegion(db, client.regionId);
  const actor = clientActor(client, region?.name ?? '', CLIENT_HOME_PATH);
  const ctx: CommandContext = { ...base, actor };
  const place = await placeOf(db, client, input, lang);
  const locationText = place.note ? place.note.slice(0, 200) : undefined;
  const body: CreateAppealBody = {
    categoryCode: category.code,
    description: input.description ?? text(lang, `${category.nameZh}（经 Open311 反映）`, `${category.nameEn} (reported via Open311)`),
    ...(place.householdId ? { householdId: place.householdId } : { regionId: place.regionId }),
    ...(locationText ? { locationText } : {}),
    ...(input.lat !== null && input.long !== null ? { point: { lat: input.lat, lng: input.long } } : {}),
    answers: input.answers,
    source: 'open311',
    ...(input.caller ? { caller: input.caller } : {}),
  };
  const token = randomBytes(12).toString('base64url');
  const result = await db.transaction(async (tx) => {
    const submitted = await submitAppeal(tx as unknown as Db, ctx, body);
    const row = submitted.row;
    await repo.insertRequest(tx, {
      appealId: row.id,
      clientId: client.id,
      token,
      lat: input.lat,
      long: input.long,
      addressString: input.addressString,
      addressId: input.location.kind === 'address_id' ? input.location.addressId : null,
      mediaUrl: input.mediaUrl,
      email: input.email,
      deviceId: input.deviceId,
      accountId: input.accountId,
      regionPath: row.regionPath,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'open311.request.create',
      entityType: 'appeal',
      entityId: row.id,
      regionPath: row.regionPath,
      after: { clientId: client.id, trackingCode: row.trackingCode, categoryCode: category.code, lat: input.lat, long: input.long, addressId: input.location.kind === 'address_id' ? input.location.addressId : null, mediaUrl: input.mediaUrl },
    });
    return submitted;
  });
  await sendOutbound(db, result.outbound, log);
  return { row: result.row, token };
}
