import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type FieldIssue } from '../shared/errors.js';

/**
 * PostgreSQL cannot store U+0000 in text; left alone it surfaces as a database error. Refuse it up front,
 * naming every field that holds one.
 */
function findNul(value: unknown, pointer: string, out: FieldIssue[], depth = 0): void {
  if (depth > 32 || out.length > 20) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field: pointer, code: 'nul_character' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findNul(v, `${pointer}/${i}`, out, depth + 1));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push({ field: `${pointer}/${k.replaceAll('\u0000', '\\u0000')}`, code: 'nul_character' });
      findNul(v, `${pointer}/${k}`, out, depth + 1);
    }
  }
}

export default fp(async function nulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const issues: FieldIssue[] = [];
    findNul(request.body, '/body', issues);
    findNul(request.query, '/query', issues);
    findNul(request.params, '/params', issues);
    if (issues.length) throw new AppError('validation_failed', { fields: issues });
  });
});
