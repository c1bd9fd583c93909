import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CN_MOBILE_PATTERN, isCnMobile } from '@shuren/core';
import { looksLikeMobile, MOBILE_PATTERN } from './phone';

describe('registration form mobile number check', () => {
  it('is the same rule as the server (core CN_MOBILE_PATTERN)', () => {
    expect(MOBILE_PATTERN).toBe(CN_MOBILE_PATTERN);
  });

  it('accepts and refuses exactly what the server does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 +-]{0,13}$/), (s) => {
        expect(looksLikeMobile(s)).toBe(isCnMobile(s));
      }),
    );
    expect(looksLikeMobile('13912340000')).toBe(true);
    expect(looksLikeMobile('12912340000')).toBe(false);
    expect(looksLikeMobile('1391234000')).toBe(false);
  });
});
