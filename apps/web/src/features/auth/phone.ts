/**
 * The mainland mobile number rule, for the registration form's own check before asking for a code.
 * It mirrors `CN_MOBILE_PATTERN` in @shuren/core (phone.test.ts keeps them equal): importing the core
 * package here would put its whole contracts chunk (~19 KB gzipped) on a signed-out resident's phone.
 * The server checks again and its field error is shown in place.
 */
export const MOBILE_PATTERN = '^1[3-9]\\d{9}$';
const MOBILE = new RegExp(MOBILE_PATTERN);

export function looksLikeMobile(phone: string): boolean {
  return MOBILE.test(phone);
}
