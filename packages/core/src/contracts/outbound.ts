import { Type, type Static } from 'typebox';
import { Id, PageQueryProps, Timestamp } from './common.js';

export const OUTBOUND_CHANNELS = ['email', 'webhook'] as const;
export const OUTBOUND_STATUSES = ['pending', 'sent', 'failed'] as const;

/** One copy of an inbox notice sent (or to be sent) outside the app, with its attempts. */
export const OutboundDelivery = Type.Object({
  id: Id,
  channel: Type.Enum([...OUTBOUND_CHANNELS]),
  status: Type.Enum([...OUTBOUND_STATUSES]),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([Timestamp, Type.Null()]),
  lastAttemptAt: Type.Union([Timestamp, Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  notification: Type.Object({
    id: Id,
    kind: Type.String(),
    appealId: Type.Union([Id, Type.Null()]),
    trackingCode: Type.Union([Type.String(), Type.Null()]),
    title: Type.String(),
    recipientPersonId: Id,
  }),
});
export type OutboundDelivery = Static<typeof OutboundDelivery>;

export const OutboundDeliveryListQuery = Type.Object(
  {
    ...PageQueryProps,
    status: Type.Optional(Type.Enum([...OUTBOUND_STATUSES])),
    channel: Type.Optional(Type.Enum([...OUTBOUND_CHANNELS])),
    regionId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
