import type { Permission } from '@shuren/core';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../shared/actor.js';
import { notFound } from '../../shared/errors.js';
import { requireScopes } from '../../shared/scope.js';
import { findRegionById } from './regions.repository.js';

/**
 * The caller's scopes for a list, narrowed to the requested region subtree: 404 for an unknown region,
 * 403 when nothing is left (a resident listing people, a worker asking for another community).
 */
export async function listScopes(db: Db, actor: Actor, permission: Permission, regionId: string | undefined): Promise<string[]> {
  let requested: string | undefined;
  if (regionId) {
    const region = await findRegionById(db, regionId);
    if (!region) throw notFound();
    requested = region.path;
  }
  return requireScopes(actor, permission, requested);
}
