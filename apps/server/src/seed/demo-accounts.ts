import type { Role } from '@shuren/core';

/** The demo sign-ins, one per kind of user. The same list is written to docs/demo-accounts.json. */
export const DEMO_PASSWORD = 'shuren2026';

export interface DemoAccount {
  login: string;
  password: string;
  role: Role;
  roleZh: string;
  /** Region code the role is held over. */
  regionCode: string;
  scope: string;
  personName: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { login: 'admin', password: DEMO_PASSWORD, role: 'subdistrict_admin', roleZh: '街道管理员', regionCode: 'GC', scope: '桂城街道 (whole subdistrict)', personName: '管理员' },
  { login: 'auditor', password: DEMO_PASSWORD, role: 'auditor', roleZh: '审计员', regionCode: 'GC', scope: '桂城街道 (read + audit)', personName: '审计员' },
  { login: 'worker', password: DEMO_PASSWORD, role: 'community_staff', roleZh: '社区工作人员', regionCode: 'GC-C01', scope: '第1个社区 (first community)', personName: '社区工作者' },
  { login: 'gridworker', password: DEMO_PASSWORD, role: 'grid_worker', roleZh: '网格员', regionCode: 'GC-C01-G01', scope: '第1个社区第1个小区 (first compound)', personName: '网格员' },
  { login: 'louzhang', password: DEMO_PASSWORD, role: 'building_head', roleZh: '楼长', regionCode: 'GC-C01-G01-B01', scope: '第1栋 (first building of the first compound)', personName: '楼长' },
  { login: '13800000001', password: DEMO_PASSWORD, role: 'resident', roleZh: '居民', regionCode: 'GC-C01-G01-B01', scope: '本人及本户 (own records)', personName: '居民' },
];
