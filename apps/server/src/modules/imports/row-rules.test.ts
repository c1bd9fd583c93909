import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '@shuren/core';
import { commonAncestor } from './regions-lookup.js';
import { dateCell, idNumberCell, phoneCell, RowReport } from './row-rules.js';
import { unzippedSize } from './upload.js';

const day = fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));

describe('import row rules', () => {
  it('reads a date the same whether typed, slashed, an Excel date cell or a serial number', () => {
    fc.assert(
      fc.property(day, (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, dd] = iso.split('-').map(Number);
        const serial = Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
        const r = new RowReport();
        for (const v of [iso, `${y}/${m}/${dd}`, `${y}年${m}月${dd}日`, d, serial]) expect(dateCell(r, 2, '开始日期', v, true)).toBe(iso);
        expect(r.hasIssues()).toBe(false);
      }),
    );
  });

  it('accepts every ID number with a valid check character and refuses any single changed digit', () => {
    const first17 = fc.tuple(fc.stringMatching(/^\d{6}$/), day, fc.stringMatching(/^\d{3}$/)).map(([area, d, seq]) => `${area}${d.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`);
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (f17, pos, delta) => {
        const id = f17 + idCheckChar(f17);
        const ok = new RowReport();
        expect(idNumberCell(ok, 2, '身份证号', id)).toBe(id);
        const digit = (Number(id[pos]) + delta) % 10;
        const changed = id.slice(0, pos) + digit + id.slice(pos + 1);
        const bad = new RowReport();
        expect(idNumberCell(bad, 2, '身份证号', changed)).toBeNull();
        expect(bad.issues[0].field).toBe('row:2/身份证号');
      }),
    );
  });

  it('normalises typed phone numbers and reports anything that is not a mainland mobile', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const r = new RowReport();
        expect(phoneCell(r, 5, '手机号', `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)} ${phone.slice(7)}`, true)).toBe(phone);
        expect(phoneCell(r, 5, '手机号', Number(phone), true)).toBe(phone);
        expect(phoneCell(r, 6, '手机号', phone.slice(1), true)).toBeNull();
        expect(r.issues.map((i) => i.field)).toEqual(['row:6/手机号']);
      }),
    );
  });

  it('finds the deepest region holding every path', () => {
    const seg = fc.constantFrom('a', 'b', 'c');
    const path = fc.array(seg, { minLength: 1, maxLength: 4 }).map((s) => `/root/${s.join('/')}/`);
    fc.assert(
      fc.property(fc.array(path, { minLength: 1, maxLength: 6 }), (paths) => {
        const anc = commonAncestor(paths)!;
        expect(paths.every((p) => p.startsWith(anc))).toBe(true);
        // One segment deeper no longer holds them all (unless the ancestor is a whole path).
        const deeper = paths.map((p) => p.slice(0, p.indexOf('/', anc.length) + 1)).filter((p) => p.length > anc.length);
        if (deeper.length === paths.length) expect(new Set(deeper).size).toBeGreaterThan(1);
      }),
    );
  });

  it('never throws on arbitrary bytes while measuring a ZIP', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, withEocd) => {
        const buf = Buffer.from(bytes);
        if (withEocd && buf.length >= 22) buf.writeUInt32LE(0x06054b50, buf.length - 22);
        const size = unzippedSize(buf);
        expect(size === null || size >= 0).toBe(true);
      }),
    );
  });
});
