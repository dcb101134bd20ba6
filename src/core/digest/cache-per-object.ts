// Remembers a value computed from an object for as long as the object lives, so a digest's per-paper work runs once per run.

/** `build`, run at most once per key object; the result is dropped with the key. */
export function cachePerObject<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    // One lookup on the hot path (every paper of every digest): a cached undefined is only rebuilt, never wrong.
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = build(key)));
    return value;
  };
}
