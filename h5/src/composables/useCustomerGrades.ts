import { computed, ref, type Ref } from 'vue';
import { DEFAULT_CUSTOMER_GRADES } from '@scrm/shared';
import { listCustomerGrades } from '@/api/customers';

/** The corp's grades, read once per session (they change only in the corp settings). */
const grades = ref<string[] | null>(null);
let inFlight: Promise<void> | null = null;

function load(): void {
  if (grades.value || inFlight) return;
  inFlight = listCustomerGrades()
    .then((r) => void (grades.value = r.items))
    // Unreadable: the default list; the server still checks the grade on save.
    .catch(() => void (grades.value = [...DEFAULT_CUSTOMER_GRADES]))
    .finally(() => (inFlight = null));
}

/**
 * The grades a customer may have (`GET /api/customer-grades`, the server validates against the
 * same list); `load()` once signed in. `current` (a customer's stored grade) stays pickable even when the corp has since
 * dropped it, so editing other fields never clears it silently.
 */
export function useCustomerGrades(current?: Ref<string | null | undefined>) {
  const options = computed(() => {
    const list = grades.value ?? [];
    const mine = current?.value;
    return mine && grades.value && !list.includes(mine) ? [...list, mine] : list;
  });
  /** Reads the list (once per session); call it once signed in. */
  return { options, load };
}
