import { describe, expect, it } from 'vitest';
import { availableActions, needsConfirmation, needsTargetUser, reasonRequired } from './actions';

const rep = { id: '5', role: 'rep' };
const manager = { id: '2', role: 'manager' };

describe('customer actions on offer', () => {
  it('lets a rep claim from the pool, and a manager also assign or discard', () => {
    const pooled = { ownerId: null, status: 'active' as const, locked: false };
    expect(availableActions(pooled, rep)).toEqual(['claim']);
    expect(availableActions(pooled, manager)).toEqual(['claim', 'assign', 'discard']);
  });
  it('lets the owner transfer, return or discard, but a locked customer only transfer', () => {
    expect(availableActions({ ownerId: '5', status: 'active', locked: false }, rep)).toEqual(['transfer', 'return', 'discard']);
    expect(availableActions({ ownerId: '5', status: 'active', locked: true }, rep)).toEqual(['transfer']);
  });
  it("offers nothing on a colleague's customer to a rep, reclaim to a manager", () => {
    expect(availableActions({ ownerId: '9', status: 'active', locked: false }, rep)).toEqual([]);
    expect(availableActions({ ownerId: '9', status: 'active', locked: false }, manager)).toContain('reclaim');
  });
  it('offers restore on discarded customers', () => {
    expect(availableActions({ ownerId: '5', status: 'discarded', locked: false }, rep)).toEqual(['restore']);
  });
  it('requires a reason for return and discard and confirms destructive actions', () => {
    expect(reasonRequired('return')).toBe(true);
    expect(reasonRequired('discard')).toBe(true);
    expect(reasonRequired('claim')).toBe(false);
    expect(needsConfirmation('discard')).toBe(true);
    expect(needsConfirmation('claim')).toBe(false);
    expect(needsTargetUser('assign')).toBe(true);
  });
});
