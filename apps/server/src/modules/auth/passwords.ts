import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** `scrypt$N$r$p$salt$hash`, base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password.normalize('NFKC'), salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem });
  return timingSafeEqual(actual, expected);
}

/** A hash nobody's password matches, verified against for unknown logins so timing does not reveal them. */
export const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Password rules: 8–128 characters, at least one letter and one digit, not the sign-in name. */
export function passwordProblems(password: string, login: string): { zh: string; en: string } | null {
  if (password.length < 8 || password.length > 128) return { zh: '密码长度应为 8–128 个字符', en: 'Password must be 8–128 characters' };
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return { zh: '密码需同时包含字母和数字', en: 'Password must contain letters and digits' };
  if (password.toLowerCase() === login.toLowerCase()) return { zh: '密码不能与账号相同', en: 'Password must differ from the account name' };
  return null;
}
