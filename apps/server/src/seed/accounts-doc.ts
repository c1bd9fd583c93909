import type { DemoAccount } from './demo-accounts.js';

/** The text of docs/demo-accounts.json (for scripts): the demo sign-ins without the people's display names. */
export function demoAccountsDocument(accounts: readonly DemoAccount[]): string {
  const list = accounts.map((a) => ({ login: a.login, password: a.password, role: a.role, roleZh: a.roleZh, scope: a.scope, regionCode: a.regionCode }));
  return `${JSON.stringify(list, null, 2)}\n`;
}
