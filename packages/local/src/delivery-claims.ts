import type { DeliveryClaims } from '@live-scores/core';

/** Claims held in memory: for tests and for stores that outlive no process. */
export function createMemoryDeliveryClaims(): DeliveryClaims {
  const claims = new Map<string, Set<string>>();
  return {
    async claim(deliveryKey, endpoints) {
      const held = claims.get(deliveryKey) ?? new Set<string>();
      claims.set(deliveryKey, held);
      const claimed = new Set(endpoints.filter((endpoint) => !held.has(endpoint)));
      for (const endpoint of claimed) held.add(endpoint);
      return claimed;
    },
  };
}
