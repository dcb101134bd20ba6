// Remembers a value computed from an object for as long as the object lives, so a digest's per-paper work runs once per run.

/** `build`, run at most once per key object; the result is dropped with the key. */
export function cachePerObject<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = build(key);
    cache.set(key, value);
    return value;
  };
}
