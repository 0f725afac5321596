import { reactive } from 'vue';
import { getCustomerName } from '@/api/contracts';

/** Names already looked up, shared by every page of the session (a customer's name rarely changes). */
const known = reactive(new Map<string, string>());
const inFlight = new Map<string, Promise<void>>();

/**
 * Customer names for contract rows, which carry only `customerId`: each id is fetched once and
 * cached. A failed look-up leaves the name out (the contract title still says enough).
 */
export function useCustomerNames() {
  function load(ids: Iterable<string>): void {
    for (const id of new Set(ids)) {
      if (known.has(id) || inFlight.has(id)) continue;
      inFlight.set(
        id,
        getCustomerName(id)
          .then((c) => void known.set(id, c.name))
          .catch(() => undefined)
          .finally(() => inFlight.delete(id)),
      );
    }
  }
  const nameOf = (id: string | null | undefined): string => (id ? (known.get(id) ?? '') : '');
  return { load, nameOf };
}
