/**
 * Decides which deliveries are new, shared by every instance that receives the same callbacks.
 * `claim` must answer true exactly once per key, even to concurrent callers, until the key is released
 * or forgotten; `release` makes the key claimable again (the handler calls it when `onTask` fails).
 */
export interface WebhookDedupeStore {
  claim(key: string): boolean | Promise<boolean>;
  release(key: string): void | Promise<void>;
}

/** The default store: this process' memory, forgetting the oldest of `limit` keys first. */
export function memoryDedupeStore(limit = 10_000): WebhookDedupeStore {
  const seen = new Set<string>();
  return {
    claim(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      if (seen.size > limit) seen.delete(seen.values().next().value as string);
      return true;
    },
    release(key) {
      seen.delete(key);
    },
  };
}
