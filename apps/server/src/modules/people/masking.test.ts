import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskIdNumber, maskPhone } from '@shuren/core';

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

describe('masking personal data', () => {
  it('never shows more than the first 3 and last 4 digits of a mobile number', () => {
    fc.assert(
      fc.property(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), digits(9), (second, rest) => {
        const phone = `1${second}${rest}`;
        const masked = maskPhone(phone)!;
        expect(masked).toHaveLength(11);
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked.slice(0, 3)).toBe(phone.slice(0, 3));
        expect(masked.slice(-4)).toBe(phone.slice(-4));
      }),
    );
  });

  it('shows at most 7 characters of any string it is given as a phone', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const masked = maskPhone(s);
        if (!s) return;
        expect(masked).toHaveLength(s.length);
        // Positions left unmasked copy the input; there are at most 7 of them (3 leading, 4 trailing).
        const shown = [...masked!].map((c, i) => (c === '*' ? -1 : i)).filter((i) => i >= 0);
        expect(shown.length).toBeLessThanOrEqual(7);
        for (const i of shown) expect(i < 3 || i >= s.length - 4).toBe(true);
      }),
    );
  });

  it('hides the birth date and sequence of an ID number', () => {
    fc.assert(
      fc.property(digits(17), fc.constantFrom(...'0123456789X'), (first, check) => {
        const masked = maskIdNumber(first + check)!;
        expect(masked.slice(4, 14)).toBe('*'.repeat(10));
      }),
    );
  });
});
