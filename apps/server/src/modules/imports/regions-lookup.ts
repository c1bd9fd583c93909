import type { Permission } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { isAllowed } from '../../shared/scope.js';
import type { RegionRow } from './imports.repository.js';
import type { RowReport } from './row-rules.js';

const LEVEL_ZH: Record<string, string> = { subdistrict: '街道', community: '社区', grid2: '二级网格', grid3: '三级网格' };

/** A row's region code → the node, when it exists, is on an accepted level and inside the caller's scope. */
export function resolveRegion(
  report: RowReport,
  actor: Actor,
  row: number,
  column: string,
  code: string,
  byCode: Map<string, RegionRow>,
  levels: string[],
  permission: Permission,
): RegionRow | null {
  const region = byCode.get(code);
  if (!region) {
    report.add(row, column, 'unknown_region', `找不到编码为“${code}”的网格`, `no grid has the code "${code}"`);
    return null;
  }
  if (!isAllowed(actor, permission, region.path)) {
    report.add(row, column, 'out_of_scope', `网格“${code}”不在您的管辖范围内`, `grid "${code}" is outside your scope`);
    return null;
  }
  if (!levels.includes(region.level)) {
    const want = levels.map((l) => LEVEL_ZH[l]).join('或');
    report.add(row, column, 'wrong_level', `“${code}”是${LEVEL_ZH[region.level] ?? region.level}，这里需要${want}编码`, `"${code}" is a ${region.level} node; a ${levels.join(' or ')} code is needed here`);
    return null;
  }
  return region;
}

/** The deepest node whose subtree holds every path: where a whole import's summary row belongs. */
export function commonAncestor(paths: string[]): string | null {
  if (!paths.length) return null;
  let parts = paths[0].split('/').filter(Boolean);
  for (const p of paths.slice(1)) {
    const other = p.split('/').filter(Boolean);
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.length ? `/${parts.join('/')}/` : null;
}
