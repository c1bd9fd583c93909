/**
 * Error codes → HTTP status and bilingual messages. Every error a client sees comes from this table
 * (application/problem+json, RFC 9457), so the web and other clients can rely on `code`.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, zh: '提交的内容有误，请检查标注的字段', en: 'The request has invalid fields' },
  malformed_json: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  bad_request: { status: 400, zh: '请求无效', en: 'Bad request' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please sign in' },
  invalid_credentials: { status: 401, zh: '账号或密码错误', en: 'Wrong account or password' },
  session_expired: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired, please sign in again' },
  account_locked: { status: 423, zh: '密码错误次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed attempts; the account is locked for a while' },
  forbidden: { status: 403, zh: '您没有权限进行此操作或查看此内容', en: 'You do not have access to this' },
  not_found: { status: 404, zh: '找不到该记录', en: 'Not found' },
  conflict: { status: 409, zh: '操作与当前状态冲突', en: 'The request conflicts with the current state' },
  duplicate: { status: 409, zh: '记录已存在', en: 'This record already exists' },
  not_allowed_in_state: { status: 409, zh: '当前状态下不能进行此操作', en: 'This action is not allowed in the current state' },
  payload_too_large: { status: 413, zh: '提交的内容太大', en: 'The request body is too large' },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  unprocessable: { status: 422, zh: '内容无法处理', en: 'The content cannot be processed' },
  invalid_file: { status: 422, zh: '文件无效或格式不正确', en: 'The file is invalid or in the wrong format' },
  rate_limited: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests, please try again later' },
  internal: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal server error' },
  unavailable: { status: 503, zh: '服务暂时不可用', en: 'Service unavailable' },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  /** JSON pointer into the request part, e.g. `/body/name` or `/query/limit`; for files `row:7/手机号`. */
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  errors?: FieldError[];
  /** For 409 on workflow actions: what may be done now. */
  allowedActions?: string[];
}

export type Lang = 'zh' | 'en';

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  // The first language tag the client prefers that we have wins; Chinese is the default.
  const tags = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const t of tags) {
    if (t.tag.startsWith('zh')) return 'zh';
    if (t.tag.startsWith('en')) return 'en';
  }
  return 'zh';
}

/** Messages for field-level validation keywords. `{x}` is replaced by the keyword's parameter. */
export const FIELD_MESSAGES: Record<string, { zh: string; en: string }> = {
  required: { zh: '必填', en: 'is required' },
  additionalProperties: { zh: '不允许的字段', en: 'is not an allowed field' },
  type: { zh: '类型不正确，应为 {x}', en: 'must be of type {x}' },
  minLength: { zh: '至少 {x} 个字符', en: 'must have at least {x} characters' },
  maxLength: { zh: '最多 {x} 个字符', en: 'must have at most {x} characters' },
  minimum: { zh: '不能小于 {x}', en: 'must be at least {x}' },
  maximum: { zh: '不能大于 {x}', en: 'must be at most {x}' },
  exclusiveMinimum: { zh: '必须大于 {x}', en: 'must be greater than {x}' },
  pattern: { zh: '格式不正确', en: 'has the wrong format' },
  format: { zh: '格式不正确，应为 {x}', en: 'must be a valid {x}' },
  enum: { zh: '取值不在允许范围内', en: 'must be one of the allowed values' },
  const: { zh: '取值不正确', en: 'has the wrong value' },
  minItems: { zh: '至少 {x} 项', en: 'must have at least {x} items' },
  maxItems: { zh: '最多 {x} 项', en: 'must have at most {x} items' },
  nul_character: { zh: '不能包含空字符（\\u0000）', en: 'must not contain NUL characters' },
  anyOf: { zh: '取值不符合任何允许的形式', en: 'does not match any allowed form' },
  invalid: { zh: '取值无效', en: 'is invalid' },
};

export function fieldMessage(code: string, lang: Lang, param?: string | number): string {
  const m = FIELD_MESSAGES[code] ?? FIELD_MESSAGES.invalid;
  return m[lang].replace('{x}', param === undefined ? '' : String(param));
}
