// The one reading of a query string or a posted form into named values, for every page, route, feed and form: a repeated key keeps
// its first value.
/**
 * `params` (a query string's URLSearchParams, or a form's FormData) as one value per key, the first one given (`?sort=top&sort=x` is
 * `sort=top` everywhere, as the pages have always read it). Object.fromEntries defines each key as an own property, so a key named
 * `__proto__` is a value like any other.
 */
export function queryValues<V = string>(params: Iterable<[string, V]>): Record<string, V> {
  const seen = new Set<string>();
  return Object.fromEntries(
    [...params].filter(([key]) => {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}
