/**
 * A key for one user action, sent as `Idempotency-Key` and reused by every retry of that action,
 * so a write retried after a lost answer is replayed by the server instead of applied twice.
 */
export function newActionKey(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
