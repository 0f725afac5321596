import { defineStore } from 'pinia';
import { ref } from 'vue';
import { APPROVAL_BOXES, type ApprovalBox } from '@scrm/shared';
import { listApprovals } from '@/api/approvals';
import { countBadge } from '@/utils/approvals';

/** Largest page the API serves; beyond it a tab just says 99+. */
const COUNT_PAGE = 100;

interface BoxCount {
  count: number;
  hasMore: boolean;
}

/**
 * Counts of the approval boxes, shared by the workbench badge and the inbox tabs. The API has no
 * count endpoint, so a count is the size of one big page (enough for a badge).
 */
export const useApprovalCountsStore = defineStore('approvalCounts', () => {
  const counts = ref<Partial<Record<ApprovalBox, BoxCount>>>({});

  async function refreshBox(box: ApprovalBox): Promise<void> {
    const page = await listApprovals({ box, limit: COUNT_PAGE });
    counts.value = { ...counts.value, [box]: { count: page.items.length, hasMore: page.nextCursor !== null } };
  }

  /** Refreshes the given boxes (all by default); failures keep the last known counts. */
  async function refresh(boxes: readonly ApprovalBox[] = APPROVAL_BOXES): Promise<void> {
    await Promise.allSettled(boxes.map(refreshBox));
  }

  function badge(box: ApprovalBox): string {
    const c = counts.value[box];
    return c ? countBadge(c.count, c.hasMore) : '';
  }

  return { counts, refresh, badge };
});
