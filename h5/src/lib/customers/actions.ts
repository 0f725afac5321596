import type { RouteAction } from '@scrm/shared';

/** What the action sheet needs to know about a customer. */
export interface ActionSubject {
  ownerId: string | null;
  status: 'active' | 'discarded';
  locked: boolean;
}
export type ActorRole = 'admin' | 'manager' | 'rep' | 'finance' | (string & {});

/**
 * The ownership actions worth offering to this user on this customer. The server has the final
 * word (pool rules → 409); this only hides actions that can never succeed.
 */
export function availableActions(c: ActionSubject, me: { id: string; role: ActorRole }): RouteAction[] {
  const manages = me.role === 'admin' || me.role === 'manager';
  if (c.status === 'discarded') return manages || c.ownerId === me.id ? ['restore'] : [];
  if (c.ownerId === null) return manages ? ['claim', 'assign', 'discard'] : ['claim'];
  if (c.ownerId === me.id) return c.locked ? ['transfer'] : ['transfer', 'return', 'discard'];
  return manages ? ['transfer', 'reclaim', 'discard'] : [];
}

/** Return and discard need a reason (DOMAIN.md); the server rejects them without one. */
export function reasonRequired(action: RouteAction): boolean {
  return action === 'return' || action === 'discard';
}

/** Actions that take the customer away from someone: ask before doing them. */
export function needsConfirmation(action: RouteAction): boolean {
  return action === 'return' || action === 'discard' || action === 'reclaim';
}

/** Actions that hand the customer to a colleague. */
export function needsTargetUser(action: RouteAction): boolean {
  return action === 'transfer' || action === 'assign';
}
