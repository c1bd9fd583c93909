import { Type, type Static } from 'typebox';
import { AllowedActions, Id, Name, Timestamp } from './common.js';

/** Which requests an Open311 client may read: only its own submissions, or every appeal placed in its region. */
export const OPEN311_READ_SCOPES = ['own', 'region'] as const;
export type Open311ReadScope = (typeof OPEN311_READ_SCOPES)[number];

export const CreateOpen311ClientBody = Type.Object(
  {
    name: Name,
    /** The region the client takes reports for (default: the admin's subdistrict). */
    regionId: Type.Optional(Id),
    readScope: Type.Optional(Type.Enum([...OPEN311_READ_SCOPES])),
    /** Answer POST requests with a token (GeoReport "batch" style) instead of the service_request_id. */
    tokenReplies: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateOpen311ClientBody = Static<typeof CreateOpen311ClientBody>;

export const Open311Client = Type.Object({
  id: Id,
  name: Type.String(),
  regionId: Id,
  regionName: Type.String(),
  keyPrefix: Type.String({ description: 'First characters of the api_key, to tell keys apart' }),
  readScope: Type.Enum([...OPEN311_READ_SCOPES]),
  tokenReplies: Type.Boolean(),
  createdAt: Timestamp,
  revokedAt: Type.Union([Timestamp, Type.Null()]),
  allowedActions: AllowedActions,
});
export type Open311Client = Static<typeof Open311Client>;

/** The issued client with its api_key: shown once, only its hash is stored. */
export const IssuedOpen311Client = Type.Intersect([Open311Client, Type.Object({ apiKey: Type.String() })]);
export type IssuedOpen311Client = Static<typeof IssuedOpen311Client>;

/* ---- GeoReport v2 wire format (https://wiki.open311.org/GeoReport_v2), served at /open311/v2 ---- */

export const GEOREPORT_FORMATS = ['json', 'xml'] as const;
const FormatParam = Type.Enum([...GEOREPORT_FORMATS]);
const ApiKey = Type.String({ maxLength: 200 });
const JurisdictionId = Type.String({ maxLength: 100 });
/** A list parameter: comma delimited, or declared several times. */
const ListParam = Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 50 })]);
const Digits = Type.String({ pattern: '^[0-9]{0,6}$' });

export const GeoReportFormatParams = Type.Object({ format: FormatParam }, { additionalProperties: false });
export const GeoReportServiceParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }), format: FormatParam }, { additionalProperties: false });
export const GeoReportRequestParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }), format: FormatParam }, { additionalProperties: false });
export const GeoReportTokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }), format: FormatParam }, { additionalProperties: false });

export const GeoReportBaseQuery = Type.Object({ jurisdiction_id: Type.Optional(JurisdictionId), api_key: Type.Optional(ApiKey) }, { additionalProperties: false });

export const GeoReportRequestsQuery = Type.Object(
  {
    jurisdiction_id: Type.Optional(JurisdictionId),
    api_key: Type.Optional(ApiKey),
    service_request_id: Type.Optional(ListParam),
    service_code: Type.Optional(ListParam),
    start_date: Type.Optional(Type.String({ maxLength: 40 })),
    end_date: Type.Optional(Type.String({ maxLength: 40 })),
    status: Type.Optional(ListParam),
    /** Extension: 1-based page of `page_size` (at most 1000, the spec's default volume). */
    page: Type.Optional(Digits),
    page_size: Type.Optional(Digits),
  },
  { additionalProperties: false },
);
export type GeoReportRequestsQuery = Static<typeof GeoReportRequestsQuery>;

const AttributeValue = Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean()]);

/** POST requests: form-encoded per the spec (attribute[code]=value), JSON accepted too. */
export const GeoReportPostBody = Type.Object(
  {
    api_key: Type.Optional(ApiKey),
    jurisdiction_id: Type.Optional(JurisdictionId),
    service_code: Type.Optional(Type.String({ maxLength: 100 })),
    lat: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Number()])),
    long: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Number()])),
    address_string: Type.Optional(Type.String({ maxLength: 200 })),
    address_id: Type.Optional(Type.String({ maxLength: 100 })),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    device_id: Type.Optional(Type.String({ maxLength: 200 })),
    account_id: Type.Optional(Type.String({ maxLength: 200 })),
    first_name: Type.Optional(Type.String({ maxLength: 50 })),
    last_name: Type.Optional(Type.String({ maxLength: 50 })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    media_url: Type.Optional(Type.String({ maxLength: 2000 })),
    attribute: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Type.Union([AttributeValue, Type.Array(AttributeValue, { maxItems: 50 })]))),
  },
  { additionalProperties: false },
);
export type GeoReportPostBody = Static<typeof GeoReportPostBody>;

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Str = () => Type.String();

export const GeoReportErrors = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }));

export const GeoReportDiscovery = Type.Object({
  changeset: Str(),
  contact: Str(),
  key_service: Str(),
  endpoints: Type.Array(Type.Object({ specification: Str(), url: Str(), changeset: Str(), type: Str(), formats: Type.Array(Str()) })),
});

export const GeoReportService = Type.Object({
  service_code: Str(),
  service_name: Str(),
  description: Str(),
  metadata: Type.Boolean(),
  type: Type.Enum(['realtime', 'batch', 'blackbox']),
  keywords: Str(),
  group: Str(),
});

export const GeoReportServiceDefinition = Type.Object({
  service_code: Str(),
  attributes: Type.Array(
    Type.Object({
      variable: Type.Boolean(),
      code: Str(),
      datatype: Type.Enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: Type.Boolean(),
      datatype_description: Nullable(Str()),
      order: Type.Integer({ minimum: 1 }),
      description: Str(),
      values: Type.Array(Type.Object({ key: Str(), name: Str() })),
    }),
  ),
});

/** POST answer: the id (realtime), or a token for clients issued token replies; never both, as the spec says. */
export const GeoReportCreated = Type.Array(
  Type.Union([
    Type.Object({ service_request_id: Str(), service_notice: Nullable(Str()), account_id: Nullable(Str()) }),
    Type.Object({ token: Str(), service_notice: Nullable(Str()), account_id: Nullable(Str()) }),
  ]),
);

export const GeoReportTokenAnswer = Type.Array(Type.Object({ service_request_id: Str(), token: Str() }));

/** One note of the public timeline (extension `notes`): staff appear by role, never by name; no internal notes. */
export const GeoReportNote = Type.Object({ type: Str(), datetime: Str(), author: Str(), level: Str(), description: Nullable(Str()) });

export const GeoReportRequest = Type.Object({
  service_request_id: Str(),
  status: Type.Enum(['open', 'closed']),
  status_notes: Nullable(Str()),
  service_name: Str(),
  service_code: Str(),
  description: Nullable(Str()),
  agency_responsible: Nullable(Str()),
  service_notice: Nullable(Str()),
  requested_datetime: Str(),
  updated_datetime: Str(),
  expected_datetime: Nullable(Str()),
  address: Nullable(Str()),
  address_id: Nullable(Str()),
  zipcode: Nullable(Str()),
  lat: Type.Union([Type.Number(), Type.Null()]),
  long: Type.Union([Type.Number(), Type.Null()]),
  media_url: Nullable(Str()),
  notes: Type.Array(GeoReportNote),
});
export type GeoReportRequest = Static<typeof GeoReportRequest>;
