import { describe, expect, it } from 'vitest';
import { actionNeeds, actionTone, countBadge, orderedActions, statusTone, validComment } from './approvals';

describe('approval actions', () => {
  it('requires a comment to reject and a colleague to transfer or add an approver', () => {
    expect(actionNeeds('reject')).toMatchObject({ comment: 'required', user: false });
    expect(actionNeeds('transfer').user).toBe(true);
    expect(actionNeeds('add_approver').user).toBe(true);
    expect(actionNeeds('approve')).toMatchObject({ comment: 'optional', confirm: true });
    expect(actionNeeds('withdraw')).toMatchObject({ comment: 'none', confirm: true });
  });

  it('refuses an empty reject comment and drops blank optional ones', () => {
    expect(validComment('reject', '   ')).toBeNull();
    expect(validComment('reject', ' 票据不清晰 ')).toBe('票据不清晰');
    expect(validComment('approve', '  ')).toBeUndefined();
    expect(validComment('approve', '同意')).toBe('同意');
  });

  it('orders the buttons with approve last and keeps only what the server allows', () => {
    expect(orderedActions(['approve', 'reject', 'return', 'transfer', 'add_approver'])).toEqual([
      'transfer',
      'add_approver',
      'return',
      'reject',
      'approve',
    ]);
    expect(orderedActions(['withdraw'])).toEqual(['withdraw']);
    expect(orderedActions([])).toEqual([]);
    expect(actionTone('approve')).toBe('primary');
    expect(actionTone('reject')).toBe('error');
    expect(actionTone('withdraw')).toBe('info');
  });
});

describe('badges and chips', () => {
  it('shows counts, nothing for zero and 99+ beyond a page', () => {
    expect(countBadge(0, false)).toBe('');
    expect(countBadge(3, false)).toBe('3');
    expect(countBadge(20, true)).toBe('99+');
    expect(countBadge(120, false)).toBe('99+');
  });

  it('colours statuses consistently', () => {
    expect(statusTone('pending')).toBe('blue');
    expect(statusTone('approved')).toBe('orange');
    expect(statusTone('approved', 'approval')).toBe('green');
    expect(statusTone('withdrawn', 'approval')).toBe('grey');
    expect(statusTone('reimbursed')).toBe('green');
    expect(statusTone('settled')).toBe('green');
    expect(statusTone('rejected')).toBe('red');
    expect(statusTone('draft')).toBe('grey');
  });
});
