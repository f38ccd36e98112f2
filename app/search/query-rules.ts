import type { SearchQuery } from "./types";

/** Every engine refuses a page that is not given in non-negative whole numbers before it searches. */
export function assertValidPaging(query: SearchQuery): void {
  for (const [name, value] of [
    ["limit", query.limit],
    ["offset", query.offset],
  ] as const) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** The contract's order by distance: when asked for, or by default when a point is given without text. */
export function ordersByDistance(query: SearchQuery, hasText: boolean): boolean {
  return query.near !== undefined && (query.sort === "distance" || (query.sort === undefined && !hasText));
}
