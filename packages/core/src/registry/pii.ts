/** Personal data rules: Chinese mobile numbers and resident ID numbers (GB 11643-1999), and their masks. */

export const CN_MOBILE_PATTERN = '^1[3-9]\\d{9}$';
const CN_MOBILE = new RegExp(CN_MOBILE_PATTERN);

export function isCnMobile(phone: string): boolean {
  return CN_MOBILE.test(phone);
}

/** 138****5678 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** z***@example.org: the first character of the mailbox, then the domain (so a typo in the domain still shows). */
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf('@');
  if (at <= 0) return '*'.repeat(email.length);
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 18-digit resident ID with a valid check character and a plausible birth date. */
export function isCnIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17];
}

/** Appends the check character to 17 digits (for generating valid demo numbers). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** 4406**********123X */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
