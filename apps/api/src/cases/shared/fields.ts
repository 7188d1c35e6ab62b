/**
 * The listed body fields that were given. Events are stored as JSON, where an absent optional field
 * and `undefined` must be the same thing, so absent fields are left out rather than set to undefined.
 */
export function fields<D extends object, K extends keyof D>(body: D, ...keys: K[]): Pick<D, K> {
  const picked = {} as Pick<D, K>;
  for (const key of keys) {
    if (body[key] !== undefined && body[key] !== null) picked[key] = body[key];
  }
  return picked;
}

/** Times arrive with any offset and are stored in UTC. */
export function utc(instant: string): string;
export function utc(instant: string | undefined): string | undefined;
export function utc(instant: string | undefined): string | undefined {
  return instant === undefined ? undefined : new Date(instant).toISOString();
}
