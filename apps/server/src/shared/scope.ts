import { allows, narrowScopes, scopesFor, type Permission } from '@shuren/core';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';

/** Subtree roots where the actor holds `permission`, narrowed to `requestedPath`; 403 when nothing is left. */
export function requireScopes(actor: Actor, permission: Permission, requestedPath?: string): string[] {
  const scopes = narrowScopes(scopesFor(actor.grants, permission), requestedPath);
  if (scopes.length === 0) throw new AppError('forbidden');
  return scopes;
}

export function requireAllowed(actor: Actor, permission: Permission, targetPath: string): void {
  if (!allows(actor.grants, permission, targetPath)) throw new AppError('forbidden');
}

export function isAllowed(actor: Actor, permission: Permission, targetPath: string): boolean {
  return allows(actor.grants, permission, targetPath);
}
