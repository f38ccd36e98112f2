/**
 * The value, or an Error naming what is missing. For lookups an invariant guarantees (a key taken
 * from the same table, a regex group that always takes part in a match) but the type cannot.
 */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}
