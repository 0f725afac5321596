import { ref, watch, type Ref } from 'vue';
import { listDepartments } from '@/api/org';

/**
 * Names for the department ids of `/api/me`, from `GET /api/departments`. `null` while the
 * directory is being read (so the page never flashes raw ids); if it can't be read the ids are
 * the fallback (`#id`), so the page still shows something true.
 */
export function useDepartmentNames(ids: Ref<readonly string[] | undefined>) {
  const names = ref<string[] | null>(null);
  let known: Map<string, string> | null = null;

  async function resolve(list: readonly string[]): Promise<void> {
    if (list.length === 0) {
      names.value = [];
      return;
    }
    try {
      if (!known) {
        const { items } = await listDepartments();
        known = new Map(items.map((d) => [d.id, d.name]));
      }
      const map = known;
      names.value = list.map((id) => map.get(id) ?? `#${id}`);
    } catch {
      // Keep the ids; a missing name is not worth an error on the profile page.
      names.value = list.map((id) => `#${id}`);
    }
  }

  watch(ids, (list) => void resolve(list ?? []), { immediate: true });
  return names;
}
