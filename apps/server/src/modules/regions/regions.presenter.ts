import type { Region } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { regionActions } from './regions.policy.js';
import type { RegionRow } from './regions.repository.js';

export function presentRegion(row: RegionRow & { childCount?: number }, actor: Actor): Region {
  return {
    id: row.id,
    parentId: row.parentId,
    level: row.level as Region['level'],
    kind: row.kind as Region['kind'],
    code: row.code,
    name: row.name,
    path: row.path,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(row.childCount !== undefined ? { childCount: row.childCount } : {}),
    allowedActions: regionActions(actor, row),
  };
}
