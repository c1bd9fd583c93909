import type { ErrorCode } from '@shuren/core';

/** A field problem before translation: the message comes from core's table by `code`, or from `zh`/`en`. */
export interface FieldIssue {
  field: string;
  code: string;
  param?: string | number;
  zh?: string;
  en?: string;
}

/** A typed error with a code from core's table; the error plugin turns it into application/problem+json. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly opts: { detail?: { zh: string; en: string }; fields?: FieldIssue[]; allowedActions?: string[] } = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');

export function invalidField(field: string, code: string, text?: { zh: string; en: string }): AppError {
  return new AppError('validation_failed', { fields: [{ field, code, ...text }] });
}
