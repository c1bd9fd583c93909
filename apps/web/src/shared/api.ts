import type { FieldError, Problem } from '@shuren/core';
import { getLang } from './i18n';
import { noteServerTime } from './server-clock';

/**
 * The one way the web talks to the API: same-origin fetch with the session cookie, JSON in and out,
 * `application/problem+json` turned into an ApiError carrying the code and the field errors.
 */
export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  readonly problem: Partial<Problem>;
  constructor(status: number, problem: Partial<Problem>) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? 'internal';
    this.fieldErrors = problem.errors ?? [];
    this.problem = problem;
  }
}

export function isApiError(e: unknown, status?: number): e is ApiError {
  return e instanceof ApiError && (status === undefined || e.status === status);
}

type UnauthorizedHandler = (error: ApiError) => void;
let onUnauthorized: UnauthorizedHandler = () => {
  const here = location.pathname + location.search;
  if (!location.pathname.startsWith('/login')) location.assign(`/login?next=${encodeURIComponent(here)}`);
};
/** The app shell installs a router-aware handler: a 401 anywhere sends the user to sign in, then back here. */
export function setUnauthorizedHandler(h: UnauthorizedHandler) {
  onUnauthorized = h;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue | QueryValue[]>;

/** Builds `/api/v1/path?a=1&b=2`, skipping empty values. Also used for export links. */
export function apiUrl(path: string, query?: QueryParams): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    const list = Array.isArray(v) ? v : [v];
    for (const x of list) if (x !== undefined && x !== null && x !== '') qs.append(k, String(x));
  }
  const s = qs.toString();
  return `${API_BASE}${path.startsWith('/') ? path : `/${path}`}${s ? `?${s}` : ''}`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Don't redirect to sign-in on 401 (the "who am I" probe and the sign-in form itself). */
  allow401?: boolean;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': getLang() === 'zh' ? 'zh-CN' : 'en' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  const sentAt = Date.now();
  try {
    res = await fetch(apiUrl(path, opts.query), { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body, credentials: 'same-origin', signal: opts.signal });
    noteServerTime(res.headers.get('x-server-time'), sentAt, Date.now());
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'unavailable', title: getLang() === 'zh' ? '网络连接失败，请检查网络后重试' : 'Network error, please retry' } as Partial<Problem>);
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const err = new ApiError(res.status, (data as Partial<Problem>) ?? { title: res.statusText });
    if (res.status === 401 && !opts.allow401) onUnauthorized(err);
    throw err;
  }
  return data as T;
}

/** JSON-pointer field path from the API (`/body/name`, `/body/address/street`) → form field name path. */
export function fieldPath(pointer: string): (string | number)[] {
  const parts = pointer.replace(/^\/(body|query|params)\/?/, '').split('/').filter(Boolean);
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/** Field errors grouped for antd `form.setFields` (or any form): [{ name: ['name'], errors: ['…'] }]. */
export function formFieldErrors(err: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!isApiError(err)) return [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const fe of err.fieldErrors) {
    if (!fe.field.startsWith('/body')) continue;
    const name = fieldPath(fe.field);
    if (!name.length) continue;
    const k = name.join('.');
    const entry = byField.get(k) ?? { name, errors: [] };
    entry.errors.push(fe.message);
    byField.set(k, entry);
  }
  return [...byField.values()];
}
