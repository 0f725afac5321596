import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApprovalBox, ApprovalCounts } from '@scrm/shared';
import { getApprovalCounts } from '@/api/approvals';
import { countBadge } from '@/utils/approvals';

/**
 * Counts of the approval boxes, shared by the workbench badge and the inbox tabs: one
 * `GET /api/approvals/counts` answers all four boxes with exact sizes.
 */
export const useApprovalCountsStore = defineStore('approvalCounts', () => {
  const counts = ref<Partial<ApprovalCounts>>({});
  let running: Promise<void> | null = null;

  /** Refreshes every box; calls made while one is in flight share it; a failure keeps the last known counts. */
  function refresh(): Promise<void> {
    running ??= getApprovalCounts()
      .then((c) => void (counts.value = c))
      .catch(() => undefined)
      .finally(() => (running = null));
    return running;
  }

  function badge(box: ApprovalBox): string {
    const c = counts.value[box];
    return c === undefined ? '' : countBadge(c, false);
  }

  return { counts, refresh, badge };
});
