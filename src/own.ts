/**
 * Lookups of untrusted names (tag names, roles, attribute names, option
 * names) in the heuristic tables. A plain object answers `constructor`,
 * `toString` or `__proto__` from `Object.prototype`: a page with
 * `<div role="constructor">` would otherwise get a function for a
 * boilerplate kind, or a string for a score.
 */

/** The table's own entry for `key`, never an inherited one. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
