/**
 * Events are stored as JSON, where an undefined field does not exist; dropping such keys (at every depth) keeps a
 * value in memory equal to the stored one, so a fold gives the same state before and after a reload.
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutUndefined(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, withoutUndefined(v)] as const);
  return Object.fromEntries(entries) as T;
}
