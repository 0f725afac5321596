import { ref, watch, type Ref } from 'vue';
import { listDepartments } from '@/api/org';

/**
 * Names for the department ids of `/api/me`. The ids are the fallback: if the directory can't
 * be read (older server, no permission) the page still shows something true.
 */
export function useDepartmentNames(ids: Ref<readonly string[] | undefined>) {
  const names = ref<string[]>([]);
  let known: Map<string, string> | null = null;

  async function resolve(list: readonly string[]): Promise<void> {
    names.value = list.map((id) => `#${id}`);
    if (list.length === 0) return;
    try {
      if (!known) {
        const { items } = await listDepartments();
        known = new Map(items.map((d) => [d.id, d.name]));
      }
      const map = known;
      names.value = list.map((id) => map.get(id) ?? `#${id}`);
    } catch {
      // Keep the ids; a missing name is not worth an error on the profile page.
    }
  }

  watch(ids, (list) => void resolve(list ?? []), { immediate: true });
  return names;
}
