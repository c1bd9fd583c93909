import { boolean, doublePrecision, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk } from './columns.js';
import { appeals } from './appeals.js';
import { people } from './people.js';
import { regions } from './regions.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * An Open311 GeoReport v2 client (a partner app, a hotline bridge), issued by a subdistrict admin. Only the
 * SHA-256 of its api_key is kept. The client reports through its own person record (outside the region tree,
 * so it is never counted as a resident) and may take reports anywhere in its region's subtree.
 */
export const open311Clients = pgTable(
  'open311_clients',
  {
    id: pk(),
    name: text('name').notNull(),
    personId: uuid('person_id').notNull().references(() => people.id),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    regionPath: text('region_path').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, shown to admins to tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    /** 'own': reads only the requests it submitted; 'region': every appeal placed in its region (public fields only). */
    readScope: text('read_scope').notNull().default('own'),
    /** Answer POST requests with a token instead of the id (for clients built against batch jurisdictions). */
    tokenReplies: boolean('token_replies').notNull().default(false),
    createdByPersonId: uuid('created_by_person_id'),
    createdAt: createdAt(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('open311_clients_key_hash_uq').on(t.keyHash), index('open311_clients_path_idx').using('btree', t.regionPath.op('text_pattern_ops'))],
);

/** What an Open311 submission carried beyond the appeal itself: the client, its token, the point and the media link. */
export const open311Requests = pgTable(
  'open311_requests',
  {
    appealId: uuid('appeal_id')
      .primaryKey()
      .references(() => appeals.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => open311Clients.id),
    token: text('token').notNull(),
    lat: doublePrecision('lat'),
    long: doublePrecision('long'),
    addressString: text('address_string'),
    addressId: text('address_id'),
    mediaUrl: text('media_url'),
    email: text('email'),
    deviceId: text('device_id'),
    accountId: text('account_id'),
    regionPath: text('region_path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('open311_requests_token_uq').on(t.token), index('open311_requests_client_idx').on(t.clientId, t.createdAt)],
);
