import type { Role } from '@scrm/shared';
import type { AuthUser } from '../http/context';
import { errors } from '../http/errors';

/** True when the caller has one of the roles. */
export function hasRole(user: AuthUser, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}

/**
 * The one role check: throws `403 forbidden` (with `message`, default "没有权限执行此操作") unless
 * the caller has one of `roles`. Data scope (own / subtree / all) is separate: see `auth/scope.ts`.
 */
export function requireRole(user: AuthUser, roles: Role[], message?: string): void {
  if (!hasRole(user, roles)) throw errors.forbidden(message);
}
