/**
 * Answers derived from one loaded content folder, computed once per Content and kept while
 * that Content lives (a WeakMap keyed by it, so a reloaded folder gets fresh answers and a
 * dropped one frees them). A build renders tens of thousands of pages from one Content;
 * questions such as "the test reports of this release" or "this service's releases in version
 * order" would otherwise scan every record once per page, which is quadratic in the number of
 * records. A Content is not changed after loadContent returns it, which is what makes this safe.
 */
import type { Content } from './content.ts';

export function perContent<T>(derive: (content: Content) => T): (content: Content) => T {
  const cache = new WeakMap<Content, T>();
  return (content) => {
    if (cache.has(content)) return cache.get(content)!;
    const value = derive(content);
    cache.set(content, value);
    return value;
  };
}

/** Groups `items` by `key` (an item may fall under several keys), keeping their order. */
export function groupBy<T>(items: Iterable<T>, keys: (item: T) => Iterable<string>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
