import { ProblemSchema } from '@shuren/core';
import type { TSchema } from 'typebox';

/** Response map for a route: its success body plus the shared problem+json body for every error. */
export function responses<S extends Record<number, TSchema>>(ok: S) {
  return { ...ok, '4xx': ProblemSchema, '5xx': ProblemSchema } as S & { '4xx': typeof ProblemSchema; '5xx': typeof ProblemSchema };
}
