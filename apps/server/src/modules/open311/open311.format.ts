import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import { shanghaiClock } from '@shuren/core';

/** GeoReport v2 answers in the format named by the resource's extension (`/services.xml`, `/requests/1.json`). */
export type Format = 'json' | 'xml';

/**
 * An error in the spec's own body (`[{ code, description }]`). HTTP status per the spec: 404 for resources that do
 * not exist, 403 for a wrong or missing api_key, 400 for anything else.
 */
export class Open311Error extends Error {
  constructor(
    public readonly status: 400 | 403 | 404,
    public readonly description: string,
  ) {
    super(description);
  }
}

/** ISO 8601 (w3 profile) in Asia/Shanghai with its offset, e.g. 2026-03-01T09:30:00+08:00. */
export function w3(d: Date | null | undefined): string | null {
  if (!d) return null;
  return `${shanghaiClock(d.getTime()).slice(0, 19)}+08:00`;
}

const W3_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Parses a w3 date-time; a bare date means the start of that day in Shanghai. Null when it is not one. */
export function parseW3(text: string): Date | null {
  const t = text.trim();
  const m = W3_DATE.exec(t);
  if (!m) return null;
  const [y, mo, da, h, mi, se] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  // Date() would roll 2026-02-30 over into March; refuse impossible days and times instead.
  const probe = new Date(Date.UTC(y, mo - 1, da));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== da || h > 23 || mi > 59 || se > 59) return null;
  const d = new Date(m[4] ? t : `${m[1]}-${m[2]}-${m[3]}T00:00:00+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const builder = new XMLBuilder({ format: true, ignoreAttributes: true, suppressEmptyNode: false, indentBy: '  ' });

/** `<root><item>…</item>…</root>`; an empty list is an empty root element. */
export function xmlList(root: string, item: string, rows: Record<string, unknown>[]): string {
  return xmlDocument({ [root]: rows.length ? { [item]: rows } : '' });
}

export function xmlDocument(tree: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(tree)}`;
}

/** Sends the JSON body, or its XML rendering, with the spec's content types (UTF-8 everywhere). */
export function sendAs(reply: FastifyReply, format: Format, json: unknown, xml: () => string, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(xml());
  return reply.type('application/json; charset=utf-8').send(json);
}

export function errorBody(errors: { code: number; description: string }[]): { json: unknown; xml: () => string } {
  return { json: errors, xml: () => xmlList('errors', 'error', errors) };
}

/** The format a URL asks for; JSON when it names none (errors before routing, unknown paths). */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0];
  return path.endsWith('.xml') ? 'xml' : 'json';
}

/**
 * `application/x-www-form-urlencoded` as GeoReport clients send it: plain fields, plus `attribute[code]=value` and
 * `attribute[code][]=v1&attribute[code][]=v2` (multivaluelist) gathered into `attribute`. A plain field sent twice
 * keeps every value (an array), so the schema refuses it instead of silently taking one.
 */
export function parseForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const attribute: Record<string, string | string[]> = {};
  let sawAttribute = false;
  for (const [key, value] of new URLSearchParams(text)) {
    const m = /^attribute\[([^\]]*)\](\[\])?$/.exec(key);
    if (m) {
      sawAttribute = true;
      const code = m[1];
      const prev = attribute[code];
      if (m[2]) attribute[code] = [...(Array.isArray(prev) ? prev : prev !== undefined ? [prev] : []), value];
      else attribute[code] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
      continue;
    }
    const prev = out[key];
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  if (sawAttribute) out.attribute = attribute;
  return out;
}
