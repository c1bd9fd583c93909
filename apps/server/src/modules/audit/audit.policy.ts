import { idsOnPath, scopesFor } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { requireScopes } from '../../shared/scope.js';

export interface AuditVisibility {
  scopes: string[];
  includeUnplaced: boolean;
}

/**
 * What part of the audit trail the actor may read: rows whose region path lies in a subtree where they hold
 * `audit.read`. Rows with no region (sign-ins, account changes) belong to nobody's subtree, so only audit
 * readers at the subdistrict root see them, and only when no region filter narrows the view. 403 when nothing.
 */
export function auditVisibility(actor: Actor, requestedPath?: string): AuditVisibility {
  const scopes = requireScopes(actor, 'audit.read', requestedPath);
  const atRoot = scopesFor(actor.grants, 'audit.read').some((p) => idsOnPath(p).length === 1);
  return { scopes, includeUnplaced: atRoot && requestedPath === undefined };
}
